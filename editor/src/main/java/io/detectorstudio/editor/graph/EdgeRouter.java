package io.detectorstudio.editor.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes how each transition is drawn. Saved routes (ELK's, see {@code ElkLayouter}) are used as they are; an edge
 * without one (just drawn, or a state of it just moved) is a straight line between the two boxes, or an orthogonal
 * detour ({@link DetourRouter}) when that line would cross another state; parallel edges between the same two states
 * (either direction) bow apart as quadratic curves, and self-loops are cubic loops stacked on the box's top-right
 * corner with their labels stacked to the right of the largest loop.
 */
public final class EdgeRouter {
    static final double PARALLEL_GAP = 34;
    static final double LOOP_SIZE = 34;

    private EdgeRouter() {
    }

    public static Map<String, EdgeRoute> route(DiagramGraph graph) {
        Map<String, DiagramState> states = new HashMap<>();
        graph.states().forEach(s -> states.put(s.name(), s));
        Map<String, List<DiagramTransition>> bundles = new LinkedHashMap<>();
        for (DiagramTransition t : graph.transitions()) {
            if (states.containsKey(t.from()) && states.containsKey(t.to())) {
                bundles.computeIfAbsent(bundleKey(t), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, EdgeRoute> routes = new LinkedHashMap<>();
        for (List<DiagramTransition> bundle : bundles.values()) {
            double loopLabelsAbove = 0;
            for (int i = 0; i < bundle.size(); i++) {
                DiagramTransition t = bundle.get(i);
                DiagramState from = states.get(t.from());
                DiagramState to = states.get(t.to());
                EdgeRoute route;
                if (t.route().size() >= 2) {
                    route = polyline(t.route(), t.labelAt());
                } else if (t.isSelfLoop()) {
                    EdgeLabel label = EdgeLabel.of(t);
                    route = selfLoop(from, i, bundle.size(), label, loopLabelsAbove);
                    loopLabelsAbove += label.height() + 4;
                } else {
                    route = between(from, to, i, bundle.size(), graph.states());
                }
                routes.put(t.key(), route);
            }
        }
        return routes;
    }

    private static String bundleKey(DiagramTransition t) {
        return t.from().compareTo(t.to()) <= 0 ? t.from() + "\u0000" + t.to() : t.to() + "\u0000" + t.from();
    }

    private static EdgeRoute polyline(List<Point> points, Point savedLabel) {
        int mid = (points.size() - 1) / 2;
        Point a = points.get(mid), b = points.get(mid + 1);
        Point label = savedLabel != null ? savedLabel : new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
        return new EdgeRoute(EdgeRoute.Shape.POLYLINE, points, points.get(points.size() - 2), label);
    }

    /**
     * The {@code index}-th of {@code count} loops on {@code s}; its label's left edge is right of the largest loop of
     * the state, {@code labelsAbove} px above the first loop's label, so loop labels neither overlap nor get crossed.
     */
    private static EdgeRoute selfLoop(DiagramState s, int index, int count, EdgeLabel label, double labelsAbove) {
        double size = LOOP_SIZE + index * 18;
        double largest = LOOP_SIZE + (count - 1) * 18;
        double right = s.position().x() + s.width();
        double top = s.position().y();
        Point start = new Point(right - 22, top);
        Point end = new Point(right, top + 20);
        Point c1 = new Point(start.x() + size * 0.3, top - size * 1.3);
        Point c2 = new Point(right + size * 1.3, end.y() - size * 0.3);
        // a loop of this shape reaches 0.56 × its size right of the box
        Point labelAt = new Point(right + 0.6 * largest + 8 + label.width() / 2, top - labelsAbove - label.height() / 2);
        return new EdgeRoute(EdgeRoute.Shape.CUBIC, List.of(start, c1, c2, end), c2, labelAt);
    }

    private static EdgeRoute between(DiagramState from, DiagramState to, int index, int count,
                                     List<DiagramState> all) {
        Point a = from.center();
        Point b = to.center();
        double offset = (index - (count - 1) / 2.0) * PARALLEL_GAP;
        // the normal is taken in a canonical direction so A→B and B→A in one bundle bow to different sides
        boolean canonical = from.name().compareTo(to.name()) <= 0;
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double nx = -dy / len, ny = dx / len;
        if (!canonical) {
            nx = -nx;
            ny = -ny;
        }
        if (count == 1 || offset == 0) {
            Point start = clip(from, b);
            Point end = clip(to, a);
            List<DiagramState> others = all.stream().filter(s -> s != from && s != to).toList();
            if (others.stream().anyMatch(s -> DetourRouter.crosses(List.of(start, end), s))) {
                Optional<List<Point>> detour = DetourRouter.around(from, to, others);
                if (detour.isPresent()) {
                    return polyline(detour.get(), null);
                }
            }
            Point label = new Point((start.x() + end.x()) / 2, (start.y() + end.y()) / 2);
            return new EdgeRoute(EdgeRoute.Shape.POLYLINE, List.of(start, end), start, label);
        }
        // control point at twice the offset so the curve's apex lies at the offset
        Point control = new Point((a.x() + b.x()) / 2 + nx * offset * 2, (a.y() + b.y()) / 2 + ny * offset * 2);
        Point start = clip(from, control);
        Point end = clip(to, control);
        Point label = new Point(0.25 * start.x() + 0.5 * control.x() + 0.25 * end.x(),
                0.25 * start.y() + 0.5 * control.y() + 0.25 * end.y());
        return new EdgeRoute(EdgeRoute.Shape.QUADRATIC, List.of(start, control, end), control, label);
    }

    /** Where the ray from the state's centre towards {@code toward} leaves its box. */
    static Point clip(DiagramState s, Point toward) {
        Point c = s.center();
        double dx = toward.x() - c.x(), dy = toward.y() - c.y();
        if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) {
            return c;
        }
        double hw = s.width() / 2, hh = s.height() / 2;
        double scale = Math.min(Math.abs(dx) < 1e-9 ? Double.MAX_VALUE : hw / Math.abs(dx),
                Math.abs(dy) < 1e-9 ? Double.MAX_VALUE : hh / Math.abs(dy));
        return new Point(c.x() + dx * scale, c.y() + dy * scale);
    }
}
