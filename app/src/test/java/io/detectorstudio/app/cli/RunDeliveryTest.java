package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.delivery.testing.Mosquitto;
import io.detectorstudio.delivery.testing.MqttProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --realtime --bindings}: the motor sample with its bindings.yaml against a real Mosquitto. */
@Timeout(60)
class RunDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MOTOR = Path.of("..", "samples", "motor").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path bindings(Mosquitto broker) throws Exception {
        Path file = dir.resolve("bindings.yaml");
        Files.writeString(file, Files.readString(MOTOR.resolve("bindings.yaml"))
                .replace("tcp://127.0.0.1:1883", broker.url())
                .replace("deadLetter: motor-dead-letters.jsonl", "deadLetter: " + dir.resolve("dead.jsonl")));
        return file;
    }

    @Test
    void messagesFromStandardInputAndFromMqttBothDriveTheModelAndItsSnsActionsArePublished() throws Exception {
        try (Mosquitto broker = Mosquitto.start(); MqttProbe device = new MqttProbe(broker.port()).watch("motors/alerts")) {
            Path messages = dir.resolve("m.jsonl");
            Files.write(messages, List.of("{\"inputName\":\"PressureInput\",\"messageId\":\"s1\",\"payload\":"
                    + "{\"motorid\":\"FromStdin\",\"sensorData\":{\"pressure\":85}}}"));
            AtomicReference<CliRun> result = new AtomicReference<>();
            String bindings = bindings(broker).toString();
            Thread run = new Thread(() -> result.set(CliRun.of("run", MOTOR.toString(), "--realtime",
                    "--messages", messages.toString(), "--bindings", bindings)));
            run.start();

            JsonNode first = JSON.readTree(device.next(15_000).payload());
            assertThat(first.at("/payload/detector/keyValue").asText()).isEqualTo("FromStdin");
            // standard input has ended; the run goes on taking readings from MQTT
            device.publish("motors/readings", "{\"motorid\":\"FromMqtt\",\"sensorData\":{\"pressure\":90}}");
            MqttProbe.Received second = device.next(15_000);
            assertThat(second).isNotNull();
            assertThat(JSON.readTree(second.payload()).at("/payload/detector/keyValue").asText()).isEqualTo("FromMqtt");

            run.interrupt(); // as Ctrl-C would
            run.join(20_000);
            assertThat(run.isAlive()).isFalse();
            CliRun r = result.get();
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines().filter(l -> l.contains("\"type\":\"sns\""))).hasSize(2);
            assertThat(r.err()).contains("mqtt://local/motors/alerts: 2 delivered, 0 retries, 0 dead letters");
        }
    }

    @Test
    void aBindingsMistakeIsReportedWithItsPlaceAndTheRunDoesNotStart() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "deliveries:\n  - type: sms\n    to: { aws: {} }\n");
        CliRun r = CliRun.of("run", MOTOR.toString(), "--realtime", "--messages", "/dev/null", "--bindings", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(file + ":2:11: $.deliveries[0].type: 'sms' is not an action type");
        CliRun notRealtime = CliRun.of("run", MOTOR.toString(), "--messages", "/dev/null", "--bindings", file.toString());
        assertThat(notRealtime.exitCode()).isEqualTo(2);
        assertThat(notRealtime.err()).contains("--bindings needs --realtime");
    }
}
