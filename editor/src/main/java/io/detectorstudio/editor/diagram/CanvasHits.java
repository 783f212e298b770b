package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.Point;

/**
 * What of the document's current graph is under a world point: {@link DiagramHitTest} on the graph's geometry, with
 * the routes the canvas drew and the handle radius of the current zoom. Shared by the gestures, hover and menu.
 */
final class CanvasHits {
    private final DiagramDocument document;
    private final DiagramCanvas drawing;
    private final DiagramViewport viewport;

    CanvasHits(DiagramDocument document, DiagramCanvas drawing, DiagramViewport viewport) {
        this.document = document;
        this.drawing = drawing;
        this.viewport = viewport;
    }

    DiagramState stateAt(Point p) {
        return DiagramHitTest.stateAt(document.graphProperty().get(), p);
    }

    DiagramState handleAt(Point p) {
        return DiagramHitTest.handleAt(document.graphProperty().get(), p, viewport.zoom());
    }

    String transitionAt(Point p) {
        DiagramGraph g = document.graphProperty().get();
        return DiagramHitTest.transitionAt(g, drawing.routes(g), p);
    }
}
