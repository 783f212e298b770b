package io.detectorstudio.engine.runtime;

/** A per-entry error of BatchPutMessage ({@code BatchPutMessageErrorEntries}, iotevents-data). */
public record MessageError(String messageId, String errorCode, String errorMessage) {
}
