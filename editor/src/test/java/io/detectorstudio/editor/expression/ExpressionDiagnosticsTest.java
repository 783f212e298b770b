package io.detectorstudio.editor.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.model.FieldKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionDiagnosticsTest {

    private static final String PATH = "$.detectorModelDefinition.states[0].onInput.events[0].condition";

    @Test
    void problemsBecomeDiagnosticsAtTheFieldsPathWithTheCharactersTheyAreAbout() {
        String text = "1 + 2 % 3";
        List<Diagnostic> out = ExpressionDiagnostics.of(PATH, text,
                ExpressionAnalyzer.analyze(text, FieldKind.EXPRESSION).problems());
        assertThat(out).hasSize(2).first().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.code()).isEqualTo("DS-EXPR-CHARACTER");
            assertThat(d.path()).isEqualTo(PATH);
            assertThat(d.message()).startsWith("unexpected character '%'").endsWith("(character 7: '%')");
        });
        assertThat(out.get(1).message()).endsWith("(character 9: '3')");
        String longer = "bitor(1, 2) + foo(1)";
        assertThat(ExpressionDiagnostics.of(PATH, longer, ExpressionAnalyzer.analyze(longer, FieldKind.EXPRESSION)
                .problems())).extracting(Diagnostic::message).anySatisfy(m -> {
            assertThat(m).endsWith("(characters 15–17: 'foo')");
        });
    }

    @Test
    void anExpressionThatEndsTooEarlyIsReportedAtTheEnd() {
        String text = "$input.A.b >";
        assertThat(ExpressionDiagnostics.of(PATH, text, ExpressionAnalyzer.analyze(text, FieldKind.EXPRESSION)
                .problems())).extracting(Diagnostic::message).singleElement().asString().endsWith("(at the end)");
    }
}
