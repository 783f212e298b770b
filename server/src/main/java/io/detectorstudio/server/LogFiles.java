package io.detectorstudio.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.EngineLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The server's two logs under {@code DATA/logs}: {@code requests.log} (one line per request: time, method, path,
 * operation, status, milliseconds) and {@code engine.log} (JSON lines: what the service would have written to
 * CloudWatch, §C.13). Written through buffers flushed once a second and on close.
 */
final class LogFiles implements AutoCloseable {

    private final BufferedWriter requests;
    private final BufferedWriter engine;
    private final Thread flusher;
    private volatile boolean open = true;
    /** the second {@link #stampPrefix} is the text of (guarded by {@code requests}) */
    private long stampSecond = -1;
    private String stampPrefix;

    LogFiles(Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("logs"));
            requests = Files.newBufferedWriter(dir.resolve("requests.log"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            engine = Files.newBufferedWriter(dir.resolve("engine.log"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flusher = new Thread(() -> {
            while (open) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                flush();
            }
        }, "serve-log-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** One line per call; written piece by piece into the buffer, with the time's text made once a second. */
    void request(String method, String path, String operation, int status, long millis, String error) {
        long now = System.currentTimeMillis();
        synchronized (requests) {
            try {
                if (now / 1000 != stampSecond) {
                    stampSecond = now / 1000;
                    String second = Instant.ofEpochSecond(stampSecond).toString(); // …T21:58:20Z
                    stampPrefix = second.substring(0, second.length() - 1) + ".";
                }
                int fraction = (int) (now % 1000);
                requests.write(stampPrefix);
                requests.write(fraction < 10 ? "00" : fraction < 100 ? "0" : "");
                requests.write(Integer.toString(fraction));
                requests.write("Z ");
                requests.write(method);
                requests.write(' ');
                requests.write(path);
                requests.write(' ');
                requests.write(operation);
                requests.write(' ');
                requests.write(Integer.toString(status));
                requests.write(' ');
                requests.write(Long.toString(millis));
                requests.write("ms");
                if (error != null) {
                    requests.write(' ');
                    requests.write(error);
                }
                requests.write('\n');
            } catch (IOException e) {
                // a full disk must not fail the request; the state database reports its own failures
            }
        }
    }

    /** The engine's own log entries (§C.1 messages it could not use) as JSON lines. */
    EngineLog engineLog() {
        return e -> {
            ObjectNode o = Store.JSON.createObjectNode();
            o.put("timestamp", Instant.now().toString());
            o.put("level", e.level().name());
            o.put("detectorModelName", e.detectorModelName());
            if (e.keyValue() != null) {
                o.put("keyValue", e.keyValue());
            }
            if (e.messageId() != null) {
                o.put("messageId", e.messageId());
            }
            o.put("logMessage", e.message());
            engineLine(o);
        };
    }

    void engineLine(ObjectNode entry) {
        String line = entry + "\n";
        synchronized (engine) {
            try {
                engine.write(line);
            } catch (IOException e) {
                // see request()
            }
        }
    }

    private void flush() {
        synchronized (requests) {
            try {
                requests.flush();
            } catch (IOException ignored) {
                // see request()
            }
        }
        synchronized (engine) {
            try {
                engine.flush();
            } catch (IOException ignored) {
                // see request()
            }
        }
    }

    @Override
    public void close() {
        open = false;
        flusher.interrupt();
        flush();
        try {
            requests.close();
            engine.close();
        } catch (IOException ignored) {
            // closing at exit
        }
    }
}
