package io.detectorstudio.editor.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An orthogonal way round the other states for an edge that has no route from the layout yet (just drawn, or one of
 * its states just moved) and whose straight line would cross a state. ELK routes edges only while it also places the
 * states, so it cannot route around states the user has put by hand; Arrange hands the whole diagram back to ELK.
 * The candidates are the usual ones of diagram editors: two L-shapes, two Z-shapes through the middle, and detours
 * above and below everything between the two boxes; the shortest that crosses no other state wins.
 */
final class DetourRouter {
    static final double CLEARANCE = 20;

    private DetourRouter() {
    }

    /** A route from {@code from} to {@code to} that crosses no state in {@code others}, if one of the candidates does. */
    static Optional<List<Point>> around(DiagramState from, DiagramState to, List<DiagramState> others) {
        return candidates(from, to, others).stream()
                .filter(route -> others.stream().noneMatch(s -> crosses(route, s)))
                .min(Comparator.comparingDouble(DetourRouter::length));
    }

    /** True when a straight piece of {@code route} passes through the inside of {@code s}'s box. */
    static boolean crosses(List<Point> route, DiagramState s) {
        for (int i = 0; i + 1 < route.size(); i++) {
            if (Segments.crossesState(route.get(i), route.get(i + 1), s)) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Point>> candidates(DiagramState a, DiagramState b, List<DiagramState> others) {
        Point ca = a.center(), cb = b.center();
        boolean right = cb.x() >= ca.x(), down = cb.y() >= ca.y();
        double ax = right ? right(a) : left(a), bx = right ? left(b) : right(b);
        double ay = down ? bottom(a) : top(a), by = down ? top(b) : bottom(b);
        List<List<Point>> routes = new ArrayList<>();
        // L: out of a's side horizontally, into b's top or bottom
        routes.add(List.of(new Point(ax, ca.y()), new Point(cb.x(), ca.y()), new Point(cb.x(), by)));
        // L: out of a's top or bottom vertically, into b's side
        routes.add(List.of(new Point(ca.x(), ay), new Point(ca.x(), cb.y()), new Point(bx, cb.y())));
        // Z through the middle, horizontal and vertical
        double midX = (ax + bx) / 2, midY = (ay + by) / 2;
        routes.add(List.of(new Point(ax, ca.y()), new Point(midX, ca.y()), new Point(midX, cb.y()), new Point(bx, cb.y())));
        routes.add(List.of(new Point(ca.x(), ay), new Point(ca.x(), midY), new Point(cb.x(), midY), new Point(cb.x(), by)));
        // over the top and under the bottom of every state in the way
        double minX = Math.min(ca.x(), cb.x()), maxX = Math.max(ca.x(), cb.x());
        double over = Math.min(top(a), top(b)), under = Math.max(bottom(a), bottom(b));
        for (DiagramState s : others) {
            if (right(s) >= minX && left(s) <= maxX) {
                over = Math.min(over, top(s));
                under = Math.max(under, bottom(s));
            }
        }
        routes.add(List.of(new Point(ca.x(), top(a)), new Point(ca.x(), over - CLEARANCE),
                new Point(cb.x(), over - CLEARANCE), new Point(cb.x(), top(b))));
        routes.add(List.of(new Point(ca.x(), bottom(a)), new Point(ca.x(), under + CLEARANCE),
                new Point(cb.x(), under + CLEARANCE), new Point(cb.x(), bottom(b))));
        // a route must leave a's box and reach b's: drop the ones whose first or last piece runs back through them
        routes.removeIf(r -> crosses(r, a) || crosses(r, b));
        return routes;
    }

    private static double length(List<Point> route) {
        double sum = 0;
        for (int i = 0; i + 1 < route.size(); i++) {
            sum += Math.hypot(route.get(i + 1).x() - route.get(i).x(), route.get(i + 1).y() - route.get(i).y());
        }
        return sum;
    }

    private static double left(DiagramState s) {
        return s.position().x();
    }

    private static double right(DiagramState s) {
        return s.position().x() + s.width();
    }

    private static double top(DiagramState s) {
        return s.position().y();
    }

    private static double bottom(DiagramState s) {
        return s.position().y() + s.height();
    }
}
