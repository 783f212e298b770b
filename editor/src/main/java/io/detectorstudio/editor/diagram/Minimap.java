package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import java.util.function.BiConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * An overview of the whole diagram with the visible area outlined; clicking or dragging centres the view there.
 * Shown only while part of the diagram is out of view: with all of it on screen it would tell nothing and only
 * cover a corner of the diagram.
 */
final class Minimap extends Canvas {
    private double scale = 1, originX, originY;

    Minimap(BiConsumer<Double, Double> centreOn) {
        super(180, 120);
        getStyleClass().add("diagram-minimap");
        setOnMousePressed(e -> centreOn.accept(originX + e.getX() / scale, originY + e.getY() / scale));
        setOnMouseDragged(e -> centreOn.accept(originX + e.getX() / scale, originY + e.getY() / scale));
    }

    /** {@code bounds}: the graph's ({@link DiagramGraph#bounds}); {@code view} = visible world rectangle {x, y, w, h}. */
    void draw(DiagramGraph graph, double[] bounds, double[] view, DiagramPalette palette) {
        setVisible(!showsAll(view, bounds));
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight()); // the fill is translucent: without this, old drawings show through
        g.setFill(palette.minimapFill());
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setStroke(palette.minimapStroke());
        g.strokeRect(0.5, 0.5, getWidth() - 1, getHeight() - 1);
        double[] b = bounds;
        double minX = Math.min(b[0], view[0]), minY = Math.min(b[1], view[1]);
        double maxX = Math.max(b[2], view[0] + view[2]), maxY = Math.max(b[3], view[1] + view[3]);
        scale = Math.min((getWidth() - 8) / Math.max(1, maxX - minX), (getHeight() - 8) / Math.max(1, maxY - minY));
        originX = minX - 4 / scale;
        originY = minY - 4 / scale;
        g.setFill(palette.stateStroke());
        for (DiagramState s : graph.states()) {
            g.fillRect((s.position().x() - originX) * scale, (s.position().y() - originY) * scale,
                    Math.max(2, s.width() * scale), Math.max(2, s.height() * scale));
        }
        g.setStroke(palette.selected());
        g.strokeRect((view[0] - originX) * scale, (view[1] - originY) * scale, view[2] * scale, view[3] * scale);
    }

    /** Whether the visible world rectangle {x, y, w, h} holds the whole of {@code bounds} {minX, minY, maxX, maxY}. */
    static boolean showsAll(double[] view, double[] bounds) {
        return view[0] <= bounds[0] && view[1] <= bounds[1] && view[0] + view[2] >= bounds[2]
                && view[1] + view[3] >= bounds[3];
    }
}
