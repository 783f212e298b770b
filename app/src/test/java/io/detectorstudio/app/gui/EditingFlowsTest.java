package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.files.ExportFormat;
import io.detectorstudio.app.gui.files.ModelTemplates;
import io.detectorstudio.app.gui.files.RecoveryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window's editing flows (issue 15): Monocle, for speed; the end-to-end flow runs the real launch. */
@ExtendWith(ApplicationExtension.class)
class EditingFlowsTest {

    private MainWindow window;
    private final Preferences prefs = TestPrefs.fresh();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, prefs, new RecoveryStore(Files.createTempDirectory("recovery")));
        stage.setScene(RealTheme.scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    static void await(FxRobot robot, java.util.function.Supplier<BackgroundWork.Job> start) throws Exception {
        BackgroundWork.Job[] task = new BackgroundWork.Job[1];
        robot.interact(() -> task[0] = start.get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path motorCopy() throws Exception {
        Path project = Files.createDirectories(dir.resolve("motor"));
        Files.copy(Path.of("..", "samples", "motor", "model.json"), project.resolve("model.json"));
        Files.copy(Path.of("..", "samples", "motor", "model.layout.json"), project.resolve("model.layout.json"));
        Files.createDirectories(project.resolve("inputs"));
        Files.copy(Path.of("..", "samples", "motor", "inputs", "PressureInput.json"),
                project.resolve("inputs").resolve("PressureInput.json"));
        return project.resolve("model.json");
    }

    // ---- defect 11: small ones

    @Test
    void fileNewLeavesThePreviousProjectBehind(FxRobot robot) throws Exception {
        await(robot, () -> window.open(Path.of("..", "samples", "motor")));
        assertThat(window.projectTree().getRoot()).isNotNull();
        await(robot, () -> {
            window.showStartPage();
            return window.newFromTemplate(ModelTemplates.EMPTY);
        });
        assertThat(window.workspaceProperty().get().file()).isNull();
        assertThat(window.projectTree().getRoot()).as("no project shown for an untitled model").isNull();
    }

    @Test
    void recentEntriesSayWhichModelAndFolder(FxRobot robot) throws Exception {
        await(robot, () -> window.open(Path.of("..", "samples", "motor", "model.json")));
        robot.interact(window::showStartPage);
        assertThat(robot.lookup(".recent-entry").queryAllAs(Hyperlink.class)).extracting(Hyperlink::getText)
                .containsExactly("motorDetectorModel");
        assertThat(robot.lookup(Path.of("..", "samples", "motor").toAbsolutePath().normalize()
                + java.io.File.separator + "model.json").tryQuery()).isPresent();
    }

    @Test
    void exportingCloudFormationWithoutARoleWarns(FxRobot robot) throws Exception {
        Path model = motorCopy();
        Files.writeString(model, Files.readString(model).replaceAll("(?s),\\s*\"roleArn\"\\s*:\\s*\"[^\"]*\"", ""));
        assertThat(Files.readString(model)).doesNotContain("roleArn");
        await(robot, () -> window.open(model));
        Path out = dir.resolve("stack.yaml");
        await(robot, () -> window.export(ExportFormat.CLOUDFORMATION_YAML, out));
        assertThat(out).exists();
        assertThat(robot.lookup(".dialog-pane").queryAllAs(DialogPane.class))
                .anySatisfy(d -> assertThat(d.getContentText()).contains("no roleArn"));
    }

    // ---- defect 2: input definitions are saved with the project

    @Test
    void inputDefinitionsEditedInTheWindowAreSavedAndUndoIsVisible(FxRobot robot) throws Exception {
        Path model = motorCopy();
        byte[] pressureBefore = Files.readAllBytes(model.resolveSibling("inputs").resolve("PressureInput.json"));
        await(robot, () -> window.open(model));
        robot.clickOn("#open-inputs");
        robot.clickOn("#new-input-name").write("TemperatureInput");
        robot.clickOn("#add-input");
        WaitForAsyncUtils.waitForFxEvents();
        scrollPropertiesToEnd(robot);
        robot.clickOn("#input-1-new-attribute").write("sensorData.temperature");
        robot.clickOn("#input-1-attributes-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(attributesShown(robot, 1)).containsExactly("sensorData.temperature");

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(attributesShown(robot, 1)).as("undo shows the attribute gone").isEmpty();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(attributesShown(robot, 1)).as("redo brings it back").containsExactly("sensorData.temperature");

        await(robot, window::save);
        Path written = model.resolveSibling("inputs").resolve("TemperatureInput.json");
        assertThat(written).exists();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(written.toFile());
        assertThat(json.path("inputName").asText()).isEqualTo("TemperatureInput");
        assertThat(json.path("inputDefinition").path("attributes").get(0).path("jsonPath").asText())
                .isEqualTo("sensorData.temperature");
        assertThat(Files.readAllBytes(model.resolveSibling("inputs").resolve("PressureInput.json")))
                .as("an unchanged definition is not rewritten").isEqualTo(pressureBefore);
        assertThat(window.projectTree().getRoot().getChildren()).extracting(i -> i.getValue().toString())
                .contains("Inputs (2)");

        await(robot, () -> window.open(model));
        assertThat(window.workspaceProperty().get().inputDefinitions()).extracting(i -> i.inputName())
                .containsExactly("PressureInput", "TemperatureInput");
    }

    private static void scrollPropertiesToEnd(FxRobot robot) {
        var properties = robot.lookup("#properties").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            properties.layout();
            properties.setVvalue(properties.getVmax());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static java.util.List<String> attributesShown(FxRobot robot, int input) {
        return java.util.List.copyOf(robot.lookup("#input-" + input + "-attributes")
                .queryAs(javafx.scene.control.ListView.class).getItems());
    }

    // ---- defect 8: the outline navigates

    @Test
    void selectingInTheOutlineSelectsInTheDiagramAndOpensTheProperties(FxRobot robot) throws Exception {
        await(robot, () -> window.open(Path.of("..", "samples", "motor", "model.json")));
        var properties = robot.lookup("#properties").queryAs(io.detectorstudio.editor.properties.PropertiesPane.class);

        clickOutline(robot, "Dangerous");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().selectionProperty().get().states()).containsExactly("Dangerous");
        assertThat(properties.targetProperty().get())
                .isEqualTo(new io.detectorstudio.editor.properties.PropertyTarget.State("Dangerous"));

        clickOutline(robot, "→ Dangerous: Overpressurized");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().selectionProperty().get().transitions()).containsExactly("Normal/Overpressurized");
        assertThat(properties.targetProperty().get()).isEqualTo(new io.detectorstudio.editor.properties.PropertyTarget.Event(
                new io.detectorstudio.editor.document.EventRef("Normal",
                        io.detectorstudio.engine.model.State.EventList.TRANSITIONS, 0)));
        assertThat(robot.lookup("#event-condition").tryQuery()).as("the transition's condition is open").isPresent();

        clickOutline(robot, "onExit: Normal Pressure Restored");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().selectionProperty().get().states()).containsExactly("Dangerous");
        assertThat(properties.targetProperty().get()).isEqualTo(new io.detectorstudio.editor.properties.PropertyTarget.Event(
                new io.detectorstudio.editor.document.EventRef("Dangerous",
                        io.detectorstudio.engine.model.State.EventList.ON_EXIT, 0)));
    }

    /** Clicks the outline's line saying {@code label} (selects it through the tree when it is scrolled out of view). */
    private void clickOutline(FxRobot robot, String label) {
        javafx.scene.control.TreeView<String> outline = window.outlineTree();
        var cell = robot.from(outline).lookup(".tree-cell").match(
                (javafx.scene.control.TreeCell<String> c) -> label.equals(c.getItem()) && c.isVisible()).tryQuery();
        if (cell.isPresent()) {
            robot.clickOn(cell.get());
            return;
        }
        robot.interact(() -> {
            for (int row = 0; row < outline.getExpandedItemCount(); row++) {
                if (label.equals(outline.getTreeItem(row).getValue())) {
                    outline.getSelectionModel().select(row);
                    return;
                }
            }
            throw new AssertionError("no outline line " + label);
        });
    }

    // ---- defect 6: edits reach the simulation

    @Test
    void anEditRestartsTheSimulationOnTheEditedModelReplaysTheMessagesAndSaysSo(FxRobot robot) throws Exception {
        Path model = motorCopy();
        await(robot, () -> window.open(model));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) {
                try {
                    window.simulation().model().send("PressureInput",
                            json.readTree("{\"motorid\":\"m1\",\"sensorData\":{\"pressure\":80}}"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        var before = window.simulation();
        assertThat(before.model().session().instance("m1").stateName()).isEqualTo("Dangerous");

        robot.interact(() -> window.workspaceProperty().get().document().edit("Raise the threshold", m ->
                io.detectorstudio.editor.document.EventRef.ofTransition(m, "Normal", "Overpressurized").orElseThrow()
                        .update(m, e -> ((io.detectorstudio.engine.model.TransitionEvent) e)
                                .withCondition("$input.PressureInput.sensorData.pressure > 90"))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.simulation() != before);
        WaitForAsyncUtils.waitForFxEvents();

        var session = window.simulation().model().session();
        assertThat(session.config().model().toString()).contains("pressure > 90");
        assertThat(session.instance("m1").stateName()).as("the same readings on the edited model").isEqualTo("Normal");
        assertThat(robot.lookup("#sim-status").queryAs(javafx.scene.control.Label.class).getText())
                .contains("restarted on the edited model").contains("replayed the 3 inputs");
    }

    // ---- defect 7: problems and underline follow the typing

    @Test
    void problemsAndTheUnderlineFollowTheTextAsItIsTypedWithoutLeavingTheField(FxRobot robot) throws Exception {
        Path model = motorCopy();
        await(robot, () -> window.open(model));
        clickOutline(robot, "→ Dangerous: Overpressurized");
        var condition = robot.lookup("#event-condition").queryAs(io.detectorstudio.editor.expression.ExpressionEditor.class);
        String path = "$.detectorModelDefinition.states[0].onInput.transitionEvents[0].condition";

        robot.clickOn("#event-condition");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.CONTROL);
        robot.write("$input.Nope.x > 7"); // an input the model does not have: no syntax error
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.problemsTable().getItems().stream()
                .anyMatch(d -> d.path().equals(path) && d.message().contains("Nope")));
        assertThat(condition.area().isFocused()).as("still typing").isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> underlined(condition).contains("Nope"));

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.CONTROL);
        robot.write("7 > 5");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.problemsTable().getItems().stream()
                .noneMatch(d -> d.path().equals(path)));
        assertThat(underlined(condition)).isEmpty();
        assertThat(window.workspaceProperty().get().document().model().toString())
                .as("nothing committed while typing").doesNotContain("7 > 5");
    }

    /** The characters of the field drawn with a problem underline. */
    private static String underlined(io.detectorstudio.editor.expression.ExpressionEditor field) {
        StringBuilder out = new StringBuilder();
        var area = field.area();
        for (int i = 0; i < area.getLength(); i++) {
            if (area.getStyleOfChar(i).stream().anyMatch(c -> c.startsWith("expr-problem-"))) {
                out.append(area.getText().charAt(i));
            }
        }
        return out.toString();
    }
}
