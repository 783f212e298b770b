package io.detectorstudio.editor.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.HighlightSpan;
import io.detectorstudio.engine.expr.TokenCategory;
import io.detectorstudio.engine.model.FieldKind;
import org.junit.jupiter.api.Test;

class ExpressionAnalyzerTest {

    private static String textOf(ExpressionAnalysis a, TokenCategory category) {
        StringBuilder out = new StringBuilder();
        for (HighlightSpan s : a.highlights()) {
            if (s.category() == category) {
                out.append(a.text(), s.start(), s.end()).append('|');
            }
        }
        return out.toString();
    }

    @Test
    void expressionsAreColouredFromTheLexersTokens() {
        ExpressionAnalysis a = ExpressionAnalyzer.analyze("timeout(\"t\") && $input.In.v > 1.5", FieldKind.EXPRESSION);
        assertThat(textOf(a, TokenCategory.FUNCTION)).isEqualTo("timeout|");
        assertThat(textOf(a, TokenCategory.REFERENCE)).isEqualTo("$input|In|v|");
        assertThat(textOf(a, TokenCategory.NUMBER)).isEqualTo("1.5|");
        assertThat(textOf(a, TokenCategory.OPERATOR)).isEqualTo("&&|>|");
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void templatePartsOfSingleQuotedStringsAreColouredAsCode() {
        ExpressionAnalysis a = ExpressionAnalyzer.analyze("'id ${$variable.n + 1} ok'", FieldKind.EXPRESSION);
        assertThat(textOf(a, TokenCategory.STRING)).isEqualTo("'id |ok'|".replace("|ok", "| ok"));
        assertThat(textOf(a, TokenCategory.TEMPLATE_DELIMITER)).isEqualTo("${|}|");
        assertThat(textOf(a, TokenCategory.REFERENCE)).isEqualTo("$variable|n|");
        assertThat(textOf(a, TokenCategory.NUMBER)).isEqualTo("1|");
    }

    @Test
    void templateModeIsLiteralTextWithExpressionParts() {
        ExpressionAnalysis a = ExpressionAnalyzer.analyze("motors/${$input.In.id}/alarm", FieldKind.TEMPLATE);
        assertThat(textOf(a, TokenCategory.TEMPLATE_DELIMITER)).isEqualTo("${|}|");
        assertThat(textOf(a, TokenCategory.REFERENCE)).isEqualTo("$input|In|id|");
        assertThat(a.highlights()).noneMatch(s -> s.start() < 7);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void templateProblemsAreLocatedInTheWholeText() {
        ExpressionAnalysis a = ExpressionAnalyzer.analyze("a/${$input.}/b/${x", FieldKind.TEMPLATE);
        assertThat(a.problems()).extracting(ExpressionProblem::code)
                .containsExactly("DS-EXPR-EXPECTED", "DS-EXPR-TEMPLATE");
        assertThat(a.problems().get(0).start()).isEqualTo(11); // where the input name was expected
        assertThat(a.problems().get(1).start()).isEqualTo(15);
    }

    @Test
    void parserProblemsKeepTheirSpans() {
        ExpressionAnalysis a = ExpressionAnalyzer.analyze("$input.In.v >", FieldKind.EXPRESSION);
        assertThat(a.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("DS-EXPR-EXPECTED"));
    }

    @Test
    void bracketsPairUpIgnoringStrings() {
        ExpressionAnalysis a = ExpressionAnalyzer.analyze("(contains(\"(\", $input.A.b[0]))", FieldKind.EXPRESSION);
        assertThat(BracketMatcher.at(a, 0)).contains(new BracketMatcher.Pair(0, 29));
        assertThat(BracketMatcher.at(a, 9)).contains(new BracketMatcher.Pair(9, 28)); // caret before '('
        assertThat(BracketMatcher.at(a, 30)).contains(new BracketMatcher.Pair(0, 29)); // caret after the last ')'
        assertThat(BracketMatcher.at(a, 11)).isEmpty(); // the '(' inside the string
        assertThat(BracketMatcher.at(a, 25)).contains(new BracketMatcher.Pair(25, 27));
        assertThat(BracketMatcher.at(ExpressionAnalyzer.analyze("(1", FieldKind.EXPRESSION), 0)).isEmpty();
    }
}
