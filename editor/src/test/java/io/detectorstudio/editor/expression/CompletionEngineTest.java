package io.detectorstudio.editor.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.model.FieldKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompletionEngineTest {

    private static CompletionSource motor;
    private static final CompletionSource RICH = CompletionSource.of(
            List.of(new CompletionSource.InputSymbol("PressureInput", List.of("sensorData.pressure", "motorid")),
                    new CompletionSource.InputSymbol("Odd", List.of("a b.c", "list[0].x"))),
            List.of("pressureThresholdBreached", "count"), List.of("cooldown", "resend"), List.of("Normal", "Dangerous"));

    @BeforeAll
    static void load() throws Exception {
        motor = MotorSymbols.source();
    }

    private static List<String> labels(String textWithCaret, FieldKind mode, CompletionSource source) {
        return complete(textWithCaret, mode, source).items().stream().map(Completion::label).toList();
    }

    /** {@code |} marks the caret. */
    private static CompletionResult complete(String textWithCaret, FieldKind mode, CompletionSource source) {
        int caret = textWithCaret.indexOf('|');
        String text = textWithCaret.replace("|", "");
        return CompletionEngine.complete(text, caret, mode, source);
    }

    @Test
    void motorSymbolsComeFromTheModelAndItsInputFile() {
        assertThat(motor.inputs()).containsExactly(
                new CompletionSource.InputSymbol("PressureInput", List.of("sensorData.pressure", "motorid")));
        assertThat(motor.variables()).containsExactly("pressureThresholdBreached");
        assertThat(motor.states()).containsExactly("Normal", "Dangerous");
    }

    @Test
    void inputsWithoutTheirFileAreInferredFromTheExpressionsThatReadThem() throws Exception {
        CompletionSource inferred = ModelSymbols.from(MotorSymbols.model(), List.of());
        assertThat(inferred.inputs()).containsExactly(
                new CompletionSource.InputSymbol("PressureInput", List.of("sensorData.pressure")));
    }

    @Test
    void afterInputDotOffersTheInputsAndInsertingOneChainsToItsAttributes() {
        CompletionResult result = complete("$input.|", FieldKind.EXPRESSION, motor);
        assertThat(result.items()).extracting(Completion::label).containsExactly("PressureInput");
        Completion input = result.items().get(0);
        assertThat(input.chain()).isTrue();
        assertThat(result.apply("$input.", input)).isEqualTo("$input.PressureInput.");
    }

    @Test
    void afterAnInputNameOffersItsAttributePathsAndFollowsAPartialPath() {
        assertThat(labels("$input.PressureInput.|", FieldKind.EXPRESSION, motor))
                .containsExactly("sensorData.pressure", "motorid");
        assertThat(labels("$input.PressureInput.mo|", FieldKind.EXPRESSION, motor)).containsExactly("motorid");
        assertThat(labels("$input.PressureInput.sensorData.|", FieldKind.EXPRESSION, motor))
                .containsExactly("pressure");
        assertThat(labels("$input.Nope.|", FieldKind.EXPRESSION, motor)).isEmpty();
    }

    @Test
    void thePrefixIsReplacedNotAppended() {
        CompletionResult result = complete("$input.PressureInput.sen| > 70", FieldKind.EXPRESSION, motor);
        assertThat(result.apply("$input.PressureInput.sen > 70", result.items().get(0)))
                .isEqualTo("$input.PressureInput.sensorData.pressure > 70");
    }

    @Test
    void namesThatAreNotIdentifiersAreInsertedInBackticks() {
        assertThat(complete("$input.Odd.|", FieldKind.EXPRESSION, RICH).items()).extracting(Completion::insert)
                .containsExactly("`a b`.c", "list[0].x");
    }

    @Test
    void afterVariableDotOffersTheVariables() {
        assertThat(labels("$variable.|", FieldKind.EXPRESSION, RICH)).containsExactly("pressureThresholdBreached",
                "count");
        assertThat(labels("1 + $variable.c|", FieldKind.EXPRESSION, RICH)).containsExactly("count");
    }

    @Test
    void anywhereElseOffersTheThirteenFunctionsWithSignaturesRootsTimersAndBooleans() {
        List<Completion> items = complete("|", FieldKind.EXPRESSION, RICH).items();
        List<Completion> functions = items.stream().filter(c -> c.kind() == Completion.Kind.FUNCTION).toList();
        assertThat(functions).hasSize(13);
        assertThat(functions).filteredOn(c -> c.label().equals("timeout")).singleElement()
                .satisfies(c -> {
                    assertThat(c.insert()).isEqualTo("timeout(");
                    assertThat(c.detail()).startsWith("timeout(\"timerName\")");
                });
        assertThat(items).extracting(Completion::label)
                .contains("$input.", "$variable.", "timeout(\"cooldown\")", "true", "false");
        assertThat(items).extracting(Completion::label).contains("$input.PressureInput.sensorData.pressure",
                "$input.Odd.`a b`.c", "$variable.count");
        assertThat(labels("isN|", FieldKind.EXPRESSION, RICH)).containsExactly("isNull");
        assertThat(labels("pres|", FieldKind.EXPRESSION, RICH)).containsExactly(
                "$input.PressureInput.sensorData.pressure", "$input.PressureInput.motorid",
                "$variable.pressureThresholdBreached");
        assertThat(labels("$v|", FieldKind.EXPRESSION, RICH)).containsExactly("$variable.");
    }

    @Test
    void insideStringArgumentsOffersTimersInputsOrStates() {
        assertThat(labels("timeout(\"c|", FieldKind.EXPRESSION, RICH)).containsExactly("cooldown");
        assertThat(labels("currentInput(\"|", FieldKind.EXPRESSION, RICH)).containsExactly("PressureInput", "Odd");
        assertThat(labels("$variable.last == \"D|", FieldKind.EXPRESSION, RICH)).containsExactly("Dangerous");
    }

    @Test
    void aDotAfterSomethingElseOffersNothing() {
        assertThat(labels("3.|", FieldKind.EXPRESSION, RICH)).isEmpty();
        assertThat(labels("convert(Decimal, x).|", FieldKind.EXPRESSION, RICH)).isEmpty();
    }

    @Test
    void templatesCompleteOnlyInsideAnOpenDollarBrace() {
        assertThat(labels("motors/|", FieldKind.TEMPLATE, RICH)).isEmpty();
        assertThat(labels("motors/${$input.|", FieldKind.TEMPLATE, RICH)).containsExactly("PressureInput", "Odd");
        assertThat(labels("motors/${$input.PressureInput.motorid}/x|", FieldKind.TEMPLATE, RICH)).isEmpty();
        assertThat(labels("'{\"v\": \"${$variable.|", FieldKind.EXPRESSION, RICH))
                .containsExactly("pressureThresholdBreached", "count");
    }
}
