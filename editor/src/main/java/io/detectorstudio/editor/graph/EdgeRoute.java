package io.detectorstudio.editor.graph;

import java.util.List;

/**
 * The drawn geometry of a transition. {@code POLYLINE}: straight segments through all points. {@code QUADRATIC}:
 * points are start, control, end. {@code CUBIC}: start, control1, control2, end (self-loops). The arrowhead sits at
 * the last point, pointing along {@code arrowFrom → last}.
 */
public record EdgeRoute(Shape shape, List<Point> points, Point arrowFrom, Point labelAt) {
    public enum Shape { POLYLINE, QUADRATIC, CUBIC }

    public EdgeRoute {
        points = List.copyOf(points);
    }

    public Point start() {
        return points.get(0);
    }

    public Point end() {
        return points.get(points.size() - 1);
    }
}
