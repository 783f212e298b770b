package io.detectorstudio.delivery.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.delivery.bindings.Bindings.Ingest;
import io.detectorstudio.engine.runtime.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Turns one MQTT message into the BatchPutMessage entry an IoT rule's IoT Events action would have sent: the payload
 * as the device sent it (or the part {@code select} names), keys renamed, and a {@code messageId} that is the same
 * when the same message arrives twice (§C.6), so the engine's de-duplication drops the repeat.
 *
 * <p>Why a content hash and not the MQTT packet identifier: packet ids are per connection hop (the broker gives
 * each subscriber its own), at most 65535 and reused as soon as acknowledged, so a device's second publish of the
 * same reading reaches us under a different id, and unrelated messages share ids within the 5-minute window.
 */
public final class IngestMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ingest ingest;

    public IngestMapping(Ingest ingest) {
        this.ingest = ingest;
    }

    /** @throws IllegalArgumentException with a message fit for the user when the message cannot become an entry */
    public Message map(String topic, byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the payload must be a JSON object");
        }
        JsonNode selected = ingest.select() == null ? root : at(root, ingest.select());
        if (!selected.isObject()) {
            throw new IllegalArgumentException(ingest.select() + " is " + (selected.isMissingNode() ? "missing"
                    : "not an object") + " in the message");
        }
        ObjectNode body = (ObjectNode) selected;
        if (!ingest.rename().isEmpty()) {
            body = renamed(body, ingest.rename());
        }
        return new Message(ingest.input(), messageId(topic, payload, root), body, null);
    }

    private String messageId(String topic, byte[] payload, JsonNode root) {
        switch (ingest.messageId()) {
            case "none":
                return null;
            case "contentHash":
                return hash(topic, payload);
            default:
                JsonNode id = at(root, ingest.messageId());
                // a message without the device's own id is still de-duplicated, by content
                return id.isValueNode() && !id.isNull() ? id.asText() : hash(topic, payload);
        }
    }

    static String hash(String topic, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(topic.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(payload);
            return HexFormat.of().formatHex(sha.digest(), 0, 20); // 40 hex characters: within messageId's 1–128
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.substring(2).split("\\.")) {
            node = node.path(name);
        }
        return node;
    }

    private static ObjectNode renamed(ObjectNode body, Map<String, String> rename) {
        ObjectNode out = JSON.createObjectNode();
        body.fields().forEachRemaining(f -> out.set(rename.getOrDefault(f.getKey(), f.getKey()), f.getValue()));
        return out;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
