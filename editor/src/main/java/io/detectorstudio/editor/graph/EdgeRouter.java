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
        Map<String, EdgeRoute> routes = new LinkedHashMap<>();
        for (Slot slot : slots(graph)) {
            routes.put(slot.transition().key(), route(slot, graph.states()));
        }
        return routes;
    }

    /**
     * Everything a transition's automatic route depends on besides the states it may have to go round: the
     * transition (its saved route and label), its two ends, and its place among the edges between the same two
     * states ({@code index} of {@code count}; for self-loops the height of the loop labels stacked above its own).
     */
    record Slot(DiagramTransition transition, DiagramState from, DiagramState to, int index, int count,
                double loopLabelsAbove) {
        /** A route the layout saved, drawn as it is whatever else moves. */
        boolean saved() {
            return transition.route().size() >= 2;
        }

        /** A single edge between two states: a straight line, or a detour round the states in its way. */
        boolean straightOrDetour() {
            return !saved() && !transition.isSelfLoop() && count == 1;
        }
    }

    /** The routed transitions of {@code graph} (both ends exist), bundled by the pair of states they join. */
    static List<Slot> slots(DiagramGraph graph) {
        Map<String, DiagramState> states = new HashMap<>();
        graph.states().forEach(s -> states.put(s.name(), s));
        Map<String, List<DiagramTransition>> bundles = new LinkedHashMap<>();
        for (DiagramTransition t : graph.transitions()) {
            if (states.containsKey(t.from()) && states.containsKey(t.to())) {
                bundles.computeIfAbsent(bundleKey(t), k -> new ArrayList<>()).add(t);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (List<DiagramTransition> bundle : bundles.values()) {
            double loopLabelsAbove = 0;
            for (int i = 0; i < bundle.size(); i++) {
                DiagramTransition t = bundle.get(i);
                slots.add(new Slot(t, states.get(t.from()), states.get(t.to()), i, bundle.size(), loopLabelsAbove));
                if (t.isSelfLoop() && t.route().size() < 2) {
                    loopLabelsAbove += EdgeLabel.of(t).height() + 4;
                }
            }
        }
        return slots;
    }

    /** The route of one transition; {@code all} are the diagram's states, which a straight line must not cross. */
    static EdgeRoute route(Slot slot, List<DiagramState> all) {
        DiagramTransition t = slot.transition();
        if (slot.saved()) {
            return polyline(t.route(), t.labelAt());
        }
        if (t.isSelfLoop()) {
            return selfLoop(slot.from(), slot.index(), slot.count(), EdgeLabel.of(t), slot.loopLabelsAbove());
        }
        return between(slot.from(), slot.to(), slot.index(), slot.count(), all);
    }

    /**
     * Whether {@code cached}, computed for {@code slot} while other states stood elsewhere, is still what
     * {@link #route} would draw as far as crossings go: a straight line that now crosses a state, or a detour whose
     * straight line would no longer cross one (or that now crosses one itself), must be routed again. Saved routes,
     * bundles and loops do not depend on the other states.
     */
    static boolean stillClear(Slot slot, EdgeRoute cached, List<DiagramState> all) {
        if (!slot.straightOrDetour()) {
            return true;
        }
        DiagramState from = slot.from(), to = slot.to();
        List<DiagramState> others = all.stream()
                .filter(s -> !s.name().equals(from.name()) && !s.name().equals(to.name())).toList();
        if (others.stream().anyMatch(s -> DetourRouter.crosses(cached.points(), s))) {
            return false;
        }
        List<Point> straight = List.of(clip(from, to.center()), clip(to, from.center()));
        boolean detour = cached.points().size() > 2;
        return detour == others.stream().anyMatch(s -> DetourRouter.crosses(straight, s));
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
