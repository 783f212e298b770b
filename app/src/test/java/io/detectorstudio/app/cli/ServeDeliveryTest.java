package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.app.Main;
import io.detectorstudio.delivery.testing.Mosquitto;
import io.detectorstudio.delivery.testing.MqttProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 acceptance 1 through the real entry point: {@code serve samples/motor --bindings} in its own JVM with
 * the sample's bindings.yaml pointed at a real Mosquitto. Device readings published to {@code motors/readings}
 * drive the motor model inside serve; its SNS actions arrive on {@code motors/alerts} with the default payload; a
 * reading published twice is processed once; SIGTERM drains the deliveries.
 */
@Timeout(90)
class ServeDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MOTOR = Path.of("..", "samples", "motor").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void mqttReadingsDriveTheMotorModelInsideServeAndItsAlertsArePublished() throws Exception {
        try (Mosquitto broker = Mosquitto.start(); MqttProbe device = new MqttProbe(broker.port()).watch("motors/alerts")) {
            Path bindings = dir.resolve("bindings.yaml");
            Files.writeString(bindings, Files.readString(MOTOR.resolve("bindings.yaml"))
                    .replace("tcp://127.0.0.1:1883", broker.url())
                    .replace("deadLetter: motor-dead-letters.jsonl", "deadLetter: " + dir.resolve("dead.jsonl")));
            Path log = dir.resolve("serve.err");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process serve = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "serve", MOTOR.toString(),
                    "--port", "0", "--data", dir.resolve("data").toString(), "--bindings", bindings.toString()))
                    .redirectError(log.toFile()).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
                String endpoint = out.readLine();
                assertThat(endpoint).as("serve printed its endpoint; stderr: " + Files.readString(log)).startsWith("http://");

                String over = "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80,\"temperature\":39},\"seq\":1}";
                device.publish("motors/readings", over);
                device.publish("motors/readings", over); // sent twice by the device: evaluated once
                JsonNode breached = JSON.readTree(device.next(20_000).payload());
                assertThat(breached.path("eventName").asText()).isEqualTo("Pressure Threshold Breached");
                assertThat(breached.at("/payload/detector/detectorModelName").asText()).isEqualTo("motorDetectorModel");
                assertThat(breached.at("/payload/detector/keyValue").asText()).isEqualTo("Fulton-A32");
                assertThat(breached.at("/payload/eventTriggerDetails/inputName").asText()).isEqualTo("PressureInput");
                assertThat(breached.at("/payload/state/variables/pressureThresholdBreached").asInt()).isEqualTo(3);

                for (int seq = 2; seq <= 4; seq++) {
                    device.publish("motors/readings", "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":60,"
                            + "\"temperature\":39},\"seq\":" + seq + "}");
                }
                MqttProbe.Received restored = device.next(20_000);
                assertThat(restored).isNotNull();
                assertThat(JSON.readTree(restored.payload()).path("eventName").asText()).isEqualTo("Normal Pressure Restored");
                assertThat(device.next(500)).as("nothing more: the repeat did not count").isNull();

                // the service's own data plane agrees (DescribeDetector)
                HttpResponse<String> detector = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(endpoint.trim() + "/detectors/motorDetectorModel/keyValues?keyValue=Fulton-A32")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(detector.statusCode()).as(detector.body()).isEqualTo(200);
                assertThat(JSON.readTree(detector.body()).at("/detector/state/stateName").asText()).isEqualTo("Normal");
            } finally {
                serve.destroy(); // SIGTERM
                assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(log)).contains("serve: mqtt://local/motors/alerts: 2 delivered, 0 retries, 0 dead letters");
        }
    }
}
