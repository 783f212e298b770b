package io.detectorstudio.editor.graph;

/** Segment geometry shared by edge routing and the layout checks. */
public final class Segments {

    private Segments() {
    }

    /**
     * Whether the segment a–b passes through the inside of the box (left, top)–(right, bottom): Liang–Barsky
     * clipping against the box shrunk by 1 px, so running along or touching its border is not crossing.
     */
    public static boolean crossesBox(Point a, Point b, double left, double top, double right, double bottom) {
        double xmin = left + 1, ymin = top + 1, xmax = right - 1, ymax = bottom - 1;
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - xmin, xmax - a.x(), a.y() - ymin, ymax - a.y()};
        double t0 = 0, t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 < t1;
    }

    /** {@link #crossesBox} for a state's box. */
    public static boolean crossesState(Point a, Point b, DiagramState s) {
        return crossesBox(a, b, s.position().x(), s.position().y(), s.position().x() + s.width(),
                s.position().y() + s.height());
    }
}
