package io.detectorstudio.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.testing.SharedCorpus;
import io.detectorstudio.engine.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every condition, value and payload of the real models parses, except the HTML-escaped one. */
class CorpusExpressionsTest {

    @Test
    void everyCorpusExpressionParsesExceptTheDeliberatelyBrokenModel() throws Exception {
        int models = 0;
        for (Path file : SharedCorpus.files("corpus/models", ".json")) {
            ModelFile read = new ModelLoader().load(file);
            List<Diagnostic> found = new Validator().validate(read, read.model(null), List.of(), false);
            List<Diagnostic> syntax = found.stream().filter(d -> d.code().startsWith("DS-EXPR")).toList();
            if (file.getFileName().toString().contains("htmlEscaped")) {
                assertThat(syntax).isNotEmpty().allSatisfy(d -> assertThat(d.line()).isPositive());
            } else {
                assertThat(syntax).as(file.getFileName().toString()).isEmpty();
            }
            models++;
        }
        assertThat(models).isEqualTo(30);
    }

    @Test
    void syntaxErrorsInAModelAreLocatedAtTheCharacter() throws Exception {
        String json = "{\"detectorModelName\": \"m\", \"roleArn\": \"arn:aws:iam::123456789012:role/r\",\n"
                + " \"detectorModelDefinition\": {\"initialStateName\": \"A\", \"states\": [{\"stateName\": \"A\",\n"
                + "  \"onInput\": {\"events\": [{\"eventName\": \"e\", \"condition\": \"$input.I.x >> 1\"}]}}]}}";
        ModelFile read = new ModelLoader().load(Path.of("m.json"), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Diagnostic> found = new Validator().validate(read, read.model(null), List.of(), false);
        Diagnostic d = found.stream().filter(x -> x.code().equals("DS-EXPR-EXPECTED")).findFirst().orElseThrow();
        String line = json.lines().toList().get(d.line() - 1);
        assertThat(line.substring(d.column() - 1)).startsWith("> 1");
        assertThat(d.path()).isEqualTo("$.detectorModelDefinition.states[0].onInput.events[0].condition");
    }
}
