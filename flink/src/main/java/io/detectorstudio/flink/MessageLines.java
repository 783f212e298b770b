package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.runtime.MessageShapes;
import java.io.IOException;

/**
 * Reads the message lines of {@code run} (shared/contracts/cli.md) on a virtual clock, as {@code run} does: a
 * message's time is its timestamp but never before the clock; without one it is the clock; {@code {"advance":
 * "PT5M"}} (or seconds) moves the clock. Payload and timestamp shapes are the engine's ({@link MessageShapes}).
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
            Long millis = MessageShapes.durationMillis(entry.get("advance"));
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
        JsonNode payload;
        try {
            payload = MessageShapes.payload(entry.get("payload"));
            if (entry.has("timestamp")) {
                clock = Math.max(clock, MessageShapes.timestamp(entry.get("timestamp")));
            }
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + bad.getMessage());
        }
        return Envelope.message(lineNumber, input, entry.path("messageId").asText(null), payload.toString(), clock);
    }
}
