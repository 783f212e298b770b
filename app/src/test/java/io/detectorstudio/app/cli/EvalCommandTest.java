package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvalCommandTest {

    @Test
    void arithmeticFollowsPrecedence() {
        CliRun run = CliRun.of("eval", "3 + 4 * 2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("11");
    }

    @Test
    void item10AnExpressionStartingWithAMinusIsTheExpressionNotAnOption() {
        CliRun run = CliRun.of("eval", "-3 + 5");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("2");
        assertThat(CliRun.of("eval", "-$variable.p", "--var", "p=4").out().strip()).isEqualTo("-4");
        assertThat(CliRun.of("eval", "--var", "p=4", "-2.5 * $variable.p").out().strip()).isEqualTo("-10.0");
        assertThat(CliRun.of("eval", "-3").out().strip()).isEqualTo("-3");
    }

    @Test
    void syntaxErrorPrintsACaretUnderTheSpanAndExitsTwo() {
        CliRun run = CliRun.of("eval", "1 + (2 * ");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("1 + (2 * " + System.lineSeparator() + "         ^");
        assertThat(run.err()).contains("DS-EXPR-EXPECTED");
    }

    @Test
    void inputsVariablesTimersAndTrigger() {
        assertThat(CliRun.of("eval", "$input.P.sensorData.pressure > 70 && $variable.p <= 1",
                "--input", "P={\"sensorData\":{\"pressure\":80}}", "--var", "p=1").out().strip()).isEqualTo("true");
        assertThat(CliRun.of("eval", "timeout(\"awake\")", "--timer", "awake=0").out().strip()).isEqualTo("true");
        assertThat(CliRun.of("eval", "timeout(\"awake\")", "--timer", "awake=30").out().strip()).isEqualTo("false");
        assertThat(CliRun.of("eval", "triggerType(\"Timer\")", "--trigger", "Timer").out().strip()).isEqualTo("true");
        assertThat(CliRun.of("eval", "'a' + 'b'").out().strip()).isEqualTo("\"ab\"");
        assertThat(CliRun.of("eval", "$variable.nothing").out().strip()).isEqualTo("undefined");
    }

    @Test
    void typeErrorsExitTwo() {
        CliRun run = CliRun.of("eval", "'a' + 1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'+' needs numbers or two Strings but got String and Integer");
    }

    @Test
    void aTypeErrorIsUnderlinedWhereItIs() {
        CliRun run = CliRun.of("eval", "1 + (\"a\" * 2)");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("1 + (\"a\" * 2)" + System.lineSeparator() + "     ^^^^^^^")
                .contains("DS-TYPE-OPERATOR");
    }

    @Test
    void badInputJsonIsAUsageError() {
        CliRun run = CliRun.of("eval", "1", "--input", "P={oops");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not valid JSON");
    }
}
