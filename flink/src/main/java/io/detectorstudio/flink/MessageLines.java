package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Reads the message lines of {@code run} (shared/contracts/cli.md) on a virtual clock, as {@code run} does: a
 * message's time is its timestamp (ISO text, epoch millis or {@code {"timeInMillis": N}}) but never before the clock;
 * without one it is the clock; {@code {"advance": "PT5M"}} (or seconds) moves the clock. The payload may be a JSON
 * object, JSON text or base64 of JSON text (the BatchPutMessage entry shape).
 */
final class MessageLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private long clock;

    MessageLines(long start) {
        this.clock = start;
    }

    long clock() {
        return clock;
    }

    void clock(long millis) {
        this.clock = millis;
    }

    /** The envelope of one line, null for a blank line; a malformed line throws with what is wrong. */
    Envelope read(long lineNumber, String line) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode entry;
        try {
            entry = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (entry.has("advance")) {
            Long millis = durationMillis(entry.get("advance"));
            if (millis == null) {
                throw new IllegalArgumentException("line " + lineNumber
                        + ": advance must be an ISO-8601 duration (PT5M) or seconds");
            }
            clock += millis;
            return Envelope.tick(lineNumber, clock);
        }
        String input = entry.path("inputName").asText("");
        if (input.isEmpty()) {
            throw new IllegalArgumentException("line " + lineNumber + ": $.inputName is required");
        }
        JsonNode payload = payload(entry.get("payload"));
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("line " + lineNumber
                    + ": $.payload must be a JSON object (or its JSON text, or base64 of it)");
        }
        if (entry.has("timestamp")) {
            Long t = timestampMillis(entry.get("timestamp"));
            if (t == null) {
                throw new IllegalArgumentException("line " + lineNumber
                        + ": $.timestamp must be an ISO-8601 instant, epoch milliseconds or {\"timeInMillis\": N}");
            }
            clock = Math.max(clock, t);
        }
        return Envelope.message(lineNumber, input, entry.path("messageId").asText(null), payload.toString(), clock);
    }

    static JsonNode payload(JsonNode node) {
        if (node == null || node.isObject()) {
            return node;
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().trim();
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            try {
                return JSON.readTree(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    private static Long durationMillis(JsonNode node) {
        if (node.isNumber()) {
            return (long) (node.asDouble() * 1000);
        }
        try {
            return Duration.parse(node.asText()).toMillis();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long timestampMillis(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.has("timeInMillis")) {
            return node.get("timeInMillis").asLong();
        }
        try {
            return Instant.parse(node.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
