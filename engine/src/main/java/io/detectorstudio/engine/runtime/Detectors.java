package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the iotevents-data operations need of an engine (§D): messages in, detectors read, updated and deleted.
 * {@link Engine} is one; a sharded engine (its instances spread over worker threads) is another.
 */
public interface Detectors {

    /** BatchPutMessage: the per-entry errors; the other entries still run. */
    List<MessageError> put(List<Message> batch);

    /**
     * One message read for the models straight from its payload's JSON bytes, to be put by {@link #putPrepared}
     * ({@link Engine#prepare(String, String, byte[], Long)}).
     *
     * @throws IOException when the bytes are not JSON
     */
    PreparedMessage prepare(String inputName, String messageId, byte[] payload, Long timestampMillis)
            throws IOException;

    /** BatchPutMessage of prepared messages: as {@link #put} of their messages, without reading them again. */
    List<MessageError> putPrepared(List<PreparedMessage> batch);

    /** BatchUpdateDetector (§C.12). */
    MessageError update(String model, String keyValue, String stateName, Map<String, Value> variables,
                        Map<String, Long> timerSeconds);

    /** BatchDeleteDetector. */
    MessageError deleteDetector(String model, String keyValue);

    boolean hasModel(String model);

    /** The instance of {@code model} with {@code keyValue} (null for a keyless model), or null. */
    DetectorInstance instance(String model, String keyValue);

    Collection<DetectorInstance> instances(String model);

    boolean isKeyed(String model);

    String modelVersion(String model);
}
