package io.detectorstudio.editor.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.model.Attribute;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.DetectorModelDefinition;
import io.detectorstudio.engine.model.Event;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.OnEnterLifecycle;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadPreviewTest {
    private static final String SAMPLES = "{\"variables\": {\"count\": 2, \"level\": 1.50},"
            + " \"inputs\": {\"Temp\": {\"sensor\": {\"value\": 71}}}}";

    @Test
    void aJsonTemplateIsEvaluatedAndPrettyPrinted() {
        assertThat(PayloadPreview.preview("'{\"count\": ${$variable.count + 1}, \"t\": ${$input.Temp.sensor.value}}'",
                "JSON", SAMPLES)).isEqualTo("{\n  \"count\" : 3,\n  \"t\" : 71\n}");
    }

    @Test
    void decimalsKeepTheirScaleInStringPayloads() {
        assertThat(PayloadPreview.preview("'level ${$variable.level}'", "STRING", SAMPLES)).isEqualTo("level 1.50");
    }

    @Test
    void problemsAreSaidPlainly() {
        assertThat(PayloadPreview.preview("'not json'", "JSON", SAMPLES))
                .isEqualTo("⚠ not valid JSON, it would be sent as text:\nnot json");
        assertThat(PayloadPreview.preview("$variable.missing", "STRING", SAMPLES)).startsWith("⚠ the content expression does not evaluate");
        assertThat(PayloadPreview.preview("1 +", "STRING", SAMPLES)).startsWith("⚠ ");
        assertThat(PayloadPreview.preview("'x'", "STRING", "{oops")).startsWith("⚠ sample values are not valid");
        assertThat(PayloadPreview.preview("", "JSON", SAMPLES)).isEqualTo("⚠ contentExpression is empty");
    }

    @Test
    void defaultSamplesListTheModelsVariablesAndTheInputsAttributes() {
        State s = new State("s", null, new OnEnterLifecycle(List.of(new Event("e", null,
                List.of(new SetVariableAction("count", "0"))))), null);
        DetectorModel model = new DetectorModel("m", new DetectorModelDefinition(List.of(s), "s"), null, null, null,
                List.of(), null);
        Input input = new Input("Temp", null, List.of(new Attribute("sensor.value"), new Attribute("`device id`")),
                List.of());
        assertThat(PayloadPreview.defaultSamples(model, List.of(input)).replaceAll("\\s+", ""))
                .isEqualTo("{\"variables\":{\"count\":0},\"inputs\":{\"Temp\":{\"sensor\":{\"value\":0},\"deviceid\":0}}}");
    }
}
