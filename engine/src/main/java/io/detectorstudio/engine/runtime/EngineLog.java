package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.diagnostics.Severity;

/**
 * What the service would write to its CloudWatch log about messages it accepted but could not use (semantics §C.1:
 * a keyed model receiving a message without the key attribute, a key value DescribeDetector could never address).
 */
@FunctionalInterface
public interface EngineLog {

    void log(Entry entry);

    EngineLog NONE = entry -> { };

    /** One log line; {@code keyValue} and {@code messageId} may be null. */
    record Entry(Severity level, String detectorModelName, String keyValue, String messageId, String message) { }
}
