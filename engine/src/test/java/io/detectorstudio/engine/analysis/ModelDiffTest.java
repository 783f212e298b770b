package io.detectorstudio.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode model(String stateA, String events) throws Exception {
        return JSON.readTree("{\"detectorModelName\":\"m\",\"detectorModelDefinition\":{\"initialStateName\":\"A\","
                + "\"states\":[" + stateA + ",{\"stateName\":\"B\",\"onInput\":{\"events\":[" + events + "]}}]}}");
    }

    private static String event(String name, String condition) {
        return "{\"eventName\":\"" + name + "\",\"condition\":\"" + condition + "\",\"actions\":[]}";
    }

    private static final String A = "{\"stateName\":\"A\"}";

    @Test
    void sameModelWithOtherSpacingAndParenthesesHasNoDifference() throws Exception {
        assertThat(ModelDiff.between(model(A, event("e", "$input.I.x>1 && (true)")),
                model(A, event("e", "($input.I.x > 1) && true")))).isEmpty();
    }

    @Test
    void changedConditionsAddedRemovedAndReorderedEventsAreReported() throws Exception {
        JsonNode a = model(A, event("e1", "true") + "," + event("e2", "$variable.v > 1") + "," + event("gone", "true"));
        JsonNode b = model("{\"stateName\":\"A2\"}", event("e2", "$variable.v > 2") + "," + event("e1", "true") + ","
                + event("new", "true"));
        List<String> changes = ModelDiff.between(a, b).stream().map(ModelDiff.Change::toString).toList();
        assertThat(changes).contains(
                "- $.detectorModelDefinition.states[0]: state 'A' removed",
                "+ $.detectorModelDefinition.states[0]: state 'A2' added",
                "- $.detectorModelDefinition.states[1].onInput.events[2]: event 'gone' removed from B onInput.events",
                "+ $.detectorModelDefinition.states[1].onInput.events[2]: event 'new' added to B onInput.events",
                "~ $.detectorModelDefinition.states[1].onInput.events[0].condition: $variable.v > 1  →  $variable.v > 2");
        assertThat(changes).anyMatch(c -> c.startsWith("~ $.detectorModelDefinition.states[1].onInput.events: order of B")
                && c.contains("[e1, e2] → [e2, e1]"));
    }

    @Test
    void repeatedEventNamesAreMatchedOccurrenceByOccurrence() throws Exception {
        JsonNode a = model(A, event("e", "true") + "," + event("e", "false"));
        assertThat(ModelDiff.between(a, a)).isEmpty();
        JsonNode b = model(A, event("e", "true") + "," + event("e", "1 > 2"));
        assertThat(ModelDiff.between(a, b)).singleElement()
                .satisfies(c -> assertThat(c.path()).endsWith("events[1].condition"));
    }
}
