package io.detectorstudio.server;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The server as a separate process for the crash test ({@code java -cp … TestServerMain DATA CHECKPOINT_MILLIS}):
 * prints the endpoint when ready, stops cleanly on SIGTERM; SIGKILL stops it anywhere. It runs two worker shards,
 * so the crash test shows that sharding keeps every acknowledged message.
 */
public final class TestServerMain {

    private TestServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ServeOptions defaults = ServeOptions.defaults(Path.of(args[0]));
        ServeOptions options = new ServeOptions(defaults.bind(), 0, defaults.dataDir(), true, null,
                defaults.maxBodyBytes(), defaults.idleTimeoutMillis(), Long.parseLong(args[1]), false, 2);
        IotEventsServer server = new IotEventsServer(options);
        System.out.println(server.start());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
