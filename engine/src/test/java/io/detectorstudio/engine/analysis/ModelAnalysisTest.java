package io.detectorstudio.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.diagnostics.Category;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.testing.SharedCorpus;
import io.detectorstudio.engine.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Model analysis (§D.2) merged into validation: expression references and types, and the state graph. */
class ModelAnalysisTest {

    private static List<Diagnostic> validate(String json, List<LoadedInput> inputs) throws Exception {
        ModelFile read = new ModelLoader().load(Path.of("m.json"), json.getBytes(StandardCharsets.UTF_8));
        return new Validator().validate(read, read.model(null), inputs, inputs != null);
    }

    private static String model(String states, String initial) {
        return "{\"detectorModelName\":\"m\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
                + "\"detectorModelDefinition\":{\"initialStateName\":\"" + initial + "\",\"states\":[" + states + "]}}";
    }

    private static String state(String name, String onInput, String onEnter) {
        return "{\"stateName\":\"" + name + "\",\"onInput\":{" + onInput + "},\"onEnter\":{\"events\":[" + onEnter + "]}}";
    }

    private static String transition(String event, String condition, String next) {
        return "{\"eventName\":\"" + event + "\",\"condition\":\"" + condition + "\",\"nextState\":\"" + next + "\"}";
    }

    private static String setVariable(String name, String value) {
        return "{\"eventName\":\"set_" + name + "\",\"condition\":\"true\",\"actions\":[{\"setVariable\":"
                + "{\"variableName\":\"" + name + "\",\"value\":\"" + value + "\"}}]}";
    }

    @Test
    void theDocumentedAnalysisOfTemperatureCheckIsReproduced() throws Exception {
        Path file = SharedCorpus.resolve("corpus/models/devguide__TemperatureCheckAnalysisExample.json");
        JsonNode expected = new ObjectMapper().readTree(SharedCorpus.resolve(
                "corpus/messages/devguide__TemperatureCheckAnalysisExample__expected-analysis.json").toFile())
                .path("documentedAnalysisResults").path("analysisResults");
        ModelFile read = new ModelLoader().load(file);
        // as documented: analysed in an account where no input named TemperatureInput exists
        List<LoadedInput> otherInputs = new ModelLoader()
                .load(SharedCorpus.resolve("corpus/inputs/devguide__PressureInput.json")).inputs();
        List<Diagnostic> found = new Validator().validate(read, read.model(null), otherInputs, true);
        assertThat(expected).hasSize(2);
        for (JsonNode result : expected) {
            String location = result.path("locations").path(0).path("path").asText("");
            assertThat(found).as(result.toString()).anySatisfy(d -> {
                assertThat(Category.of(d.code()).type()).isEqualTo(result.path("type").asText());
                assertThat(d.severity().name()).isEqualTo(result.path("level").asText().toUpperCase(Locale.ROOT));
                assertThat(d.message()).startsWith(result.path("message").asText()); // ours may add a hint
                assertThat(d.path()).startsWith("$.detectorModelDefinition." + location);
                assertThat(d.line()).isGreaterThan(0);
            });
        }
    }

    @Test
    void unreachableStatesAndDeadEndsAreWarnings() throws Exception {
        String json = model(String.join(",",
                state("A", "\"transitionEvents\":[" + transition("go", "$input.I.x > 1", "B") + "]", ""),
                state("B", "", ""),
                state("Orphan", "\"transitionEvents\":[" + transition("back", "true", "A") + "]", "")), "A");
        List<Diagnostic> found = validate(json, null);
        assertThat(found).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("DS-STATE-UNREACHABLE");
            assertThat(d.path()).isEqualTo("$.detectorModelDefinition.states[2].stateName");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("'Orphan'", "'A'");
        });
        assertThat(found).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("DS-STATE-DEAD-END");
            assertThat(d.path()).isEqualTo("$.detectorModelDefinition.states[1].stateName");
        });
        assertThat(found).noneMatch(d -> d.code().startsWith("DS-STATE-") && d.path().contains("states[0]"));
    }

    @Test
    void aVariableReadWhereNoPathCouldHaveSetItIsReported() throws Exception {
        String json = model(String.join(",",
                state("A", "\"transitionEvents\":[" + transition("go", "$variable.count > 1", "B") + "]", ""),
                state("B", "", setVariable("count", "0"))), "A");
        List<Diagnostic> found = validate(json, null);
        assertThat(found).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("DS-VARIABLE-BEFORE-SET");
            assertThat(d.path()).isEqualTo("$.detectorModelDefinition.states[0].onInput.transitionEvents[0].condition");
        });
        // read in B, where it was just set: fine; and once B has run, A sees it via the back transition
        String fine = model(String.join(",",
                state("A", "\"transitionEvents\":[" + transition("go", "$input.I.x > 1", "B") + "]",
                        setVariable("count", "0")),
                state("B", "\"transitionEvents\":[" + transition("back", "$variable.count > 1", "A") + "]", "")), "A");
        assertThat(validate(fine, null)).noneMatch(d -> d.code().equals("DS-VARIABLE-BEFORE-SET"));
    }

    @Test
    void referencesAndTypesAreCheckedAtTheirSpanWithTheInputsGiven() throws Exception {
        String json = model(state("A", "\"events\":[{\"eventName\":\"e\",\"condition\":\"timeout(\\\"t\\\") && "
                + "$input.In.a.b > 1\",\"actions\":[{\"setTimer\":{\"timerName\":\"u\",\"durationExpression\":\"\\\"60\\\"\"}}]}]",
                ""), "A");
        ModelFile inputFile = new ModelLoader().load(Path.of("in.json"),
                "{\"inputName\":\"In\",\"inputDefinition\":{\"attributes\":[{\"jsonPath\":\"a.c\"}]}}"
                        .getBytes(StandardCharsets.UTF_8));
        List<Diagnostic> found = validate(json, inputFile.inputs());
        assertThat(found).extracting(Diagnostic::code)
                .contains("DS-REF-TIMER-NEVER-SET", "DS-REF-ATTRIBUTE-UNKNOWN", "DS-TYPE-DURATION");
        Diagnostic timer = found.stream().filter(d -> d.code().equals("DS-REF-TIMER-NEVER-SET")).findFirst().orElseThrow();
        assertThat(timer.endColumn() - timer.column()).isEqualTo("\"t\"".length() + 2); // the escaped quotes in JSON
    }

    @Test
    void variableTypesAreInferredThroughOtherAssignments() throws Exception {
        String json = model(state("A", "\"events\":[" + setVariable("n", "$variable.n + 1") + ","
                + setVariable("d", "$variable.n / 2.5") + "]", setVariable("n", "0")), "A");
        List<Diagnostic> info = validate(json, null).stream().filter(d -> d.code().equals("DS-TYPE-INFERRED")).toList();
        assertThat(info).extracting(Diagnostic::message).containsExactlyInAnyOrder(
                "Inferred data types [Integer] for $variable.n", "Inferred data types [Decimal] for $variable.d");
    }
}
