package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.editor.expression.ExpressionField;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Issue 15, flow of defect 1: on the motor sample, clicking a transition, an event and an action opens their
 * property panels with the expression editors (RichTextFX fields under the AtlantaFX theme), and a condition
 * typed into one is saved.
 */
class ExpressionEditingE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("motor");

    @Test
    void transitionEventAndActionOpenWithExpressionEditorsAndATypedConditionIsSaved() throws Exception {
        FxRobot robot = app.robot();
        app.waitUntil("the motor model is drawn", () -> edge("Normal/Overpressurized") != null);

        // a transition: its panel, the condition in an expression field
        robot.clickOn(label("Normal/Overpressurized"));
        app.waitUntil("the transition's condition editor", () -> field("#event-condition") != null);
        assertThat(app.onFx(() -> field("#event-condition").getText()))
                .isEqualTo("$input.PressureInput.sensorData.pressure > 70");

        // an event: the state's panel, then its first onEnter event
        robot.clickOn(state("Dangerous"));
        app.waitUntil("the state's onEnter list", () -> robot.lookup("#onEnter").tryQuery().isPresent());
        robot.doubleClickOn(firstCell("#onEnter"));
        app.waitUntil("the event's condition editor", () -> field("#event-condition") != null
                && field("#event-condition").getText().equals("$variable.pressureThresholdBreached > 1"));

        // an action of that event: SNS, whose target and payload are expression/template editors too
        robot.doubleClickOn(firstCell("#actions"));
        app.waitUntil("the SNS action's panel", () -> robot.lookup("#sns-targetArn").tryQuery().isPresent());
        assertThat(robot.lookup(".expression-editor").queryAll()).isNotEmpty();

        // type a new condition on the transition, commit with Enter, save with Ctrl+S
        robot.clickOn(label("Normal/Overpressurized"));
        app.waitUntil("the transition's condition editor", () -> field("#event-condition") != null
                && field("#event-condition").getText().endsWith("> 70"));
        robot.clickOn(field("#event-condition"));
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("$input.PressureInput.sensorData.pressure > 75");
        robot.type(KeyCode.ENTER);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        Path model = app.workspace().resolve("motor/model.json");
        app.waitUntil("the model is saved with the new condition", () -> read(model).contains("pressure > 75"));
        JsonNode normal = new ObjectMapper().readTree(model.toFile()).path("detectorModelDefinition").path("states")
                .get(0);
        assertThat(normal.path("stateName").asText()).isEqualTo("Normal");
        assertThat(normal.at("/onInput/transitionEvents/0/condition").asText())
                .isEqualTo("$input.PressureInput.sensorData.pressure > 75");
    }

    private Node edge(String key) {
        return app.robot().lookup(".transition-edge").match(n -> key.equals(n.getUserData())).tryQuery().orElse(null);
    }

    private Node label(String key) {
        return app.robot().from(edge(key)).lookup(".transition-label").query();
    }

    private Node state(String name) {
        return app.robot().lookup(".state-node").match(n -> name.equals(n.getUserData())).query();
    }

    private ExpressionField field(String id) {
        return app.robot().lookup(id).match(n -> n instanceof ExpressionEditor).tryQuery()
                .map(ExpressionField.class::cast).orElse(null);
    }

    private Node firstCell(String listId) {
        ListView<?> list = app.robot().lookup(listId).queryAs(ListView.class);
        return app.robot().from(list).lookup(".list-cell").query();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }
}
