package io.detectorstudio.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The dead-letter file: one JSON object per line for every action that could not be delivered after its last try
 * ({@code {"time","destination","target","attempts","error","action"}}) and every ingested message that could not be
 * used ({@code {"time","topic","input","error","message"}}). Opened on the first letter, appended to, flushed at
 * each line, so nothing is lost if the process dies.
 */
public final class DeadLetters implements AutoCloseable {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Path file;
    private Writer out;

    public DeadLetters(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    void undeliverable(String destination, Outgoing outgoing, int attempts, String error) {
        ObjectNode line = JSON.objectNode();
        line.put("time", Instant.now().toString());
        line.put("destination", destination);
        line.put("target", outgoing.target());
        line.put("attempts", attempts);
        line.put("error", error);
        line.set("action", outgoing.action());
        write(line);
    }

    public void rejectedMessage(String topic, String input, String message, String error) {
        ObjectNode line = JSON.objectNode();
        line.put("time", Instant.now().toString());
        line.put("topic", topic);
        line.put("input", input);
        line.put("error", error);
        line.put("message", message);
        write(line);
    }

    private synchronized void write(ObjectNode line) {
        try {
            if (out == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            out.write(line.toString());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
