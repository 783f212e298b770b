package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Issue 14 item 6 in the workbench: the raw JSON box takes the API's own message shapes too. */
class RawMessageShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void item6RawJsonAcceptsTheDevicePayloadABatchPutMessageEntryOrTheBlob() throws Exception {
        String device = "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80}}";
        String base64 = Base64.getEncoder().encodeToString(device.getBytes(StandardCharsets.UTF_8));
        assertThat(InputStepper.rawPayload(JSON.readTree(device))).isEqualTo(JSON.readTree(device));
        assertThat(InputStepper.rawPayload(JSON.readTree("{\"messageId\":\"1\",\"inputName\":\"PressureInput\","
                + "\"payload\":\"" + base64 + "\"}"))).isEqualTo(JSON.readTree(device));
        assertThat(InputStepper.rawPayload(JSON.readTree("\"" + base64 + "\""))).isEqualTo(JSON.readTree(device));
        assertThatThrownBy(() -> InputStepper.rawPayload(JSON.readTree("{\"inputName\":\"PressureInput\","
                + "\"payload\":\"" + base64 + "\",\"timestamp\":{\"timeInMillis\":\"x\"}}")))
                .hasMessageContaining("timeInMillis must be");
        assertThatThrownBy(() -> InputStepper.rawPayload(JSON.readTree("{\"inputName\":\"PressureInput\","
                + "\"payload\":\"@@@\"}"))).hasMessageContaining("neither JSON nor base64");
    }
}
