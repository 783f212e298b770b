package io.detectorstudio.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2 and 3: with checkpoints on, injected failures at three points leave the exactly-once file sink's
 * output equal to the run without failures; processing-time timers due while the job is down fire after recovery;
 * a savepoint taken at parallelism 1 restores at parallelism 2 with the same results.
 */
class FlinkRecoveryTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private ProjectModels models;
    private Path messages;

    @BeforeEach
    void workload() throws Exception {
        models = ProjectModels.load(List.of(SAMPLES.resolve("motor"), SAMPLES.resolve("lorawan-gateway-watchdog")),
                List.of(), true);
        messages = Files.write(dir.resolve("messages.jsonl"), Workload.lines(30, 12, 5));
        FailAt.FAILURES.set(0);
        FailAt.LAST_LINE.set(0);
    }

    private static StreamExecutionEnvironment env(int parallelism, Configuration extra) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        conf.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(100);
        return env;
    }

    /** The job with file sinks for actions and states under {@code out}, a stage before routing. */
    private JobClient start(StreamExecutionEnvironment env, Path out, boolean eventTime,
                            UnaryOperator<DataStream<Envelope>> stage) throws Exception {
        DataStream<Envelope> envelopes = stage.apply(DetectorJob.fileMessages(env, messages,
                Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
        DetectorJob.Streams streams = DetectorJob.detectors(envelopes, models,
                new DetectorJob.Settings(eventTime, Duration.ZERO, true));
        streams.actions().sinkTo(DetectorJob.fileSink(out.resolve("actions"))).uid("actions-sink");
        streams.states().sinkTo(DetectorJob.fileSink(out.resolve("states"))).uid("states-sink");
        return env.executeAsync("recovery test");
    }

    private static DataStream<Envelope> paced(DataStream<Envelope> in, FailAt failAt) {
        return in.map(failAt).uid("fail-at").setParallelism(1);
    }

    /** Lines of one or more runs' sinks, grouped per detector in the order written. */
    private static Map<String, List<String>> perDetector(String what, Path... runs) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (Path run : runs) {
            for (String line : PartFiles.lines(run.resolve(what))) {
                out.computeIfAbsent(DifferentialRuns.detector(DifferentialRuns.JSON.readTree(line)),
                        k -> new ArrayList<>()).add(line);
            }
        }
        return out;
    }

    private static Map<String, String> finalStates(Path... runs) throws Exception {
        Map<String, String> out = new TreeMap<>();
        perDetector("states", runs).forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
        return out;
    }

    @Test
    void threeInjectedFailuresLeaveTheExactlyOnceOutputAsWithoutThem() throws Exception {
        Path clean = dir.resolve("clean");
        start(env(2, new Configuration()), clean, true, in -> paced(in, new FailAt(0))).getJobExecutionResult().get();
        Map<String, List<String>> expected = perDetector("actions", clean);
        assertThat(expected.values().stream().flatMap(List::stream))
                .as("timers fired in the run").anyMatch(a -> a.contains("\"eventName\":\"DisconnetedTimerTimeout\""));

        Path failing = dir.resolve("failing");
        start(env(2, new Configuration()), failing, true, in -> paced(in, new FailAt(3, 150, 320, 520)))
                .getJobExecutionResult().get();
        assertThat(FailAt.FAILURES.get()).isEqualTo(3);
        assertThat(perDetector("actions", failing)).isEqualTo(expected);
        assertThat(finalStates(failing)).isEqualTo(finalStates(clean));
    }

    @Test
    void processingTimeTimersDueDuringTheOutageFireAfterRecovery() throws Exception {
        // the watchdog with a 2 s timer: the gateway disconnects on line 1, the job fails on line 6 (after
        // checkpoints), stays down for 3 s, and the timer that fell due meanwhile fires once after the restore
        String watchdog = Files.readString(SAMPLES.resolve("lorawan-gateway-watchdog/model.json"))
                .replace("\"seconds\": 300", "\"seconds\": 2");
        models = new ProjectModels(List.of((com.fasterxml.jackson.databind.node.ObjectNode)
                DifferentialRuns.JSON.readTree(watchdog)), Set.of(), true);
        List<String> lines = new ArrayList<>();
        lines.add(Workload.lines(1, 0, 1).get(0));
        lines.add(lines.get(0).replace("\"Connected\"", "\"Disconnected\"").replace("g0-0", "g1-0"));
        for (int i = 0; i < 14; i++) {
            lines.add("{\"inputName\":\"LoRaWANGatewayConnectivityStatusInput\",\"messageId\":\"other-" + i
                    + "\",\"payload\":{\"gatewayid\":\"gw-other\",\"last_connection_status\":\"Connected\"}}");
        }
        messages = Files.write(dir.resolve("processing.jsonl"), lines);
        Configuration slowRestart = new Configuration();
        slowRestart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(3));
        Path out = dir.resolve("processing");
        start(env(2, slowRestart), out, false, in -> paced(in, new FailAt(250, 6))).getJobExecutionResult().get();

        assertThat(FailAt.FAILURES.get()).isEqualTo(1);
        List<String> gateway = perDetector("actions", out).get("LoRaWANGatewayConnectivityModel/gw-0");
        assertThat(gateway).filteredOn(a -> a.contains("\"eventName\":\"DisconnetedTimerTimeout\"")).hasSize(1);
        assertThat(gateway).filteredOn(a -> a.contains("\"stateName\":\"Disconnected\"")
                && a.contains("\"eventName\":\"Publish\"")).hasSize(2); // iotTopicPublish and sns, once each
        assertThat(finalStates(out).get("LoRaWANGatewayConnectivityModel/gw-0")).contains("\"stateName\":\"Disconnected\"");
    }

    @Test
    void aSavepointAtParallelismOneRestoresAtTwoWithTheSameResults() throws Exception {
        Path clean = dir.resolve("clean");
        start(env(2, new Configuration()), clean, true, in -> paced(in, new FailAt(0))).getJobExecutionResult().get();

        FailAt.LAST_LINE.set(0);
        Path first = dir.resolve("p1");
        JobClient job = start(env(1, new Configuration()), first, true, in -> paced(in, new FailAt(2)));
        while (FailAt.LAST_LINE.get() < 300) {
            Thread.sleep(20);
        }
        String savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get(60, java.util.concurrent.TimeUnit.SECONDS);
        long stoppedAt = FailAt.LAST_LINE.get();
        assertThat(stoppedAt).isLessThan(Workload.lines(30, 12, 5).size());

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        Path second = dir.resolve("p2");
        start(env(2, restore), second, true, in -> paced(in, new FailAt(0))).getJobExecutionResult().get();

        assertThat(perDetector("actions", first)).as("the first run did part of the work").isNotEmpty();
        assertThat(perDetector("actions", first, second)).isEqualTo(perDetector("actions", clean));
        assertThat(finalStates(first, second)).isEqualTo(finalStates(clean));
    }
}

