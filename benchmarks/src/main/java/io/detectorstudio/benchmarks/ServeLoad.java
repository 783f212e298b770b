package io.detectorstudio.benchmarks;

import io.detectorstudio.server.IotEventsServer;
import io.detectorstudio.server.ServeOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Load on {@code serve} over loopback: a closed-loop HTTP client (Jetty's HttpClient, CONCURRENCY calls in flight)
 * sends BatchPutMessage calls of 10 motor readings (unique ids, 1,000 motors) for SECONDS after a warm-up, and
 * reports calls/s, messages/s and the latency percentiles of every call. Modes: {@code durable} (the server as
 * {@code serve} runs it: the answer waits for the SQLite commit), {@code memory} (same server, no disk flush) and
 * {@code baseline} (a hand-written Jetty handler that answers at once: the HTTP + client ceiling of this machine).
 * Also the process's CPU time per call (server and client together), which a busy machine does not distort.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.detectorstudio.benchmarks.ServeLoad durable 64 20 [warm-up s]</pre>
 * With {@code -Dthreads} it also prints the measured window's CPU by thread group (JIT, GC, client, server).
 */
public final class ServeLoad {

    private ServeLoad() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "durable";
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        // long enough for C2 to finish compiling the path: on 2 busy cores 5 s left seconds of JIT in the window
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path data = Files.createTempDirectory("serve-load");
        AutoCloseable server;
        URI endpoint;
        if (mode.equals("baseline")) {
            org.eclipse.jetty.util.thread.QueuedThreadPool threads = new org.eclipse.jetty.util.thread.QueuedThreadPool(64, 4);
            threads.setName("serve-http"); // as serve names its pool: counted as the server's threads
            Server jetty = new Server(threads);
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            jetty.addConnector(connector);
            jetty.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    org.eclipse.jetty.io.Content.Source.asByteBuffer(request); // read the body, as serve does
                    response.setStatus(200);
                    response.write(true, ByteBuffer.wrap("{\"BatchPutMessageErrorEntries\":[]}".getBytes(StandardCharsets.UTF_8)), callback);
                    return true;
                }
            });
            jetty.start();
            endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort());
            server = jetty::stop;
        } else {
            IotEventsServer s = new IotEventsServer(ServeOptions.defaults(data).withDurable(mode.equals("durable")));
            endpoint = s.start();
            s.deploy(java.util.List.of((com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind
                    .ObjectMapper().readTree(Path.of("samples/motor/inputs/PressureInput.json").toFile())),
                    java.util.List.of(((com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind
                            .ObjectMapper().readTree(Path.of("samples/motor/model.json").toFile()))
                            .put("roleArn", "arn:aws:iam::123456789012:role/r")));
            server = s;
        }
        org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
        client.setMaxConnectionsPerDestination(concurrency);
        client.setMaxRequestsQueuedPerDestination(concurrency * 4);
        client.start();
        URI target = endpoint.resolve("/inputs/messages");
        System.out.printf("mode %s, %d calls in flight, %d s measured after %d s warm-up, %d cores%n", mode, concurrency,
                seconds, warmUp, Runtime.getRuntime().availableProcessors());
        run(client, target, concurrency, warmUp, "w");
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        var ticksBefore = procThreadsCpu();
        long cpuBefore = os.getProcessCpuTime();
        long serverCpuBefore = serverThreadsCpu();
        long gcBefore = gcMillis();
        long[] latencies = run(client, target, concurrency, seconds, "m");
        double cpuMsPerCall = (os.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, latencies.length);
        double serverCpuMsPerCall = (serverThreadsCpu() - serverCpuBefore) / 1e6 / Math.max(1, latencies.length);
        long gcMillis = gcMillis() - gcBefore;
        Arrays.sort(latencies);
        double perSecond = latencies.length / (double) seconds;
        System.out.printf("calls/s %.0f, messages/s %.0f, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                perSecond, perSecond * 10, pct(latencies, 50), pct(latencies, 99), pct(latencies, 99.9),
                latencies[latencies.length - 1] / 1e6);
        // on a shared machine calls/s measures the neighbours too; CPU per call does not (client included)
        System.out.printf("CPU per call (server + client) %.3f ms: %.0f calls/s if this process had %d cores to itself%n",
                cpuMsPerCall, Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerCall,
                Runtime.getRuntime().availableProcessors());
        // the server's own threads (HTTP pool, engine, journal, log flusher) — not the client's, not GC's
        System.out.printf("CPU per call in the server's threads %.3f ms: %.0f calls/s on %d cores if the client cost nothing%n",
                serverCpuMsPerCall, Runtime.getRuntime().availableProcessors() * 1000 / serverCpuMsPerCall,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("garbage collection: %d ms of the %d s measured%n", gcMillis, seconds);
        if (System.getProperty("threads") != null) { // the process's CPU by thread group, from /proc (Linux)
            procThreadsCpu().forEach((group, ticks) -> System.out.printf("  %-28s %6.2f s%n", group,
                    (ticks - ticksBefore.getOrDefault(group, 0L)) / 100.0));
        }
        server.close();
        System.exit(0);
    }

    /** CPU ticks (1/100 s) of this process's threads by name without digits, from /proc/self/task. */
    private static java.util.Map<String, Long> procThreadsCpu() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9@a-f]*$", "")
                            .replaceAll("[0-9]+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return out;
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** CPU time of the live threads named serve-… (nanoseconds). */
    private static long serverThreadsCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("serve-")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private static long[] run(org.eclipse.jetty.client.HttpClient client, URI target, int concurrency, int seconds, String prefix) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong[] latencies = {new AtomicLong()};
        long[] buffer = new long[Math.max(1, seconds) * 60_000];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int call = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            byte[] body = batch(prefix, call++);
            long start = System.nanoTime();
            client.newRequest(target).method("POST")
                    .body(new org.eclipse.jetty.client.BytesRequestContent("application/json", body))
                    .send(new org.eclipse.jetty.client.BufferingResponseListener() {
                        @Override
                        public void onComplete(org.eclipse.jetty.client.Result result) {
                        long took = System.nanoTime() - start;
                        if (result.isFailed() || result.getResponse().getStatus() != 200
                                || getContent().length != "{\"BatchPutMessageErrorEntries\":[]}".length()) {
                            errors.incrementAndGet();
                        } else {
                            int i = count.getAndIncrement();
                            if (i < buffer.length) {
                                buffer[i] = took;
                            }
                        }
                        inFlight.release();
                        }
                    });
        }
        inFlight.acquire(concurrency);
        if (errors.get() > 0) {
            System.out.println("errors: " + errors.get());
        }
        latencies[0].set(count.get());
        return Arrays.copyOf(buffer, Math.min(count.get(), buffer.length));
    }

    /** base64 payloads by message number mod 1000 × 53 (motor, pressure), made once: the client spends its CPU on HTTP */
    private static final String[] PAYLOADS = new String[53_000];

    static {
        for (int n = 0; n < PAYLOADS.length; n++) {
            String payload = "{\"motorid\":\"motor-" + (n % 1000) + "\",\"sensorData\":{\"pressure\":" + (40 + n % 53) + "}}";
            PAYLOADS[n] = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] batch(String prefix, int call) {
        StringBuilder s = new StringBuilder(1400).append("{\"messages\":[");
        for (int i = 0; i < 10; i++) {
            int n = call * 10 + i;
            s.append(i == 0 ? "" : ",").append("{\"messageId\":\"").append(prefix).append(n)
                    .append("\",\"inputName\":\"PressureInput\",\"payload\":\"")
                    .append(PAYLOADS[n % PAYLOADS.length]).append("\"}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
