package io.detectorstudio.editor.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.model.FieldKind;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExpressionFieldTest {

    private ExpressionField field;
    private TemplateArea template;

    @Start
    void start(Stage stage) throws Exception {
        field = new ExpressionField();
        field.setCompletionSource(MotorSymbols.source());
        template = new TemplateArea(FieldKind.TEMPLATE);
        stage.setScene(new Scene(new VBox(8, field, template), 600, 300));
        stage.show();
    }

    private Collection<String> stylesAt(ExpressionEditor editor, int index) {
        return editor.area().getStyleOfChar(index);
    }

    private void typeInto(FxRobot robot, ExpressionEditor editor, String text) {
        robot.clickOn(editor.area());
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingColoursTheTextFromTheLexersTokens(FxRobot robot) {
        typeInto(robot, field, "isNull($input.PressureInput.motorid) && 1.5 > 2");
        assertThat(field.getText()).isEqualTo("isNull($input.PressureInput.motorid) && 1.5 > 2");
        assertThat(stylesAt(field, 0)).containsExactly("expr-function");
        assertThat(stylesAt(field, 7)).containsExactly("expr-reference"); // $input
        assertThat(stylesAt(field, 37)).containsExactly("expr-operator"); // &&
        assertThat(stylesAt(field, 40)).containsExactly("expr-number");
        assertThat(field.getDiagnostics()).isEmpty();
    }

    @Test
    void anErrorIsUnderlinedAndReportedAndFixingItClearsBoth(FxRobot robot) {
        typeInto(robot, field, "$input.PressureInput.sensorData.pressure > ");
        List<ExpressionProblem> problems = field.getDiagnostics();
        assertThat(problems).extracting(ExpressionProblem::code).containsExactly("DS-EXPR-EXPECTED");
        int last = field.getText().length() - 1;
        assertThat(stylesAt(field, last)).contains("expr-problem-error");
        assertThat(field.problemAt(last)).map(ExpressionProblem::message).get().asString()
                .contains("but the expression ends");

        robot.write("70");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getDiagnostics()).isEmpty();
        for (int i = 0; i < field.getText().length(); i++) {
            assertThat(stylesAt(field, i)).doesNotContain("expr-problem-error");
        }
    }

    @Test
    void hoveringAnUnderlinedProblemShowsItsMessage(FxRobot robot) throws Exception {
        robot.interact(() -> field.setText("1 + 2 % 3"));
        assertThat(field.getDiagnostics()).extracting(ExpressionProblem::code).contains("DS-EXPR-CHARACTER");
        javafx.geometry.Bounds percent = WaitForAsyncUtils.asyncFx(
                () -> field.area().getCharacterBoundsOnScreen(6, 7).orElseThrow()).get();
        robot.moveTo(new javafx.geometry.Point2D(percent.getCenterX(), percent.getCenterY()));
        robot.moveBy(1, 0);
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.isHoverShowing()).isTrue();
        assertThat(field.hoverText()).contains("unexpected character '%'").contains("DS-EXPR-CHARACTER");
        robot.moveTo(new javafx.geometry.Point2D(percent.getMinX() - 200, percent.getMaxY() + 150));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.isHoverShowing()).isFalse();
    }

    @Test
    void typingInputDotOffersTheInputsAndThenItsAttributes(FxRobot robot) {
        typeInto(robot, field, "$input.");
        assertThat(field.isCompletionShowing()).isTrue();
        assertThat(field.shownCompletions()).extracting(Completion::label).containsExactly("PressureInput");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("$input.PressureInput.");
        assertThat(field.isCompletionShowing()).isTrue();
        assertThat(field.shownCompletions()).extracting(Completion::label)
                .containsExactly("sensorData.pressure", "motorid");

        robot.write("mo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.shownCompletions()).extracting(Completion::label).containsExactly("motorid");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("$input.PressureInput.motorid");
        assertThat(field.isCompletionShowing()).isFalse();
    }

    @Test
    void movingTheCaretAwayClosesCompletionAndClickingAProposalInsertsIt(FxRobot robot) {
        typeInto(robot, field, "1 + $variable.");
        assertThat(field.shownCompletions()).extracting(Completion::label)
                .containsExactly("pressureThresholdBreached");
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.isCompletionShowing()).isFalse();

        robot.type(KeyCode.END);
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("pressureThresholdBreached");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo("1 + $variable.pressureThresholdBreached");
        assertThat(field.getDiagnostics()).isEmpty();
    }

    @Test
    void ctrlSpaceOffersTheFunctionsAndEscCloses(FxRobot robot) {
        robot.clickOn(field.area());
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.isCompletionShowing()).isTrue();
        assertThat(field.shownCompletions()).filteredOn(c -> c.kind() == Completion.Kind.FUNCTION).hasSize(13);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.isCompletionShowing()).isFalse();
    }

    @Test
    void theBracketAtTheCaretAndItsMatchAreMarked(FxRobot robot) {
        robot.interact(() -> field.setText("isNull((1 + 2))"));
        robot.interact(() -> field.area().moveTo(6));
        assertThat(stylesAt(field, 6)).contains(ExpressionStyles.BRACKET_MATCH);
        assertThat(stylesAt(field, 14)).contains(ExpressionStyles.BRACKET_MATCH);
        assertThat(stylesAt(field, 7)).doesNotContain(ExpressionStyles.BRACKET_MATCH);
        robot.interact(() -> field.area().moveTo(7));
        assertThat(stylesAt(field, 6)).doesNotContain(ExpressionStyles.BRACKET_MATCH);
        assertThat(stylesAt(field, 7)).contains(ExpressionStyles.BRACKET_MATCH);
        assertThat(stylesAt(field, 13)).contains(ExpressionStyles.BRACKET_MATCH);
    }

    @Test
    void theTextBindsBothWaysAndTheModeChangesHowItIsRead(FxRobot robot) {
        StringProperty model = new SimpleStringProperty("motors/${$input.PressureInput.motorid}");
        robot.interact(() -> template.textProperty().bindBidirectional(model));
        assertThat(template.getText()).isEqualTo(model.get());
        assertThat(stylesAt(template, 0)).containsExactly(ExpressionStyles.TEMPLATE_TEXT);
        assertThat(stylesAt(template, 7)).containsExactly("expr-template-delimiter");
        assertThat(template.getDiagnostics()).isEmpty();

        robot.interact(() -> template.setMode(FieldKind.EXPRESSION));
        assertThat(template.getDiagnostics()).isNotEmpty(); // 'motors/…' is not an expression

        typeInto(robot, template, "x");
        assertThat(model.get()).endsWith("x");
    }

    @Test
    void longTemplatesAreHighlightedOffTheFxThread(FxRobot robot) throws Exception {
        String part = "{\"motor\": \"${$input.PressureInput.motorid}\", \"p\": ${$input.PressureInput.sensorData.pressure}}\n";
        String text = part.repeat(5_000 / part.length() + 1);
        robot.interact(() -> template.setText(text));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> template.area().getStyleOfChar(11).contains("expr-template-delimiter"));
        assertThat(template.getDiagnostics()).isEmpty();
        int lastDelimiter = text.lastIndexOf('}') - 1;
        assertThat(stylesAt(template, lastDelimiter)).containsExactly("expr-template-delimiter");
    }
}
