package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detectorstudio.engine.io.ModelLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputFieldsTest {

    @Test
    void motorFieldsComeFromTheInputDefinitionAndTheKey() throws Exception {
        var model = new ModelLoader().load(Path.of("..", "samples", "motor", "model.json")).model(null).model();
        var input = new ModelLoader().load(Path.of("..", "samples", "motor", "inputs", "PressureInput.json")).inputs()
                .get(0).input();
        var fields = InputFields.of(model, List.of(input));
        assertThat(fields.keySet()).containsExactly("PressureInput");
        assertThat(fields.get("PressureInput")).containsExactly(
                new InputFields.Field("motorid", InputFields.Kind.STRING),
                new InputFields.Field("sensorData.pressure", InputFields.Kind.NUMBER));
    }

    @Test
    void withoutDefinitionsTheExpressionsGiveThePathsAndKinds() throws Exception {
        var model = new ModelLoader().load(Path.of("..", "samples", "motor", "model.json")).model(null).model();
        assertThat(InputFields.of(model, List.of()).get("PressureInput")).extracting(InputFields.Field::path)
                .containsExactly("motorid", "sensorData.pressure");
        assertThat(InputFields.kindOf("$input.A.mode == 'on'", "A", "mode")).isEqualTo(InputFields.Kind.STRING);
        assertThat(InputFields.kindOf("$input.A.ok != false", "A", "ok")).isEqualTo(InputFields.Kind.BOOLEAN);
    }

    @Test
    void payloadsNestByPathAndKeepNumberKinds() {
        var fields = List.of(new InputFields.Field("motorid", InputFields.Kind.STRING),
                new InputFields.Field("sensorData.pressure", InputFields.Kind.NUMBER),
                new InputFields.Field("sensorData.temp", InputFields.Kind.NUMBER),
                new InputFields.Field("sensorData.ok", InputFields.Kind.BOOLEAN),
                new InputFields.Field("note", InputFields.Kind.STRING));
        var payload = InputFields.payload(fields, Map.of("motorid", "Fulton-A32", "sensorData.pressure", "80",
                "sensorData.temp", "21.50", "sensorData.ok", "true", "note", " "));
        assertThat(payload.toString()).isEqualTo(
                "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80,\"temp\":21.50,\"ok\":true}}");
        assertThatThrownBy(() -> InputFields.payload(fields, Map.of("sensorData.pressure", "high")))
                .hasMessageContaining("sensorData.pressure: 'high' is not a number");
    }

    @Test
    void durations() {
        assertThat(Durations.parseMillis("90")).isEqualTo(90_000);
        assertThat(Durations.parseMillis("30s")).isEqualTo(30_000);
        assertThat(Durations.parseMillis("5m")).isEqualTo(300_000);
        assertThat(Durations.parseMillis("1h30m")).isEqualTo(5_400_000);
        assertThat(Durations.parseMillis("PT2M")).isEqualTo(120_000);
        assertThatThrownBy(() -> Durations.parseMillis("soon")).hasMessageContaining("use seconds (90)");
        assertThatThrownBy(() -> Durations.parseMillis("5x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Durations.format(65_000)).isEqualTo("1m 5s");
    }
}
