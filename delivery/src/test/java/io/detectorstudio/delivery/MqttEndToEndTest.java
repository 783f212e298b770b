package io.detectorstudio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.delivery.testing.Mosquitto;
import io.detectorstudio.delivery.testing.MqttProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.delivery.bindings.Bindings;
import io.detectorstudio.delivery.bindings.BindingsReader;
import io.detectorstudio.engine.runtime.Clock;
import io.detectorstudio.engine.runtime.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples driven through a real Mosquitto: device readings published to MQTT feed the engine (ingestion), its
 * actions come back out on MQTT topics (delivery), with the motor sample's own bindings.yaml.
 */
@Timeout(60)
class MqttEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Mosquitto broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** samples/motor/bindings.yaml pointed at the test broker and a temporary dead-letter file. */
    static Bindings motorBindings(Path dir, int port) throws Exception {
        String text = Files.readString(Models.SAMPLES.resolve("motor/bindings.yaml"))
                .replace("tcp://127.0.0.1:1883", "tcp://127.0.0.1:" + port)
                .replace("deadLetter: motor-dead-letters.jsonl", "deadLetter: " + dir.resolve("dead.jsonl"));
        Path file = dir.resolve("bindings.yaml");
        Files.writeString(file, text);
        return new BindingsReader().read(file);
    }

    @Test
    void motorReadingsOnMqttBecomeAlertsOnMqttAndARepeatedReadingCountsOnce() throws Exception {
        Engine engine = Models.engine("motor");
        try (EngineLoop loop = new EngineLoop(engine, Clock.system());
             Deliveries deliveries = Deliveries.start(motorBindings(dir, broker.port()), loop, s -> { });
             MqttProbe device = new MqttProbe(broker.port()).watch("motors/alerts")) {
            engine.setActionSink(deliveries);
            String over = "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80,\"temperature\":39},\"seq\":1}";
            device.publish("motors/readings", over);
            device.publish("motors/readings", over); // the same reading again: de-duplicated (§C.6)

            MqttProbe.Received alert = device.next(10_000);
            assertThat(alert).as("the SNS alert published to motors/alerts").isNotNull();
            JsonNode payload = JSON.readTree(alert.payload());
            assertThat(payload.path("eventName").asText()).isEqualTo("Pressure Threshold Breached");
            assertThat(payload.at("/payload/detector/keyValue").asText()).isEqualTo("Fulton-A32");
            assertThat(payload.at("/payload/eventTriggerDetails/inputName").asText()).isEqualTo("PressureInput");
            assertThat(payload.at("/payload/state/stateName").asText()).isEqualTo("Dangerous");
            assertThat(payload.at("/payload/state/variables/pressureThresholdBreached").asInt()).isEqualTo(3);

            // three normal readings: 3 → 2 → 1, then back to Normal with the "pressure cleared" SNS on exit
            for (int seq = 2; seq <= 4; seq++) {
                device.publish("motors/readings", "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":60,"
                        + "\"temperature\":39},\"seq\":" + seq + "}");
            }
            MqttProbe.Received cleared = device.next(10_000);
            assertThat(cleared).isNotNull();
            assertThat(JSON.readTree(cleared.payload()).path("eventName").asText()).isEqualTo("Normal Pressure Restored");
            assertThat(device.next(300)).as("the repeated reading produced nothing").isNull();
            // had the repeat been evaluated, the counter would have been set to 3 again and not be back to Normal
            assertThat(loop.call(() -> engine.instance("motorDetectorModel", "Fulton-A32").stateName()))
                    .isEqualTo("Normal");
            assertThat(deliveries.ingestions().get(0).received()).isEqualTo(5);
            assertThat(deliveries.counters()).containsKey("mqtt://local/motors/alerts");
            assertThat(deliveries.counters().get("mqtt://local/motors/alerts").delivered()).isEqualTo(2);
        }
    }

    @Test
    void hvacIotTopicPublishActionsArriveOnTheirOwnTopics() throws Exception {
        Engine engine = Models.engine("hvac");
        Path file = dir.resolve("hvac.yaml");
        Files.writeString(file, """
                brokers: { test: { url: "tcp://127.0.0.1:%d" } }
                ingest:
                  - { broker: test, topic: "areas/+/seed", input: seedTemperatureInput, select: $.seed }
                deliveries:
                  - { type: iotTopicPublish, to: { mqtt: { broker: test } } }
                deadLetter: %s
                """.formatted(broker.port(), dir.resolve("dead.jsonl")));
        try (EngineLoop loop = new EngineLoop(engine, Clock.system());
             Deliveries deliveries = Deliveries.start(new BindingsReader().read(file), loop, s -> { });
             MqttProbe dashboard = new MqttProbe(broker.port()).watch("hvac/#")) {
            engine.setActionSink(deliveries);
            dashboard.publish("areas/51/seed", "{\"seed\":{\"areaId\":\"Area51\",\"desiredTemperature\":20.0,"
                    + "\"allowedError\":0.7,\"rangeHigh\":30.0,\"rangeLow\":15.0,\"anomalousHigh\":60.0,"
                    + "\"anomalousLow\":0.0,\"sensorCount\":10,\"noDelay\":false}}");
            List<String> topics = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                MqttProbe.Received r = dashboard.next(10_000);
                assertThat(r).isNotNull();
                topics.add(r.topic());
                JsonNode payload = JSON.readTree(r.payload());
                assertThat(payload.path("eventName").asText()).isEqualTo("resetHeatCool");
                assertThat(payload.at("/payload/detector/keyValue").asText()).isEqualTo("Area51");
            }
            // two topics are two targets, delivered side by side: order is kept per target, not across them
            assertThat(topics).containsExactlyInAnyOrder("hvac/Heating/Off", "hvac/Cooling/Off");
            assertThat(deliveries.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
    }
}
