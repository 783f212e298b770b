package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.detectorstudio.delivery.Deliveries;
import io.detectorstudio.delivery.bindings.BindingsReader;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 17 acceptance 6: actions per second delivered to a Mosquitto on loopback with QoS 1 (each waits for its
 * PUBACK), through the whole delivery path (matching, per-target queue and thread, HiveMQ client), beside a
 * hand-written baseline: the bare HiveMQ client publishing the same payloads, one at a time and pipelined.
 * Needs /usr/sbin/mosquitto. Run: {@code java -jar benchmarks/target/benchmarks.jar DeliveryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DeliveryBenchmark {

    static final int BATCH = 1000;
    private static final int TOPICS = 8;

    private Process broker;
    private Deliveries deliveries;
    private Mqtt5AsyncClient raw;
    /** real actions of the motor model (its SNS alert, with the engine's delivered form), as iotTopicPublish */
    private final List<ObjectNode> oneTopic = new ArrayList<>();
    private final List<ObjectNode> eightTopics = new ArrayList<>();
    private byte[] payload;

    @Setup(Level.Trial)
    public void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = Files.createTempFile("bench-mosquitto", ".conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_inflight_messages 0\nmax_queued_messages 0\n");
        broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        waitForPort(port);

        ObjectNode alert = motorAlert();
        String message = alert.path("delivered").path("message").asText();
        payload = message.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < BATCH; i++) {
            oneTopic.add(asTopicPublish(alert, "bench/alerts", message));
            eightTopics.add(asTopicPublish(alert, "bench/alerts/" + (i % TOPICS), message));
        }
        Path bindings = Files.createTempFile("bench-bindings", ".yaml");
        Files.writeString(bindings, "brokers: { b: { url: 'tcp://127.0.0.1:" + port + "' } }\n"
                + "deliveries: [ { type: iotTopicPublish, to: { mqtt: { broker: b, qos: 1 } } } ]\n"
                + "deadLetter: '" + Files.createTempFile("bench-dead", ".jsonl") + "'\n");
        deliveries = Deliveries.start(new BindingsReader().read(bindings), batch -> List.of(), s -> { });
        raw = MqttClient.builder().useMqttVersion5().identifier("bench-raw").serverHost("127.0.0.1").serverPort(port)
                .buildAsync();
        raw.connect().get(10, TimeUnit.SECONDS);
    }

    private static ObjectNode motorAlert() throws Exception {
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(1_767_225_600_000L));
        engine.putModel(new ModelLoader().load(Path.of("samples/motor/model.json")).model(null).request());
        List<ObjectNode> actions = new ArrayList<>();
        engine.setActionSink(actions::add);
        engine.put(List.of(new Message("PressureInput", "1", new ObjectMapper().readTree(
                "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80,\"temperature\":39}}"), null)));
        return actions.stream().filter(a -> a.path("type").asText().equals("sns")).findFirst().orElseThrow();
    }

    private static ObjectNode asTopicPublish(ObjectNode alert, String topic, String message) {
        ObjectNode a = alert.deepCopy();
        a.put("type", "iotTopicPublish");
        a.remove("targetArn");
        a.put("mqttTopic", topic);
        ObjectNode delivered = a.putObject("delivered");
        delivered.put("mqttTopic", topic);
        delivered.put("payload", message);
        return a;
    }

    private static void waitForPort(int port) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not start");
    }

    /** One target: the actions go out one after the other, each waiting for its PUBACK (order kept). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deliveriesOneTopic() throws Exception {
        for (ObjectNode a : oneTopic) {
            deliveries.accept(a);
        }
        deliveries.awaitIdle(Duration.ofMinutes(1));
    }

    /** Eight targets: eight queues deliver side by side. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deliveriesEightTopics() throws Exception {
        for (ObjectNode a : eightTopics) {
            deliveries.accept(a);
        }
        deliveries.awaitIdle(Duration.ofMinutes(1));
    }

    /** Baseline: the bare client, one publish at a time, each waiting for its PUBACK. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineClientOneAtATime() {
        for (int i = 0; i < BATCH; i++) {
            raw.publishWith().topic("bench/raw").qos(MqttQos.AT_LEAST_ONCE).payload(payload).send().join();
        }
    }

    /** Baseline: the bare client with every publish in flight at once (no order, no retry): the broker's limit. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baselineClientPipelined() {
        CompletableFuture<?>[] all = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            all[i] = raw.publishWith().topic("bench/raw").qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
        }
        CompletableFuture.allOf(all).join();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        deliveries.close(Duration.ofSeconds(5));
        raw.disconnect().get(5, TimeUnit.SECONDS);
        broker.destroy();
        broker.waitFor(5, TimeUnit.SECONDS);
    }
}
