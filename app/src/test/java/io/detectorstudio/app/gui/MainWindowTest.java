package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.editor.properties.PropertiesPane;
import io.detectorstudio.editor.properties.PropertyTarget;
import io.detectorstudio.engine.model.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    private final java.util.prefs.Preferences prefs = TestPrefs.fresh();

    @org.junit.jupiter.api.AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = new MainWindow(stage, prefs, new io.detectorstudio.app.gui.files.RecoveryStore(
                Files.createTempDirectory("recovery")));
        stage.setScene(RealTheme.scene(window.root(), 1200, 800));
        stage.show();
    }

    private void openAndWait(Path file, FxRobot robot) throws Exception {
        BackgroundWork.Job[] task = new BackgroundWork.Job[1];
        robot.interact(() -> task[0] = window.open(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensTheMotorSampleWithDiagramOutlineAndTitle(FxRobot robot) throws Exception {
        openAndWait(Path.of("..", "samples", "motor", "model.json"), robot);
        assertThat(window.workspaceProperty().get()).isNotNull();
        assertThat(stage.getTitle()).startsWith("motorDetectorModel — model.json");
        assertThat(window.outlineTree().getRoot().getChildren()).extracting(i -> i.getValue())
                .containsExactly("Normal  (initial)", "Dangerous");
        assertThat(window.projectTree().getRoot().getChildren()).extracting(i -> i.getValue().toString())
                .containsExactly("Models (1)", "Inputs (1)", "Scenarios (2)", "Traces (0)");
        assertThat(robot.lookup("#properties").tryQuery()).isPresent();
        assertThat(window.problemsTable().getItems()).noneMatch(d -> d.isError());
        assertThat(robot.lookup("Normal").tryQuery()).isPresent();
    }

    @Test
    void aConditionEditedIntoAnErrorIsUnderlinedAndListedAndFixingItClearsBoth(FxRobot robot) throws Exception {
        Path copy = Files.createTempDirectory("motor").resolve("model.json");
        Files.copy(Path.of("..", "samples", "motor", "model.json"), copy);
        openAndWait(copy, robot);
        PropertiesPane properties = robot.lookup("#properties").queryAs(PropertiesPane.class);
        robot.interact(() -> properties.show(new PropertyTarget.Event(
                new EventRef("Dangerous", State.EventList.ON_INPUT, 0))));
        ExpressionEditor condition = robot.lookup("#event-condition").queryAs(ExpressionEditor.class);

        typeCondition(robot, "$input.PressureInput.sensorData.pressure >");
        assertThat(condition.getDiagnostics()).isNotEmpty();
        assertThat(condition.area().getStyleSpans(0, condition.area().getLength()).stream()
                .anyMatch(span -> span.getStyle().contains("expr-problem-error"))).as("underlined").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.problemsTable().getItems().stream()
                .anyMatch(d -> d.code().startsWith("DS-EXPR") && d.path().endsWith("onInput.events[0].condition")));

        typeCondition(robot, "$input.PressureInput.sensorData.pressure > 75");
        assertThat(condition.getDiagnostics()).isEmpty();
        assertThat(condition.area().getStyleSpans(0, condition.area().getLength()).stream()
                .noneMatch(span -> span.getStyle().contains("expr-problem-error"))).as("underline gone").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.problemsTable().getItems().stream()
                .noneMatch(d -> d.code().startsWith("DS-EXPR")));
    }

    private static void typeCondition(FxRobot robot, String text) {
        robot.clickOn("#event-condition");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAProblemSelectsItsStateOpensItsConditionAndPutsTheCaretAtTheSpan(FxRobot robot) throws Exception {
        openAndWait(Path.of("..", "engine", "src", "test", "resources", "models",
                "awscli__motorDetectorModel_htmlEscaped.json"), robot);
        int row = -1;
        for (int i = 0; i < window.problemsTable().getItems().size(); i++) {
            if (window.problemsTable().getItems().get(i).path().equals(
                    "$.detectorModelDefinition.states[1].onInput.events[0].condition")) {
                row = i;
                break;
            }
        }
        assertThat(row).isNotNegative();
        int target = row;
        robot.interact(() -> window.problemsTable().scrollTo(target));
        robot.clickOn(robot.lookup(".table-row-cell").nth(target).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().selectionProperty().get().states()).containsExactly("Dangerous");
        PropertiesPane properties = robot.lookup("#properties").queryAs(PropertiesPane.class);
        assertThat(properties.targetProperty().get()).isEqualTo(new PropertyTarget.Event(
                new EventRef("Dangerous", State.EventList.ON_INPUT, 0)));
        ExpressionEditor condition = robot.lookup("#event-condition").queryAs(ExpressionEditor.class);
        assertThat(condition.getText()).contains("&gt;");
        assertThat(condition.area().getCaretPosition()).isEqualTo(condition.getText().indexOf('&'));
    }

    @Test
    void aTemplateWithAnUnresolvableIntrinsicOpensAndSaysWhere(FxRobot robot) throws Exception {
        Path template = Files.createTempDirectory("cfn").resolve("stack.yaml");
        Files.writeString(template, String.join("\n",
                "AWSTemplateFormatVersion: '2010-09-09'",
                "Resources:",
                "  Model:",
                "    Type: AWS::IoTEvents::DetectorModel",
                "    Properties:",
                "      DetectorModelName: m",
                "      RoleArn: !ImportValue SharedIoTEventsRole",
                "      DetectorModelDefinition:",
                "        InitialStateName: A",
                "        States:",
                "          - StateName: A",
                "            OnInput:",
                "              Events:",
                "                - EventName: e",
                "                  Condition: \"$input.I.x > 1\"", ""));
        openAndWait(template, robot);
        assertThat(window.workspaceProperty().get()).isNotNull();
        assertThat(window.problemsTable().getItems()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("DS-CFN-UNRESOLVED");
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.message()).contains("Fn::ImportValue");
        });
        assertThat(robot.lookup("A").tryQuery()).as("the diagram shows the model").isPresent();
    }

    @Test
    void aModelWithErrorsListsThemInTheProblemsView(FxRobot robot) throws Exception {
        openAndWait(Path.of("..", "engine", "src", "test", "resources", "models",
                "awscli__motorDetectorModel_htmlEscaped.json"), robot);
        assertThat(window.problemsTable().getItems()).anySatisfy(d ->
                assertThat(d.code()).isEqualTo("DS-EXPR-HTML-ENTITY"));
    }

    @Test
    void aCorruptFileShowsADialogAndKeepsTheWindowUsable(FxRobot robot) throws Exception {
        openAndWait(Path.of("..", "samples", "motor", "model.json"), robot);
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"detectorModelDefinition\": {");
        openAndWait(corrupt, robot);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isPresent();
        assertThat(stage.getTitle()).startsWith("motorDetectorModel"); // the open model is still there
        assertThat(window.workspaceProperty().get().model().name()).isEqualTo("motorDetectorModel");
    }

    @Test
    void cancellingTheCloseQuestionWhenOpeningAFolderKeepsTheCurrentProjectTree(FxRobot robot) throws Exception {
        Path motor = Files.createTempDirectory("motor").resolve("model.json");
        Files.copy(Path.of("..", "samples", "motor", "model.json"), motor);
        openAndWait(motor, robot);
        Path shownFolder = window.projectTree().getRoot().getValue();
        robot.interact(() -> window.workspaceProperty().get().document().renameState("Normal", "Calm"));
        Path otherFolder = Path.of("..", "samples", "isa-alarm").toAbsolutePath().normalize();
        robot.interact(() -> javafx.application.Platform.runLater(() -> window.open(otherFolder)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspaceProperty().get().model().name()).isEqualTo("motorDetectorModel");
        assertThat(window.projectTree().getRoot().getValue()).as("the tree of the model still open")
                .isEqualTo(shownFolder);
    }

    /**
     * Issue 20: a tab pane keeps its other tabs' content in the scene, styled and laid out; the trace table made and
     * refilled rows on every update of a run while its tab was hidden. It is in the scene only while shown, and
     * keeps its rows' selection across the switch.
     */
    @Test
    void theTraceViewIsInTheWindowOnlyWhileItsTabIsSelectedAndKeepsItsSelection(FxRobot robot) throws Exception {
        openAndWait(Path.of("..", "samples", "motor", "model.json"), robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.simulation() != null);
        var sim = window.simulation();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        robot.interact(() -> {
            for (int p : new int[] {60, 80, 90}) {
                sim.model().send("PressureInput", mapper.createObjectNode().put("motorid", "m1")
                        .set("sensorData", mapper.createObjectNode().put("pressure", p)));
            }
        });
        var trace = sim.traceView();
        var tabs = window.bottomTabs();
        int traceTab = tabs.getTabs().indexOf(tabs.getTabs().stream().filter(t -> "Trace".equals(t.getText()))
                .findFirst().orElseThrow());
        // its skins are made while the window is idle, ahead of its first showing; then it is out of the scene
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trace.table().getSkin() != null
                && trace.getScene() == null);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(trace.getScene()).as("hidden: out of the scene").isNull();

        robot.interact(() -> tabs.getSelectionModel().select(traceTab));
        assertThat(trace.getScene()).isSameAs(stage.getScene());
        assertThat(trace.table().getItems()).hasSize(3);
        robot.interact(() -> trace.table().getSelectionModel().select(1));

        robot.interact(() -> tabs.getSelectionModel().select(1)); // Simulation
        assertThat(trace.getScene()).isNull();
        robot.interact(() -> tabs.getSelectionModel().select(traceTab));
        assertThat(trace.getScene()).isSameAs(stage.getScene());
        assertThat(trace.table().getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }
}
