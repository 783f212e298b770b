package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.NodeSize;
import io.detectorstudio.editor.graph.Point;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The palette beside the canvas: drag "State" onto the canvas to add one where it is dropped; while dragging, a
 * ghost box at the current zoom shows where it will land.
 */
final class ShapePalette extends VBox {
    private final Label stateTile = new Label("State");
    private final Rectangle ghost = new Rectangle(NodeSize.width("State"), NodeSize.HEIGHT);

    ShapePalette(DiagramDocument document, ObjectProperty<DiagramSelection> selection, DiagramViewport viewport,
            Pane overlay) {
        super(10);
        Pane canvas = viewport.pane();
        Label title = new Label("Palette");
        title.setStyle("-fx-font-weight: bold;");
        stateTile.setId("palette-state");
        stateTile.getStyleClass().add("palette-state");
        stateTile.setTooltip(new Tooltip("Drag onto the diagram to add a state"));
        ghost.setArcWidth(24);
        ghost.setArcHeight(24);
        ghost.getStrokeDashArray().addAll(5.0, 4.0);
        ghost.setVisible(false);
        ghost.setMouseTransparent(true);
        overlay.getChildren().add(ghost);
        stateTile.setOnMouseDragged(e -> {
            Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            ghost.setScaleX(viewport.zoom());
            ghost.setScaleY(viewport.zoom());
            ghost.setX(local.getX() - ghost.getWidth() / 2);
            ghost.setY(local.getY() - ghost.getHeight() / 2);
            ghost.setVisible(canvas.contains(local));
        });
        stateTile.setOnMouseReleased(e -> {
            ghost.setVisible(false);
            Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (canvas.contains(local)) {
                Point p = viewport.toWorld(local.getX(), local.getY());
                String name = document.addState(new Point(Math.round(p.x() - NodeSize.width("State") / 2),
                        Math.round(p.y() - NodeSize.HEIGHT / 2)));
                selection.set(DiagramSelection.ofStates(Set.of(name)));
                canvas.requestFocus();
            }
        });
        getChildren().setAll(title, stateTile);
        setPadding(new Insets(10));
    }

    /** The palette's, tile's and ghost's colours (drawn in code, like the canvas, so the stylesheet cannot reach them). */
    void applyColours(DiagramPalette p) {
        setStyle("-fx-background-color: " + DiagramPalette.css(p.paletteBackground()) + ";");
        stateTile.setStyle("-fx-background-color: " + DiagramPalette.css(p.stateFill()) + "; -fx-border-color: "
                + DiagramPalette.css(p.stateStroke()) + "; -fx-text-fill: " + DiagramPalette.css(p.text())
                + "; -fx-border-radius: 10; -fx-background-radius: 10; -fx-padding: 8 18 8 18;");
        ghost.setFill(p.stateFill().deriveColor(0, 1, 1, 0.6));
        ghost.setStroke(p.stateStroke());
    }
}
