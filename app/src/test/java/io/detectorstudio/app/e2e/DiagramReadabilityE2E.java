package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.editor.expression.ExpressionField;
import io.detectorstudio.editor.graph.EdgeLabel;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, defect 9: the HVAC sample as a user opens it. After Fit its labels are legible (not the ≈6 px of
 * before), every transition label is drawn in full, and hovering then selecting a transition emphasises its full
 * label on top of the diagram and opens its condition.
 */
class DiagramReadabilityE2E {
    private static final String RESET = "start/reset";
    private static final String RESET_CONDITION = "($variable.resetMe == true) && "
            + "($input.temperatureInput.sensorData.temperature < $variable.anomalousHigh && "
            + "$input.temperatureInput.sensorData.temperature > $variable.anomalousLow)";

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("hvac");

    @Test
    void atFitTheHvacLabelsAreLegibleAndAHoveredOrSelectedTransitionShowsItsFullLabelOnTop() {
        app.waitUntil("the HVAC model is drawn", () -> label(RESET) != null);
        DiagramEditorPane editor = app.robot().lookup(n -> n instanceof DiagramEditorPane).query();
        Button fit = app.robot().from(editor).lookup((Node n) -> n instanceof Button b && "Fit".equals(b.getText()))
                .query();
        app.robot().clickOn(fit);
        double zoom = app.onFx(() -> editor.zoomProperty().get());
        assertThat(zoom * EdgeLabel.FONT_SIZE).as("label text height on screen, px").isGreaterThanOrEqualTo(9.0);
        app.screenshot("DiagramReadabilityE2E-hvac-fit");

        // every label in full: the reset condition, 144 characters, is all there, wrapped
        assertThat(app.onFx(() -> textOf(label(RESET)).replace("\n", ""))).isEqualTo("reset[" + RESET_CONDITION + "]");

        // hover: the edge and its label are emphasised, the label drawn last (on top)
        Node label = label(RESET);
        Bounds onScreen = app.onFx(() -> label.localToScreen(label.getBoundsInLocal()));
        Bounds canvas = app.onFx(() -> editor.canvas().localToScreen(editor.canvas().getBoundsInLocal()));
        assertThat(canvas.contains(onScreen.getCenterX(), onScreen.getCenterY())).as("label in view after Fit").isTrue();
        app.robot().moveTo(onScreen.getCenterX(), onScreen.getCenterY());
        app.waitUntil("the hovered transition is emphasised", () -> RESET.equals(editor.hoveredTransitionProperty().get())
                && label(RESET).getStyleClass().contains("emphasised-label"));
        assertThat(app.onFx(() -> {
            Group layer = (Group) label(RESET).getParent();
            return layer.getChildren().get(layer.getChildren().size() - 1).getUserData();
        })).isEqualTo(RESET);
        app.screenshot("DiagramReadabilityE2E-hvac-hover");

        // select: stays emphasised after the mouse leaves, and the properties show the whole condition
        app.robot().clickOn(onScreen.getCenterX(), onScreen.getCenterY());
        app.waitUntil("the transition's condition editor", () -> conditionField() != null
                && conditionField().getText().equals(RESET_CONDITION));
        app.robot().moveTo(canvas.getMinX() + 5, canvas.getMinY() + 5);
        app.waitUntil("the selected transition stays emphasised", () -> editor.hoveredTransitionProperty().get() == null
                && label(RESET).getStyleClass().contains("emphasised-label"));
        app.screenshot("DiagramReadabilityE2E-hvac-selected");
    }

    private static Node label(String key) {
        return app.robot().lookup(".transition-label").match(n -> key.equals(n.getUserData())).tryQuery().orElse(null);
    }

    private static String textOf(Node label) {
        return ((Group) label).getChildren().stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .collect(Collectors.joining("\n"));
    }

    private static ExpressionField conditionField() {
        return app.robot().lookup("#event-condition").match(n -> n instanceof ExpressionEditor).tryQuery()
                .map(ExpressionField.class::cast).orElse(null);
    }
}
