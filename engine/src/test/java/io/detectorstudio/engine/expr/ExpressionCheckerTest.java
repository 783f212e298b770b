package io.detectorstudio.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.diagnostics.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker, case by case: src/test/resources/expr/checker.tsv (format in its header). */
class ExpressionCheckerTest {

    static SymbolEnvironment environment() {
        Map<String, List<List<String>>> inputs = new LinkedHashMap<>();
        List<List<String>> attributes = new ArrayList<>();
        for (String a : List.of("i", "j", "d", "s", "b", "n", "arr", "o", "_v", "date")) {
            attributes.add(List.of(a));
        }
        inputs.put("I", attributes);
        inputs.put("GreenhouseInput", List.of(List.of("temperature"), List.of("sensors")));
        Map<String, StaticType> variables = Map.of("vi", StaticType.INTEGER, "vd", StaticType.DECIMAL,
                "vs", StaticType.STRING, "vb", StaticType.BOOLEAN);
        return new SymbolEnvironment(inputs, variables, Set.of("t"), Set.of("A", "B"));
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ExpressionCheckerTest.class.getResourceAsStream("/expr/checker.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || !line.contains("\t")) {
                    continue;
                }
                String[] columns = line.split("\t");
                all.add(Arguments.of(columns[0], columns[1], columns[2]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} as {1}  ⇒  {2}")
    @MethodSource("cases")
    void checks(String expression, String role, String expected) {
        ParseResult parsed = Parser.parse(expression);
        assertThat(parsed.problems()).as("parse problems").isEmpty();
        List<ExpressionProblem> problems = new ExpressionChecker(environment())
                .check(parsed.expr(), ExpressionChecker.Role.valueOf(role));
        List<String> got = problems.stream().map(p -> p.code() + " " + p.start() + " " + p.end()).toList();
        List<String> want = expected.equals("ok") ? List.of() : List.of(expected.split("; "));
        assertThat(got).as(problems.toString()).containsExactlyElementsOf(want);
    }

    @Test
    void theServiceWouldDeployOperandMismatchesSoTheyAreWarnings() {
        List<ExpressionProblem> problems = new ExpressionChecker(environment())
                .check(Parser.parse("$variable.vi == \"true\"").expr(), ExpressionChecker.Role.CONDITION);
        assertThat(problems).singleElement().extracting(ExpressionProblem::severity).isEqualTo(Severity.WARNING);
        problems = new ExpressionChecker(environment())
                .check(Parser.parse("$input.Missing.x").expr(), ExpressionChecker.Role.VALUE);
        assertThat(problems).singleElement().extracting(ExpressionProblem::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void withoutModelKnowledgeNothingIsReportedAboutNames() {
        assertThat(new ExpressionChecker(SymbolEnvironment.NONE).check(
                Parser.parse("$input.Any.x > $variable.y && timeout(\"z\")").expr(), ExpressionChecker.Role.CONDITION))
                .isEmpty();
    }

    @Test
    void templatesAreCheckedWithSpansInTheFieldText() {
        ParseResult parsed = Parser.parseTemplate("alerts/${$input.Nope.id}/x", ExpressionOptions.DEFAULTS);
        assertThat(parsed.problems()).isEmpty();
        assertThat(new ExpressionChecker(environment()).check(parsed.expr(), ExpressionChecker.Role.TEXT))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("DS-REF-INPUT-UNKNOWN");
                    assertThat("alerts/${$input.Nope.id}/x".substring(p.start(), p.end())).isEqualTo("$input.Nope.id");
                });
        assertThat(Parser.parseTemplate("a/${1 +}/b", ExpressionOptions.DEFAULTS).problems()).isNotEmpty();
    }
}
