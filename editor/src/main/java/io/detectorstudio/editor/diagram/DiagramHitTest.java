package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeLabel;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.Point;
import java.util.List;
import java.util.Map;

/**
 * What is under a point of the world: found from the graph's geometry, not from the drawn nodes, so the canvas can
 * be redrawn from the immutable graph at any time, even mid-drag.
 */
final class DiagramHitTest {
    private DiagramHitTest() {
    }

    /** The topmost state whose box contains {@code p}. */
    static DiagramState stateAt(DiagramGraph g, Point p) {
        List<DiagramState> states = g.states();
        for (int i = states.size() - 1; i >= 0; i--) {
            if (states.get(i).contains(p.x(), p.y())) {
                return states.get(i);
            }
        }
        return null;
    }

    /** The state whose connect handle is at {@code p}; the grab radius stays usable when zoomed out. */
    static DiagramState handleAt(DiagramGraph g, Point p, double zoom) {
        double r = (DiagramNodes.HANDLE_RADIUS + 3) / Math.min(1, zoom);
        for (DiagramState s : g.states()) {
            Point h = DiagramNodes.handleCenter(s);
            if (Math.hypot(h.x() - p.x(), h.y() - p.y()) <= r) {
                return s;
            }
        }
        return null;
    }

    /** The transition whose full label box, or whose line (within 5 px), is at {@code p}. */
    static String transitionAt(DiagramGraph g, Map<String, EdgeRoute> routes, Point p) {
        for (DiagramTransition t : g.transitions()) {
            EdgeRoute r = routes.get(t.key());
            if (r == null) {
                continue;
            }
            double[] box = EdgeLabel.of(t).box(r.labelAt());
            if (p.x() >= box[0] && p.x() <= box[2] && p.y() >= box[1] && p.y() <= box[3]) {
                return t.key();
            }
            if (r.shape() == EdgeRoute.Shape.POLYLINE) {
                for (int i = 0; i + 1 < r.points().size(); i++) {
                    if (distanceToSegment(p, r.points().get(i), r.points().get(i + 1)) < 5) {
                        return t.key();
                    }
                }
            }
        }
        return null;
    }

    static double distanceToSegment(Point p, Point a, Point b) {
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
        return Math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
    }
}
