package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Issue 14 item 2 through the engine: an invalid condition is false, an action whose value is invalid fails. */
class InvalidConditionTest {

    @Test
    void item2AnInvalidSubExpressionKeepsTheTransitionFromFiringAndFailsTheAction() throws Exception {
        String model = "{\"detectorModelName\":\"m\",\"detectorModelDefinition\":{\"initialStateName\":\"Normal\",\"states\":["
                + "{\"stateName\":\"Normal\",\"onInput\":{\"events\":[{\"eventName\":\"v\",\"condition\":\"true\",\"actions\":["
                + "{\"setVariable\":{\"variableName\":\"x\",\"value\":\"convert(Decimal, \\\"x\\\") || true\"}}]}],"
                + "\"transitionEvents\":[{\"eventName\":\"high\",\"nextState\":\"Alarm\","
                + "\"condition\":\"$input.I.v > $variable.threshold || $input.I.v < 77.03\"}]},"
                + "\"onEnter\":{\"events\":[{\"eventName\":\"init\",\"condition\":\"isUndefined($variable.threshold)\","
                + "\"actions\":[{\"setVariable\":{\"variableName\":\"threshold\",\"value\":\"false\"}}]}]}},"
                + "{\"stateName\":\"Alarm\"}]}}";
        EngineHarness h = new EngineHarness().model((ObjectNode) EngineHarness.JSON.readTree(model));
        h.send("I", "{\"v\": 20.5}");
        assertThat(h.engine.instance("m", null).stateName()).as("20.5 > false is a type error").isEqualTo("Normal");
        ObjectNode set = h.actions.stream().filter(a -> a.path("variableName").asText().equals("x")).findFirst().orElseThrow();
        assertThat(set.path("error").asText()).contains("convert");
        assertThat(h.trace.get(0).path("evaluations").findValues("result").toString()).contains("\"invalid\"");
    }
}
