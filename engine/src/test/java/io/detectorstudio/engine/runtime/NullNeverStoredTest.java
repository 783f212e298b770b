package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1: a setVariable whose value is JSON null fails — variables cannot be unset or assigned null
 * (§B.5) — so the variable keeps its previous value and the action carries an error.
 */
class NullNeverStoredTest {

    private static EngineHarness model() throws Exception {
        String model = "{\"detectorModelName\":\"m\",\"detectorModelDefinition\":{\"initialStateName\":\"S\",\"states\":["
                + "{\"stateName\":\"S\",\"onInput\":{\"events\":[{\"eventName\":\"copy\",\"condition\":\"true\","
                + "\"actions\":[{\"setVariable\":{\"variableName\":\"t\",\"value\":\"$input.In.payload.temperature\"}}]}]}}]}}";
        return new EngineHarness().model((ObjectNode) EngineHarness.JSON.readTree(model));
    }

    @Test
    void item1SetVariableWithANullValueFailsAndKeepsThePreviousValue() throws Exception {
        EngineHarness h = model();
        h.send("In", "{\"payload\":{\"temperature\":20.5}}");
        h.send("In", "{\"payload\":{\"temperature\":null}}");
        Value t = h.engine.instance("m", null).variables().get("t");
        assertThat(t.type()).isEqualTo(Value.Type.DECIMAL);
        assertThat(t.toText()).isEqualTo("20.5");
        ObjectNode failed = h.actions.get(1);
        assertThat(failed.path("type").asText()).isEqualTo("setVariable");
        assertThat(failed.path("error").asText()).contains("null");
        assertThat(failed.has("value")).isFalse();
        assertThat(h.trace.get(1).path("state").path("variables").path("t").decimalValue()).isEqualByComparingTo("20.5");
    }

    @Test
    void item1ANullFirstValueLeavesTheVariableUnset() throws Exception {
        EngineHarness h = model();
        h.send("In", "{\"payload\":{\"temperature\":null}}");
        assertThat(h.engine.instance("m", null).variables()).doesNotContainKey("t");
    }

    @Provide
    Arbitrary<List<String>> readings() {
        return Arbitraries.of("null", "7", "-3", "21.25", "\"warm\"", "true", "ABSENT").list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void item1NullIsNeverStoredInAVariable(@ForAll("readings") List<String> readings) throws Exception {
        EngineHarness h = model();
        String expected = null;
        for (String r : readings) {
            h.send("In", r.equals("ABSENT") ? "{\"payload\":{}}" : "{\"payload\":{\"temperature\":" + r + "}}");
            if (!r.equals("null") && !r.equals("ABSENT")) {
                expected = r.startsWith("\"") ? r.substring(1, r.length() - 1) : r;
            }
            Value t = h.engine.instance("m", null).variables().get("t");
            if (expected == null) {
                assertThat(t).isNull();
            } else {
                assertThat(t.type()).isNotIn(Value.Type.NULL, Value.Type.UNDEFINED, Value.Type.INVALID);
                assertThat(t.toText()).isEqualTo(expected);
            }
        }
    }
}
