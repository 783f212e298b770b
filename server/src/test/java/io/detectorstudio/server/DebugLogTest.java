package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;

/** --debug-log: one §C.13 "Summary of message evaluation" per cycle in DATA/logs/engine.log. */
class DebugLogTest {

    @TempDir
    Path data;

    @Test
    void theFirstMotorReadingIsSummarisedAsTheServiceWouldLogIt() throws Exception {
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data).withThreads(2).withDebugLog(true))) {
            var endpoint = server.start();
            try (var control = Sdk.control(endpoint); var dataPlane = Sdk.data(endpoint)) {
                control.createInput(Sdk.createInput(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")));
                control.createDetectorModel(Sdk.createDetectorModel(Sdk.SAMPLES.resolve("motor/model.json"),
                        "arn:aws:iam::123456789012:role/r"));
                dataPlane.batchPutMessage(b -> b.messages(m -> m.messageId("00001").inputName("PressureInput")
                        .payload(SdkBytes.fromUtf8String("{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80}}"))));
            }
        }
        List<String> lines = Files.readAllLines(data.resolve("logs/engine.log"));
        assertThat(lines).hasSize(1);
        JsonNode entry = new ObjectMapper().readTree(lines.get(0));
        assertThat(entry.path("logMessage").asText()).isEqualTo("Summary of message evaluation");
        assertThat(entry.path("level").asText()).isEqualTo("DEBUG");
        assertThat(entry.path("messageId").asText()).isEqualTo("00001");
        assertThat(entry.path("keyValue").asText()).isEqualTo("Fulton-A32");
        assertThat(entry.path("finalState").asText()).isEqualTo("Dangerous");
        assertThat(entry.path("finalVariables").path("pressureThresholdBreached").asInt()).isEqualTo(3);
        assertThat(entry.path("messageType").asText()).isEqualTo("CUSTOMER_MESSAGE");
        assertThat(entry.path("conditionEvaluationResults")).anySatisfy(r -> {
            assertThat(r.path("eventName").asText()).isEqualTo("Overpressurized");
            assertThat(r.path("result").asText()).isEqualTo("True");
            assertThat(r.path("lifeCycle").asText()).isEqualTo("OnInput");
            assertThat(r.path("hasTransition").asBoolean()).isTrue();
        });
    }
}
