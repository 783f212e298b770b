package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Reads the members of a message written in any of the shapes users have (issue 14 item 6): the device's JSON
 * object, or the BatchPutMessage entry's own — {@code payload} as a base64 blob or as JSON text, {@code timestamp}
 * as {@code {"timeInMillis": N}} — besides an ISO-8601 instant or epoch milliseconds. A value that is none of
 * these is an {@link IllegalArgumentException} whose message says what would be valid; nothing is ignored.
 */
public final class MessageShapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageShapes() {
    }

    /** The payload as the JSON object the device sent. */
    public static JsonNode payload(JsonNode given) {
        if (given == null || given.isMissingNode() || given.isNull()) {
            throw new IllegalArgumentException("payload is missing: give the JSON object the device sent, JSON text,"
                    + " or base64 of it");
        }
        if (given.isObject()) {
            return given;
        }
        if (!given.isTextual()) {
            throw new IllegalArgumentException("payload must be a JSON object, JSON text or base64 of it, not "
                    + given.getNodeType().toString().toLowerCase());
        }
        String text = given.asText().trim();
        if (!text.startsWith("{")) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("payload text is neither JSON nor base64: " + e.getMessage());
            }
            JsonNode object = utf8Object(decoded);
            if (object != null) {
                return object;
            }
            text = new String(decoded, StandardCharsets.UTF_8).trim();
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("payload must hold a JSON object");
            }
            return parsed;
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * The common case read straight from the decoded bytes (no text copy): a JSON object in UTF-8, after leading
     * white space as {@code trim} skips it. Null when it is not that plainly — the text path then decides and gives
     * the message (also for bytes that are not UTF-8, which it reads with replacement characters).
     */
    private static JsonNode utf8Object(byte[] decoded) {
        int start = 0;
        while (start < decoded.length && (decoded[start] & 0xff) <= ' ') {
            start++;
        }
        // '{' then a non-zero byte: Jackson's encoding detection can only see UTF-8 (no BOM, no UTF-16/32 zeros)
        if (decoded.length - start < 2 || decoded[start] != '{' || decoded[start + 1] == 0) {
            return null;
        }
        try {
            JsonNode parsed = JSON.readTree(decoded, start, decoded.length - start);
            return parsed != null && parsed.isObject() ? parsed : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A virtual-time advance ({@code {"advance": …}} in message files and scenarios) in milliseconds: seconds as a
     * number (rounded to the millisecond) or an ISO-8601 duration such as {@code "PT5M"}; null when it is neither.
     */
    public static Long durationMillis(JsonNode node) {
        if (node.isNumber()) {
            return Math.round(node.asDouble() * 1000);
        }
        try {
            return java.time.Duration.parse(node.asText()).toMillis();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The message time in epoch milliseconds. */
    public static long timestamp(JsonNode given) {
        if (given.isObject() && given.size() == 1 && given.has("timeInMillis")) {
            JsonNode millis = given.get("timeInMillis");
            if (millis.canConvertToExactIntegral() && millis.asLong() >= 1) {
                return millis.asLong();
            }
            throw new IllegalArgumentException("timestamp.timeInMillis must be a whole number of milliseconds ≥ 1"
                    + " (BatchPutMessage), not " + millis);
        }
        if (given.isIntegralNumber()) {
            return given.asLong();
        }
        if (given.isTextual()) {
            try {
                return Instant.parse(given.asText()).toEpochMilli();
            } catch (DateTimeParseException e) {
                // falls through to the message
            }
        }
        throw new IllegalArgumentException("timestamp must be an ISO-8601 instant (\"2026-01-01T00:00:00Z\"), epoch"
                + " milliseconds, or {\"timeInMillis\": N}; not " + given);
    }
}
