package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.delivery.MessageIngress;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.server.IotEventsServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * MQTT ingestion into {@code serve}: each message becomes a BatchPutMessage call of the service itself (the
 * payload as the REST blob, base64), so it is checked, journaled and de-duplicated like a client's; the MQTT
 * message is acknowledged once the call has answered, i.e. once the message is durable.
 */
final class ServerIngress implements MessageIngress {

    private final IotEventsServer server;

    ServerIngress(IotEventsServer server) {
        this.server = server;
    }

    @Override
    public List<MessageError> put(List<Message> batch) throws Exception {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        var messages = request.putArray("messages");
        int generated = 0;
        for (Message m : batch) {
            ObjectNode entry = messages.addObject();
            // messageId is required by the API: a binding with messageId 'none' gets a fresh one (no de-duplication)
            entry.put("messageId", m.messageId() != null ? m.messageId()
                    : "mqtt-" + System.nanoTime() + "-" + generated++);
            entry.put("inputName", m.inputName());
            entry.put("payload", Base64.getEncoder().encodeToString(m.payload().toString().getBytes(StandardCharsets.UTF_8)));
            if (m.timestampMillis() != null) {
                entry.putObject("timestamp").put("timeInMillis", m.timestampMillis());
            }
        }
        List<MessageError> errors = new ArrayList<>();
        for (JsonNode e : server.batchPutMessage(request).path("BatchPutMessageErrorEntries")) {
            errors.add(new MessageError(e.path("messageId").asText(), e.path("errorCode").asText(),
                    e.path("errorMessage").asText()));
        }
        return errors;
    }
}
