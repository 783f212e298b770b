package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.Point;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * Hovering a transition (its label or its line) emphasises it and brings its full label to the front; hovering a
 * state or a handle offers a tooltip with the full name and what the badges mean.
 */
final class DiagramHover {
    private final ReadOnlyObjectWrapper<String> hoveredTransition = new ReadOnlyObjectWrapper<>();
    private final Tooltip hoverTip = new Tooltip();
    private final DiagramViewport viewport;
    private final CanvasHits hits;

    DiagramHover(DiagramViewport viewport, CanvasHits hits, DiagramCanvas drawing) {
        this.viewport = viewport;
        this.hits = hits;
        hoveredTransition.addListener((obs, old, h) -> drawing.hover(h));
        viewport.pane().addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        viewport.pane().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoveredTransition.set(null));
    }

    /** The key of the transition under the mouse; null if none. */
    ReadOnlyObjectProperty<String> transitionProperty() {
        return hoveredTransition.getReadOnlyProperty();
    }

    /** Text of the state or handle tooltip currently offered, null when none. */
    String text() {
        String text = hoverTip.getText();
        return text == null || text.isEmpty() ? null : text;
    }

    private void hovered(MouseEvent e) {
        Pane canvas = viewport.pane();
        Point p = viewport.toWorld(e.getX(), e.getY());
        String text = null;
        String edge = null;
        if (hits.handleAt(p) != null) {
            text = "Drag to another state to add a transition";
        } else if (hits.stateAt(p) != null) {
            text = HoverText.of(hits.stateAt(p));
        } else {
            edge = hits.transitionAt(p);
        }
        hoveredTransition.set(edge);
        if (text == null) {
            Tooltip.uninstall(canvas, hoverTip);
            hoverTip.setText(null);
        } else if (!text.equals(hoverTip.getText()) || hoverTip.getOwnerNode() == null) {
            hoverTip.setText(text);
            Tooltip.install(canvas, hoverTip);
        }
    }
}
