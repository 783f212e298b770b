package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One BatchPutMessage entry with its payload already parsed.
 *
 * @param timestampMillis when the device says it happened (§C.6); null = now
 */
public record Message(String inputName, String messageId, JsonNode payload, Long timestampMillis) {
}
