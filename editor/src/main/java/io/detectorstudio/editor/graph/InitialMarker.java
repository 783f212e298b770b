package io.detectorstudio.editor.graph;

/**
 * Where the initial-state marker (a dot with an arrow into the box) is drawn: above the box's top-left corner,
 * pointing down. The layout reserves this area as an outside node label of the initial state, so no edge, label or
 * state is laid over it; a marker on the left side, where the layered layout brings incoming edges, would be.
 */
public final class InitialMarker {
    /** Distance of the arrow from the box's left edge (clear of the rounded corner). */
    static final double INSET = 18;
    public static final double DOT_RADIUS = 6;
    /** The area to keep free above the box: as wide as the inset and dot, as high as the arrow and dot. */
    public static final double RESERVED_WIDTH = INSET + 10, RESERVED_HEIGHT = 30;

    private InitialMarker() {
    }

    public static Point dot(DiagramState s) {
        return new Point(s.position().x() + INSET, s.position().y() - 22);
    }

    /** Where the arrow's line starts (just under the dot). */
    public static Point tail(DiagramState s) {
        return new Point(s.position().x() + INSET, s.position().y() - 16);
    }

    /** The arrow's tip, on the box's top border. */
    public static Point tip(DiagramState s) {
        return new Point(s.position().x() + INSET, s.position().y());
    }

    /** {minX, minY, maxX, maxY} of the drawn marker. */
    public static double[] box(DiagramState s) {
        Point d = dot(s);
        return new double[] {d.x() - DOT_RADIUS - 1, d.y() - DOT_RADIUS - 1, d.x() + DOT_RADIUS + 1, s.position().y() - 1};
    }
}
