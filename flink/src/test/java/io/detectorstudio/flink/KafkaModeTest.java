package io.detectorstudio.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka mode through the job's command line against a real broker (KRaft, in this JVM): message entries produced
 * to the input topic, the job on the MiniCluster at parallelism 2 with checkpoints (the transactional sinks commit
 * with them), the output topic read with read_committed after the job was stopped with a savepoint (as {@code
 * flink stop} does) — per detector exactly the embedded engine's actions, none lost or repeated; iotEvents messages
 * for other detectors go round through the input topic. Bad Kafka options are one line.
 */
class KafkaModeTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final long WAIT_MILLIS = 40_000;

    static KafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!kafkaThreads().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(kafkaThreads()).as("Kafka client and broker threads left").isEmpty();
    }

    /**
     * The motor sample and the LoRaWAN gateway watchdog (its detector timers fire on event time) in one job. The
     * input topic has four partitions: three carry the messages (each device in one), the fourth nothing, so event
     * time moves only because an idle partition stops holding it back (--idle-timeout); at the end a message on
     * an input no model reads (declared with --inputs) goes to each of the three, moving event time past the
     * last timers as an advance does in {@code run}. A malformed record among them is skipped.
     */
    @Test
    void motorAndGatewayMessagesGiveTheEmbeddedEnginesActionsPerDetector(@InjectClusterClient ClusterClient<?> flink)
            throws Exception {
        broker.createTopics(4, "fleet-in");
        broker.createTopics(2, "fleet-out");
        List<Path> models = List.of(SAMPLES.resolve("motor"), SAMPLES.resolve("lorawan-gateway-watchdog"));
        List<String> lines = timestamped(Workload.lines(12, 6, 4));
        long end = DifferentialRuns.JSON.readTree(lines.get(lines.size() - 1)).path("timestamp").asLong() + 600_500;
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String line : lines) {
            JsonNode payload = json(line).path("payload");
            String device = payload.has("motorid") ? payload.get("motorid").asText() : payload.path("gatewayid").asText();
            records.add(new ProducerRecord<>("fleet-in", Math.floorMod(device.hashCode(), 3), device, line));
        }
        records.add(3, new ProducerRecord<>("fleet-in", 0, "motor-0", "{\"inputName\": 12")); // reported, skipped
        for (int partition = 0; partition < 3; partition++) {
            records.add(new ProducerRecord<>("fleet-in", partition, "clock",
                    "{\"inputName\":\"Clock\",\"payload\":{},\"timestamp\":" + end + "}"));
        }
        broker.produce(records);
        List<String> run = new ArrayList<>(lines);
        run.add("{\"advance\":\"PT600.5S\"}"); // to the clock messages' time
        Map<String, List<String>> expected = DifferentialRuns.embedded(ProjectModels.load(models, List.of(), true),
                run, START).actions();
        int count = expected.values().stream().mapToInt(List::size).sum();
        assertThat(expected.values().stream().flatMap(List::stream)).as("timers fire in the run")
                .anyMatch(a -> a.contains("\"eventName\":\"DisconnetedTimerTimeout\""));

        Path clock = java.nio.file.Files.writeString(dir.resolve("Clock.json"), "{\"inputName\":\"Clock\"}");
        CompletableFuture<Integer> job = start("--models", models.get(0).toString(), models.get(1).toString(),
                "--inputs", clock.toString(), "--idle-timeout", "PT2S",
                "--kafka-input-topic", "fleet-in", "--kafka-output-topic", "fleet-out", "--kafka-group", "fleet");
        waitUntil("all actions committed", () -> broker.readCommitted("fleet-out").size() >= count);
        stop(flink, job);

        List<ConsumerRecord<String, String>> out = broker.readCommitted("fleet-out");
        assertThat(byDetector(out)).isEqualTo(expected);
        assertThat(out).allSatisfy(r -> assertThat(r.key())
                .as("an action's key is its detector's key value").isEqualTo(json(r.value()).path("keyValue").asText()));
    }

    /**
     * The pump-station project: a pump's iotEvents action feeds the station model (another model, another key).
     * The forwarded messages go to the input topic keyed by the station and come back round; each message is
     * produced once the previous one's forwarded message is committed, as a device would send them over time.
     */
    @Test
    void iotEventsMessagesForOtherDetectorsComeBackThroughTheInputTopic(@InjectClusterClient ClusterClient<?> flink)
            throws Exception {
        broker.createTopics(2, "pumps-in", "pumps-out");
        Path project = SAMPLES.resolve("pump-station");
        ProjectModels models = ProjectModels.load(List.of(project), List.of(), true);
        List<String> lines = timestamped(List.of(
                "{\"inputName\":\"PumpReading\",\"messageId\":\"r1\",\"payload\":{\"pumpId\":\"p1\",\"stationId\":\"s1\",\"pressure\":120}}",
                "{\"inputName\":\"PumpReading\",\"messageId\":\"r2\",\"payload\":{\"pumpId\":\"p2\",\"stationId\":\"s1\",\"pressure\":130}}",
                "{\"inputName\":\"PumpReading\",\"messageId\":\"r3\",\"payload\":{\"pumpId\":\"p1\",\"stationId\":\"s1\",\"pressure\":90}}",
                "{\"inputName\":\"PumpReading\",\"messageId\":\"r4\",\"payload\":{\"pumpId\":\"p3\",\"stationId\":\"s2\",\"pressure\":150}}"));
        Map<String, List<String>> expected = DifferentialRuns.embedded(models, lines, START).actions();
        int count = expected.values().stream().mapToInt(List::size).sum();
        CompletableFuture<Integer> job = start("--models", project.toString(),
                "--kafka-input-topic", "pumps-in", "--kafka-output-topic", "pumps-out", "--kafka-group", "pumps");
        try (KafkaBroker.Committed in = broker.committed("pumps-in"); KafkaBroker.Committed out = broker.committed("pumps-out")) {
            for (int i = 0; i < lines.size(); i++) {
                broker.produce("pumps-in", List.<String[]>of(new String[] {key(lines.get(i), "pumpId"), lines.get(i)}));
                Map<String, List<String>> sofar = DifferentialRuns.embedded(models, lines.subList(0, i + 1), START).actions();
                int actions = sofar.values().stream().mapToInt(List::size).sum();
                long forwarded = iotEvents(sofar).size();
                int produced = i + 1;
                waitUntil("message " + produced + ": its actions and forwarded messages committed", () ->
                        out.read().size() >= actions && in.read().size() >= produced + forwarded);
            }
            waitUntil("the station's actions committed", () -> out.read().size() >= count);
        }
        stop(flink, job);

        assertThat(byDetector(broker.readCommitted("pumps-out"))).isEqualTo(expected);
        assertThat(expected.get("stationModel/s1")).as("the station paged, fed only by the loop")
                .anyMatch(a -> a.startsWith("{\"type\":\"sns\""));
        List<ConsumerRecord<String, String>> back = broker.readCommitted("pumps-in").stream()
                .filter(r -> json(r.value()).path("inputName").asText().equals("StationAlarm")).toList();
        assertThat(back).extracting(ConsumerRecord::key).as("keyed by the station they are for")
                .containsExactlyInAnyOrder("s1", "s1", "s1", "s2");
        assertThat(back).extracting(r -> json(r.value()).path("payload"))
                .containsExactlyInAnyOrderElementsOf(iotEvents(expected).stream().map(a -> json(a).path("payload")).toList());
    }

    @Test
    void badKafkaOptionsAreOneLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertOneLine("no Kafka broker answered at 127.0.0.1:" + closedPort + " within 2 s", "--models",
                SAMPLES.resolve("motor").toString(), "--kafka-bootstrap", "127.0.0.1:" + closedPort, "--kafka-timeout", "PT2S");
        assertOneLine("cannot use Kafka at no-such-host.invalid:9092 (--kafka-bootstrap, --kafka-property): No "
                + "resolvable bootstrap urls", "--models", SAMPLES.resolve("motor").toString(),
                "--kafka-bootstrap", "no-such-host.invalid:9092");
        assertOneLine("the Kafka topic 'no-such-topic' (--kafka-input-topic) does not exist", "--models",
                SAMPLES.resolve("motor").toString(), "--kafka-bootstrap", broker.bootstrap(),
                "--kafka-input-topic", "no-such-topic");
        assertOneLine("are for local mode", "--models", SAMPLES.resolve("motor").toString(),
                "--kafka-bootstrap", broker.bootstrap(), "--states", "states.jsonl");
        assertOneLine("Invalid value for option '--kafka-timeout': 'soon' is not an ISO-8601 duration such as PT30S", "--models", SAMPLES.resolve("motor").toString(),
                "--kafka-bootstrap", broker.bootstrap(), "--kafka-timeout", "soon");
        assertOneLine("--kafka-property", "--models", SAMPLES.resolve("motor").toString(),
                "--kafka-bootstrap", broker.bootstrap(), "--kafka-property", "acks");
        assertThat(broker.topics()).as("the check creates nothing").doesNotContain("no-such-topic");
    }

    /** Live threads of Kafka's clients (also in Flink's source and sinks) and broker. */
    private static List<String> kafkaThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.matches("(?i).*(kafka|broker-|controller-|raft|expirationreaper|replica).*")).toList();
    }

    private void assertOneLine(String expected, String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            exit = JobCommand.commandLine().execute(args);
        } finally {
            System.setErr(err);
        }
        String text = errors.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isEqualTo(2);
        assertThat(text.lines()).as(text).hasSize(1).first().asString().contains(expected);
    }

    /** Runs the job's command line in Kafka mode on the MiniCluster (parallelism 2, checkpoints every 0.2 s). */
    private CompletableFuture<Integer> start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kafka-bootstrap", broker.bootstrap(), "--parallelism", "2",
                "--checkpoint-interval", "PT0.2S", "--checkpoint-dir", dir.resolve("checkpoints").toUri().toString()));
        return CompletableFuture.supplyAsync(() -> JobCommand.commandLine().execute(all.toArray(String[]::new)));
    }

    /** Stops the running job with a savepoint, as {@code flink stop} does; its command then ends with 0. */
    private void stop(ClusterClient<?> flink, CompletableFuture<Integer> command) throws Exception {
        JobID id = flink.listJobs().get().stream().filter(j -> j.getJobState() == JobStatus.RUNNING)
                .findFirst().orElseThrow().getJobId();
        flink.stopWithSavepoint(id, false, dir.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
        assertThat(command.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(flink.getJobStatus(id).get()).isEqualTo(JobStatus.FINISHED);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited for: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The lines with run's virtual clock written into them as timestamps (advance lines become clock moves). */
    private static List<String> timestamped(List<String> lines) {
        List<String> out = new ArrayList<>();
        long clock = START;
        for (String line : lines) {
            ObjectNode entry = (ObjectNode) json(line);
            if (entry.has("advance")) {
                clock += java.time.Duration.parse(entry.get("advance").asText()).toMillis();
                continue;
            }
            out.add(entry.put("timestamp", clock).toString());
            clock += 1000;
        }
        return out;
    }

    private static String key(String line, String attribute) {
        return json(line).path("payload").path(attribute).asText();
    }

    private static Map<String, List<String>> byDetector(List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> actions = new TreeMap<>();
        records.forEach(r -> actions.computeIfAbsent(DifferentialRuns.detector(json(r.value())), k -> new ArrayList<>())
                .add(r.value()));
        return actions;
    }

    private static List<String> iotEvents(Map<String, List<String>> actions) {
        return actions.values().stream().flatMap(List::stream).filter(a -> a.startsWith("{\"type\":\"iotEvents\"")).toList();
    }

    private static JsonNode json(String text) {
        try {
            return DifferentialRuns.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
