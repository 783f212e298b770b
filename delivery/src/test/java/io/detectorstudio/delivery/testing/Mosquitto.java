package io.detectorstudio.delivery.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (Debian's /usr/sbin/mosquitto) on a free loopback port, for the tests: started, stopped
 * and restarted on the same port (to test reconnection), always killed at the end.
 */
public final class Mosquitto implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port;
    private final Path config;
    private Process process;

    private Mosquitto(int port, Path config) {
        this.port = port;
        this.config = config;
    }

    public static Mosquitto start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto; .ci/run does)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = Files.createTempFile("mosquitto", ".conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Mosquitto m = new Mosquitto(port, config);
        m.startProcess();
        return m;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException("mosquitto exited with " + process.exitValue());
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 10 s");
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    @Override
    public void close() throws Exception {
        stop();
        Files.deleteIfExists(config);
    }
}
