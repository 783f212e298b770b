package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.editor.properties.PropertiesPane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Issue 15, flow (a): a new user builds a model from scratch through the real application — two states dragged
 * from the palette, a transition dragged between them, an input definition with attributes, the transition's
 * condition typed with completion, an onEnter event with a setVariable and an SNS action, undo and redo — saves it
 * through the file dialog, reopens it from the start page's Recent list, and {@code validate} (the jar, as users run
 * it) accepts the saved project with its input definitions found.
 */
class BuildModelFromScratchE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.launch();

    private static final String SNS_TOPIC = "arn:aws:sns:us-east-1:123456789012:pump-alerts";

    @Test
    void buildSaveReopenAndValidateAModel() throws Exception {
        FxRobot robot = app.robot();
        Path project = Files.createDirectories(app.home().resolve("projects").resolve("pump"));

        // File ▸ New: the empty model (one state, Start), which the user replaces with two states of their own
        robot.clickOn("#template-empty");
        app.waitUntil("the new model is drawn", () -> state("Start") != null);
        robot.clickOn(state("Start"));
        robot.type(KeyCode.DELETE);
        app.waitUntil("Start is deleted", () -> state("Start") == null);

        // two states by drag and drop from the palette, a transition by dragging from the first one's handle
        DiagramEditorPane editor = robot.lookup(n -> n instanceof DiagramEditorPane).queryAs(DiagramEditorPane.class);
        robot.drag("#palette-state").dropTo(app.onFx(() -> editor.localToScreen(
                editor.getWidth() * 0.35, editor.getHeight() * 0.45)));
        app.waitUntil("the first state", () -> state("State") != null);
        robot.drag("#palette-state").dropTo(app.onFx(() -> editor.localToScreen(
                editor.getWidth() * 0.7, editor.getHeight() * 0.45)));
        app.waitUntil("the second state", () -> state("State2") != null);
        robot.drag(handle("State")).dropTo(state("State2"));
        app.waitUntil("the transition", () -> edge("State/to_State2") != null);
        app.screenshot("BuildModelFromScratchE2E.1-states-and-transition");

        // an input definition with two attributes (model properties ▸ Input definitions…)
        robot.clickOn(app.onFx(() -> editor.localToScreen(editor.getWidth() * 0.5, editor.getHeight() * 0.85)));
        app.waitUntil("the model's properties", () -> robot.lookup("#open-inputs").tryQuery().isPresent());
        replace(robot, "#model-name", "pumpMonitor");
        robot.clickOn("#open-inputs");
        app.waitUntil("the input definitions panel", () -> robot.lookup("#new-input-name").tryQuery().isPresent());
        robot.clickOn("#new-input-name").write("PressureInput");
        robot.clickOn("#add-input");
        app.waitUntil("the input's section", () -> robot.lookup("#input-0-new-attribute").tryQuery().isPresent());
        robot.clickOn("#input-0-new-attribute").write("sensorData.pressure");
        robot.clickOn("#input-0-attributes-add");
        robot.clickOn("#input-0-new-attribute").write("motorid");
        robot.clickOn("#input-0-attributes-add");
        app.waitUntil("both attributes listed", () -> robot.lookup("#input-0-attributes").queryAs(ListView.class)
                .getItems().equals(List.of("sensorData.pressure", "motorid")));

        // the transition's condition, typed with completion: "$input." offers the input, then its attributes
        robot.clickOn(label("State/to_State2"));
        app.waitUntil("the transition's condition editor", () -> field("#event-condition") != null);
        robot.clickOn(field("#event-condition"));
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("$input.");
        app.waitUntil("completion offers the input", () -> completionShows("PressureInput"));
        app.screenshot("BuildModelFromScratchE2E.2-completion");
        robot.type(KeyCode.ENTER);
        app.waitUntil("completion offers the attributes", () -> field("#event-condition").getText()
                .startsWith("$input.PressureInput") && completionShows("sensorData"));
        robot.type(KeyCode.ENTER);
        app.waitUntil("the attribute path is inserted", () -> field("#event-condition").getText()
                .equals("$input.PressureInput.sensorData.pressure"));
        robot.write(" > 70");
        robot.type(KeyCode.ENTER);
        app.waitUntil("the condition is committed", () -> condition(0).equals(
                "$input.PressureInput.sensorData.pressure > 70"));

        // an onEnter event with setVariable and SNS actions on the first state, opened from the outline
        robot.clickOn(robot.from(robot.lookup("#outline").queryAs(TreeView.class)).lookup(".tree-cell")
                .match((javafx.scene.control.TreeCell<?> c) -> "State  (initial)".equals(c.getItem()))
                .queryAs(Node.class));
        app.waitUntil("the state's panel", () -> robot.lookup("#onEnter-add").tryQuery().isPresent());
        robot.clickOn("#onEnter-add");
        app.waitUntil("the new event's panel", () -> robot.lookup("#add-action").tryQuery().isPresent());
        replace(robot, "#event-name", "init");
        robot.clickOn("#add-action");
        app.waitUntil("the action types menu", () -> robot.lookup("#add-action-setVariable").tryQuery().isPresent());
        robot.clickOn("#add-action-setVariable");
        app.waitUntil("the setVariable panel", () -> robot.lookup("#setVariable-variableName").tryQuery().isPresent());
        replace(robot, "#setVariable-variableName", "readings");
        replaceExpression(robot, "#setVariable-value", "0");
        robot.clickOn("#back");
        app.waitUntil("the event's panel", () -> robot.lookup("#add-action").tryQuery().isPresent());
        robot.clickOn("#add-action");
        app.waitUntil("the action types menu", () -> robot.lookup("#add-action-sns").tryQuery().isPresent());
        robot.clickOn("#add-action-sns");
        app.waitUntil("the SNS panel", () -> robot.lookup("#sns-targetArn").tryQuery().isPresent());
        replace(robot, "#sns-targetArn", SNS_TOPIC);
        app.waitUntil("the SNS target is in the model", () -> model().contains(SNS_TOPIC));
        app.screenshot("BuildModelFromScratchE2E.3-actions");

        // undo takes the SNS target back, redo brings it again (keyboard, focus on the diagram)
        robot.clickOn(app.onFx(() -> editor.localToScreen(editor.getWidth() * 0.5, editor.getHeight() * 0.85)));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        app.waitUntil("undo takes the SNS target back", () -> !model().contains(SNS_TOPIC) && model().contains("SnsAction"));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        app.waitUntil("redo brings it again", () -> model().contains(SNS_TOPIC));

        // save: Ctrl+S on an untitled model asks where, through the desktop's file dialog
        Path file = project.resolve("model.json");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        saveThroughTheFileDialog(file);
        app.waitUntil("the model, its layout and its input are written", () -> Files.isRegularFile(file)
                && Files.isRegularFile(project.resolve("model.layout.json"))
                && Files.isRegularFile(project.resolve("inputs/PressureInput.json")));
        app.waitUntil("the title says saved", () -> app.stage().getTitle().startsWith("pumpMonitor — model.json —")
                && !app.stage().getTitle().contains("•"));

        // reopen from the start page's Recent list (named after the model, not "model.json")
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        app.waitUntil("the start page lists the model", () -> robot.lookup(".recent-entry")
                .match((Labeled l) -> l.getText().equals("pumpMonitor")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".recent-entry").match((Labeled l) -> l.getText().equals("pumpMonitor"))
                .queryAs(Node.class));
        app.waitUntil("the saved model is drawn again", () -> state("State") != null && state("State2") != null
                && edge("State/to_State2") != null);
        app.waitUntil("the project shows its input", () -> projectGroups().contains("Inputs (1)"));
        assertThat(condition(0)).isEqualTo("$input.PressureInput.sensorData.pressure > 70");
        app.screenshot("BuildModelFromScratchE2E.4-reopened");

        JsonNode saved = new ObjectMapper().readTree(file.toFile());
        assertThat(saved.path("detectorModelName").asText()).isEqualTo("pumpMonitor");
        JsonNode first = saved.at("/detectorModelDefinition/states/0");
        assertThat(first.path("stateName").asText()).isEqualTo("State");
        assertThat(first.at("/onEnter/events/0/eventName").asText()).isEqualTo("init");
        assertThat(first.at("/onEnter/events/0/actions/0/setVariable/variableName").asText()).isEqualTo("readings");
        assertThat(first.at("/onEnter/events/0/actions/1/sns/targetArn").asText()).isEqualTo(SNS_TOPIC);
        assertThat(first.at("/onInput/transitionEvents/0/nextState").asText()).isEqualTo("State2");
        JsonNode input = new ObjectMapper().readTree(project.resolve("inputs/PressureInput.json").toFile());
        assertThat(input.at("/inputDefinition/attributes/0/jsonPath").asText()).isEqualTo("sensorData.pressure");

        // validate, as users run it: the project with its inputs folder passes…
        Result ok = validate(project);
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).doesNotContain("DS-REF-");
        // …and the inputs were really read: without the attribute the condition reads, validate says so
        Files.writeString(project.resolve("inputs/PressureInput.json"), Files.readString(
                project.resolve("inputs/PressureInput.json")).replace("sensorData.pressure", "sensorData.level"));
        Result changed = validate(project);
        assertThat(changed.output()).contains("DS-REF-ATTRIBUTE-UNKNOWN")
                .contains("input 'PressureInput' has no attribute 'sensorData.pressure'");
    }

    // ---------------------------------------------------------------------------------------------- steps

    /**
     * The desktop's (GTK) save dialog: type the full path into its name field and press Enter. It is no JavaFX
     * window, so the keys go through the display server as a user's would (JavaFX's robot, not TestFX's, which
     * only targets JavaFX windows).
     */
    private static void saveThroughTheFileDialog(Path file) throws InterruptedException {
        Thread.sleep(2_000); // the dialog maps and takes the keyboard
        keys(KeyCode.CONTROL, KeyCode.A);
        for (char c : file.toString().toCharArray()) {
            keys(switch (c) {
                case '/' -> KeyCode.SLASH;
                case '-' -> KeyCode.MINUS;
                case '.' -> KeyCode.PERIOD;
                default -> Character.isDigit(c) ? KeyCode.valueOf("DIGIT" + c)
                        : KeyCode.valueOf(String.valueOf(Character.toUpperCase(c)));
            });
        }
        Thread.sleep(300);
        keys(KeyCode.ENTER);
    }

    /** Presses {@code codes} in order and releases them in reverse (a chord, or one key). */
    private static void keys(KeyCode... codes) {
        app.onFx(() -> {
            javafx.scene.robot.Robot robot = new javafx.scene.robot.Robot();
            for (KeyCode c : codes) {
                robot.keyPress(c);
            }
            for (int i = codes.length - 1; i >= 0; i--) {
                robot.keyRelease(codes[i]);
            }
        });
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        app.waitUntil(id + " shows " + text, () -> {
            Node n = robot.lookup(id).query();
            return n instanceof TextField t ? t.getText().equals(text)
                    : n instanceof ExpressionEditor e && e.getText().equals(text);
        });
    }

    private static void replaceExpression(FxRobot robot, String id, String text) {
        replace(robot, id, text);
    }

    // ---------------------------------------------------------------------------------------------- lookups

    private static String model() {
        return app.onFx(() -> app.robot().lookup("#properties").queryAs(PropertiesPane.class).document().model()
                .toString());
    }

    private static String condition(int transition) {
        return app.onFx(() -> app.robot().lookup("#properties").queryAs(PropertiesPane.class).document().model()
                .state("State").orElseThrow().transitionEvents().get(transition).condition());
    }

    private static List<String> projectGroups() {
        TreeView<?> tree = app.robot().lookup("#project").queryAs(TreeView.class);
        List<String> out = new ArrayList<>();
        if (tree.getRoot() != null) {
            tree.getRoot().getChildren().forEach(i -> out.add(String.valueOf(i.getValue())));
        }
        return out;
    }

    private static boolean completionShows(String text) {
        return app.robot().lookup(".expr-completion-list .list-cell").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains(text)
                        || n.lookupAll(".label").stream().anyMatch(x -> x instanceof Labeled l2
                        && l2.getText() != null && l2.getText().contains(text)));
    }

    private static Node state(String name) {
        return app.robot().lookup(".state-node").match(n -> name.equals(n.getUserData())).tryQuery().orElse(null);
    }

    private static Node handle(String state) {
        return app.robot().from(state(state)).lookup(".connect-handle").query();
    }

    private static Node edge(String key) {
        return app.robot().lookup(".transition-edge").match(n -> key.equals(n.getUserData())).tryQuery().orElse(null);
    }

    /** A transition's label: labels are drawn in their own layer above the states, keyed like their edge. */
    private static Node label(String key) {
        return app.robot().lookup(".transition-label").match(n -> key.equals(n.getUserData())).query();
    }

    private static ExpressionEditor field(String id) {
        return app.robot().lookup(id).match(n -> n instanceof ExpressionEditor).tryQuery()
                .map(ExpressionEditor.class::cast).orElse(null);
    }

    // ---------------------------------------------------------------------------------------------- the CLI

    record Result(int exit, String output) {
    }

    /** {@code java -jar detector-studio.jar validate FOLDER}, as the README tells users to run it. */
    private static Result validate(Path project) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/detector-studio.jar"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "validate", project.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
