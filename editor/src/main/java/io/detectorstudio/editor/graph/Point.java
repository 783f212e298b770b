package io.detectorstudio.editor.graph;

/** A point in diagram coordinates (unscaled pixels, y down). */
public record Point(double x, double y) {
    public Point plus(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }
}
