package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.ModelRunner;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Not a test: messages/s of the motor sample with 100,000 keys on the embedded engine and on the Flink job
 * (local MiniCluster, parallelism 1 and 2, file source, discarding sink), and the state bytes per instance.
 * Run on the test classpath (docs/performance.md has the command), arguments {@code [KEYS [ROUNDS]]}.
 */
public final class FlinkMotorBenchmark {

    private FlinkMotorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path samples = Files.isDirectory(Path.of("samples")) ? Path.of("samples") : Path.of("..", "samples");
        ProjectModels models = ProjectModels.load(List.of(samples.resolve("motor")), List.of(), true);
        List<String> lines = new ArrayList<>(keys * rounds);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < keys; k++) {
                lines.add("{\"inputName\":\"PressureInput\",\"messageId\":\"" + r + "-" + k + "\",\"payload\":{\"motorid\":\"motor-"
                        + k + "\",\"sensorData\":{\"pressure\":" + ((k + r) % 3 == 0 ? 80 : 60) + ",\"temperature\":39}}}");
            }
        }
        Path file = Files.write(Files.createTempFile("motor-messages", ".jsonl"), lines);
        System.out.printf("motor sample, %,d keys × %d messages = %,d messages; %d cores; load average %.1f%n", keys,
                rounds, lines.size(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        embedded(models, lines); // warm-up
        long t0 = System.nanoTime();
        long actions = embedded(models, lines);
        report("embedded engine (one thread, from JSON lines)", lines.size(), System.nanoTime() - t0);
        long[] bytes = stateBytes(models, lines);
        System.out.printf("  %,d actions; state bytes per instance in the job: mean %.1f, max %d%n", actions,
                (double) bytes[0] / keys, bytes[1]);

        flink(models, file, 2, 10); // warm-up: the JVM compiles Flink's and the engine's paths once
        for (int parallelism : new int[] {1, 2}) {
            long start = System.nanoTime();
            flink(models, file, parallelism, 0);
            report("flink job, parallelism " + parallelism + " (wall, job start to finish)", lines.size(),
                    System.nanoTime() - start);
        }
        Files.delete(file);
    }

    /** One job over the file; {@code limitSeconds} > 0 cancels it after that long (a warm-up). */
    private static void flink(ProjectModels models, Path file, int parallelism, int limitSeconds) throws Exception {
        Configuration conf = new Configuration();
        conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "none"); // fail loudly
        conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                Files.createTempDirectory("motor-checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.enableCheckpointing(Duration.ofSeconds(10).toMillis());
        DetectorJob.detectors(DetectorJob.fileMessages(env, file, 0), models,
                new DetectorJob.Settings(true, Duration.ZERO, false)).actions().sinkTo(new DiscardingSink<>());
        var job = env.executeAsync("motor benchmark p" + parallelism);
        try {
            job.getJobExecutionResult().get(limitSeconds > 0 ? limitSeconds : Long.MAX_VALUE, TimeUnit.SECONDS);
        } catch (TimeoutException warmedUp) {
            job.cancel().get();
        }
    }

    /** Runs the lines as run does (actions counted, not printed); returns the number of actions. */
    private static long embedded(ProjectModels models, List<String> lines) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        long[] count = new long[1];
        engine.setActionSink(new io.detectorstudio.engine.runtime.ActionSink() {
            @Override
            public void accept(com.fasterxml.jackson.databind.node.ObjectNode action) {
            }

            @Override
            public void performed(io.detectorstudio.engine.runtime.PerformedAction action) {
                count[0]++;
            }
        });
        models.requests().forEach(engine::putModel);
        for (String line : lines) {
            var entry = json.readTree(line);
            engine.put(List.of(new Message(entry.get("inputName").asText(), entry.get("messageId").asText(),
                    entry.get("payload"), null)));
        }
        return count[0];
    }

    /** The bytes the job keeps per instance: the same instances through ModelRunner; {total, max}. */
    private static long[] stateBytes(ProjectModels models, List<String> lines) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long[] count = new long[2];
        ModelRunner runner = models.runners().get(0);
        java.util.Map<String, byte[]> states = new java.util.HashMap<>();
        for (String line : lines) {
            var entry = json.readTree(line);
            String key = runner.keyOf(entry.get("payload"));
            states.put(key, runner.message(states.get(key), key, new Message(entry.get("inputName").asText(),
                    entry.get("messageId").asText(), entry.get("payload"), null), 0).state());
        }
        for (byte[] s : states.values()) {
            count[0] += s.length;
            count[1] = Math.max(count[1], s.length);
        }
        return count;
    }

    private static void report(String what, int messages, long nanos) {
        System.out.printf("%-60s %,10.0f messages/s (%,d in %.2f s)%n", what, messages / (nanos / 1e9), messages,
                nanos / 1e9);
    }
}
