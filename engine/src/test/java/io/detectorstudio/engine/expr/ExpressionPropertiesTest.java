package io.detectorstudio.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the parser, printer and evaluator over generated text and expressions. */
class ExpressionPropertiesTest {

    private static final List<String> ATOMS = List.of("1", "0", "-3", "2.5", "'s'", "\"d\"", "true", "false",
            "$input.I.i", "$input.I.s", "$input.I.n", "$input.I.arr[1]", "$variable.vi", "$variable.never",
            "timeout(\"t\")", "isNull($input.I.n)", "startsWith($input.I.s, 'o')", "bitnot(5)",
            "convert(Decimal, '1.5')", "'${$variable.vi}x'");
    private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=",
            "&", "|", "^", "&&", "||");

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.recursive(() -> Arbitraries.of(ATOMS), this::combine, 0, 4);
    }

    private Arbitrary<String> combine(Arbitrary<String> inner) {
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(inner, Arbitraries.of(OPERATORS), inner)
                        .as((a, op, b) -> "(" + a + " " + op + " " + b + ")"),
                inner.map(a -> "!(" + a + ")"),
                inner.map(a -> "-(" + a + ")"));
    }

    @Property(tries = 2000)
    void theParserNeverThrowsAndKeepsSpansInsideTheText(@ForAll String text) {
        ParseResult result = Parser.parse(text);
        assertThat(result.expr()).isNotNull();
        for (ExpressionProblem p : result.problems()) {
            assertThat(p.start()).isBetween(0, text.length());
            assertThat(p.end()).isBetween(p.start(), text.length());
        }
    }

    @Property(tries = 2000)
    void theParserNeverThrowsOnExpressionLikeText(@ForAll("noisy") String text) {
        theParserNeverThrowsAndKeepsSpansInsideTheText(text);
    }

    @Provide
    Arbitrary<String> noisy() {
        return Arbitraries.strings().withChars("$input.variable()'\"`[]{}0123456789+-*/<>=!&|^~ ,abc").ofMaxLength(40);
    }

    @Property(tries = 1000)
    void printThenParseGivesTheSameTree(@ForAll("expressions") String text) {
        ParseResult first = Parser.parse(text);
        assertThat(first.problems()).isEmpty();
        String printed = Printer.print(first.expr());
        ParseResult second = Parser.parse(printed);
        assertThat(second.problems()).isEmpty();
        assertThat(Printer.print(second.expr())).isEqualTo(printed);
    }

    @Property(tries = 1000)
    void theEvaluatorNeverThrows(@ForAll("expressions") String text) throws Exception {
        MapContext context = ExpressionTableTest.environment().variable("vd", Value.decimal(new BigDecimal("0.0")));
        Value value = new Evaluator(context).evaluate(Parser.parse(text).expr());
        assertThat(value).isNotNull();
        if (value.type() == Value.Type.INVALID) {
            assertThat(value.reason()).doesNotContain("evaluation failed");
        }
    }
}
