package io.detectorstudio.delivery;

import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import java.util.List;

/**
 * Where ingested messages go: BatchPutMessage of whatever runs the models ({@link EngineLoop} for {@code run
 * --realtime}, the service for {@code serve}). Returns when the messages are taken in (and, for a service that
 * persists, stored), because the MQTT message is acknowledged right after.
 */
@FunctionalInterface
public interface MessageIngress {

    List<MessageError> put(List<Message> batch) throws Exception;
}
