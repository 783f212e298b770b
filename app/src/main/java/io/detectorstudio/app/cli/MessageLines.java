package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.MessageShapes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The messages file of {@code run} (JSON lines: a message as BatchPutMessage takes it, or {@code {"advance": ...}}),
 * read line by line into a {@link Target}: one engine, its wall-clock loop, or the shards.
 */
final class MessageLines {

    private MessageLines() {
    }

    /** Where the lines of the messages go: an engine (or its wall-clock loop), or the shards. */
    interface Target {
        List<MessageError> put(Message message);

        void advance(long millis);

        /** A problem with a line, in order with what the engine printed before it. */
        void error(String line);
    }

    /**
     * Reads {@code messages} ({@code -}: standard input) line by line into {@code engine}; whether every line was
     * usable. A bad line is reported as {@code FILE:LINE: what} and skipped.
     */
    static boolean read(String messages, Target engine) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int lineNumber = 0;
        boolean problems = false;
        try (Reader reader = messages.equals("-") ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(messages));
             BufferedReader lines = new BufferedReader(reader)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry;
                try {
                    entry = json.readTree(line);
                } catch (IOException e) {
                    engine.error(messages + ":" + lineNumber + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
                    problems = true;
                    continue;
                }
                if (entry.has("advance")) {
                    Long millis = MessageShapes.durationMillis(entry.get("advance"));
                    if (millis == null) {
                        engine.error(messages + ":" + lineNumber + ": advance must be an ISO-8601 duration (PT5M) or seconds");
                        problems = true;
                    } else {
                        engine.advance(millis);
                    }
                    continue;
                }
                Message message;
                try {
                    Long timestamp = entry.has("timestamp") ? MessageShapes.timestamp(entry.get("timestamp")) : null;
                    message = new Message(entry.path("inputName").asText(null), entry.path("messageId").asText(null),
                            MessageShapes.payload(entry.get("payload")), timestamp);
                } catch (IllegalArgumentException e) {
                    engine.error(messages + ":" + lineNumber + ": " + e.getMessage());
                    problems = true;
                    continue;
                }
                for (MessageError error : engine.put(message)) {
                    engine.error(messages + ":" + lineNumber + ": " + error.errorCode() + ": " + error.errorMessage());
                    problems = true;
                }
            }
        }
        return !problems;
    }
}
