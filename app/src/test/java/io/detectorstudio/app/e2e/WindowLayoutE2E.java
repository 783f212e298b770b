package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.detectorstudio.editor.diagram.DiagramEditorPane;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, defect 4 / flow (f): the first start under a window manager opens a usable window (about 80 % of the
 * screen, centred — not GTK's 200×200), no pane is collapsed, the diagram is fitted, and Fit enlarges it again
 * from the smallest zoom.
 */
class WindowLayoutE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("motor");

    @Test
    void firstStartOpensALargeCentredWindowWithNoCollapsedPaneAndFitWorksFromAnyZoom() {
        app.waitUntil("the motor model is drawn", () -> app.robot().lookup(".transition-edge").tryQuery().isPresent());
        app.waitUntil("the window has settled at its first-start size", () -> app.stage().getWidth() > 1000);
        Rectangle2D screen = app.onFx(() -> Screen.getPrimary().getVisualBounds());
        double width = app.onFx(() -> app.stage().getWidth());
        double height = app.onFx(() -> app.stage().getHeight());
        assertThat(width).isCloseTo(screen.getWidth() * 0.8, within(screen.getWidth() * 0.03));
        assertThat(height).isCloseTo(screen.getHeight() * 0.8, within(screen.getHeight() * 0.05));
        double centreX = app.onFx(() -> app.stage().getX()) + width / 2;
        double centreY = app.onFx(() -> app.stage().getY()) + height / 2;
        assertThat(centreX).isCloseTo(screen.getMinX() + screen.getWidth() / 2, within(40.0));
        assertThat(centreY).isCloseTo(screen.getMinY() + screen.getHeight() / 2, within(60.0));

        assertThat(width("#project")).as("project tree width").isGreaterThanOrEqualTo(140);
        assertThat(height("#outline")).as("outline height").isGreaterThanOrEqualTo(60);
        assertThat(width("#properties")).as("properties width").isGreaterThanOrEqualTo(240);
        assertThat(height("#bottom-tabs")).as("bottom tabs height").isGreaterThanOrEqualTo(100);
        DiagramEditorPane editor = app.robot().lookup(n -> n instanceof DiagramEditorPane).query();
        assertThat(app.onFx(() -> editor.getWidth())).as("diagram width").isGreaterThanOrEqualTo(320);
        double fitted = app.onFx(() -> editor.zoomProperty().get());
        assertThat(fitted).as("zoom after opening (fitted)").isGreaterThan(0.6);

        // zoom all the way out with Ctrl+wheel, then Fit brings the diagram back to its fitted size
        app.robot().moveTo(editor);
        app.robot().press(KeyCode.CONTROL);
        try {
            app.robot().scroll(40, VerticalDirection.DOWN);
        } finally {
            app.robot().release(KeyCode.CONTROL);
        }
        app.waitUntil("zoomed out to the minimum", () -> editor.zoomProperty().get() < 0.2);
        Button fit = app.robot().from(editor).lookup((Node n) -> n instanceof Button b && "Fit".equals(b.getText()))
                .query();
        app.robot().clickOn(fit);
        app.waitUntil("Fit enlarged the diagram again", () -> Math.abs(editor.zoomProperty().get() - fitted) < 0.05);

        // View ▸ Fit to window shows the same key as the canvas's own Fit (issue 20): Ctrl+9, and Ctrl+9 fits
        app.clickMenu("View");
        Node fitItem = app.shown("Fit to window");
        assertThat(app.onFx(() -> app.robot().from(fitItem.getParent()).lookup((Node n) ->
                n instanceof javafx.scene.control.Label l && "Ctrl+9".equals(l.getText())).tryQuery().isPresent()))
                .as("the menu shows Fit's accelerator").isTrue();
        app.robot().type(KeyCode.ESCAPE);
        app.robot().moveTo(editor);
        app.robot().press(KeyCode.CONTROL);
        try {
            app.robot().scroll(40, VerticalDirection.DOWN);
        } finally {
            app.robot().release(KeyCode.CONTROL);
        }
        app.waitUntil("zoomed out again", () -> editor.zoomProperty().get() < 0.2);
        app.robot().push(KeyCode.CONTROL, KeyCode.DIGIT9);
        app.waitUntil("Ctrl+9 fitted the diagram", () -> Math.abs(editor.zoomProperty().get() - fitted) < 0.05);
    }

    private static double width(String id) {
        Node node = app.robot().lookup(id).query();
        return app.onFx(() -> node.getBoundsInLocal().getWidth());
    }

    private static double height(String id) {
        Node node = app.robot().lookup(id).query();
        return app.onFx(() -> node.getBoundsInLocal().getHeight());
    }
}
