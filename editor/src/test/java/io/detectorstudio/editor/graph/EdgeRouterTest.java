package io.detectorstudio.editor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeRouterTest {
    private static DiagramState state(String name, double x, double y) {
        return new DiagramState(name, new Point(x, y), false, StateMarkers.NONE);
    }

    private static DiagramTransition edge(String from, String event, String to) {
        return new DiagramTransition(from, event, to, "", List.of());
    }

    @Test
    void aSingleEdgeRunsBetweenTheBoxBorders() {
        DiagramGraph g = new DiagramGraph(List.of(state("A", 0, 0), state("B", 300, 0)), List.of(edge("A", "go", "B")));
        EdgeRoute r = EdgeRouter.route(g).get("A/go");
        assertThat(r.shape()).isEqualTo(EdgeRoute.Shape.POLYLINE);
        assertThat(r.start().x()).isEqualTo(NodeSize.width("A"));
        assertThat(r.end().x()).isEqualTo(300);
    }

    @Test
    void parallelEdgesInBothDirectionsAreKeptApart() {
        DiagramGraph g = new DiagramGraph(List.of(state("A", 0, 0), state("B", 300, 0)),
                List.of(edge("A", "go", "B"), edge("B", "back", "A"), edge("A", "again", "B")));
        Map<String, EdgeRoute> routes = EdgeRouter.route(g);
        double y1 = routes.get("A/go").labelAt().y();
        double y2 = routes.get("B/back").labelAt().y();
        double y3 = routes.get("A/again").labelAt().y();
        assertThat(List.of(Math.abs(y1 - y2), Math.abs(y2 - y3), Math.abs(y1 - y3)))
                .allSatisfy(d -> assertThat(d).isGreaterThan(EdgeRouter.PARALLEL_GAP * 0.4));
    }

    @Test
    void selfLoopsAreCubicLoopsOfGrowingSize() {
        DiagramGraph g = new DiagramGraph(List.of(state("A", 100, 100)),
                List.of(edge("A", "tick", "A"), edge("A", "tock", "A")));
        Map<String, EdgeRoute> routes = EdgeRouter.route(g);
        EdgeRoute first = routes.get("A/tick");
        EdgeRoute second = routes.get("A/tock");
        assertThat(first.shape()).isEqualTo(EdgeRoute.Shape.CUBIC);
        assertThat(first.points().get(1).y()).isLessThan(100);
        assertThat(second.points().get(1).y()).isLessThan(first.points().get(1).y());
    }

    @Test
    void aSavedRouteIsUsedAsItIs() {
        List<Point> saved = List.of(new Point(110, 28), new Point(200, 28), new Point(200, 128), new Point(300, 128));
        DiagramGraph g = new DiagramGraph(List.of(state("A", 0, 0), state("B", 300, 100)),
                List.of(new DiagramTransition("A", "go", "B", "", saved)));
        assertThat(EdgeRouter.route(g).get("A/go").points()).isEqualTo(saved);
    }

    @Test
    void anEdgeWithoutARouteGoesRoundAStateInItsWayInsteadOfThroughIt() {
        // A and B on one row with C between them, as after dragging C there: the straight line would cross C
        DiagramGraph g = new DiagramGraph(List.of(state("A", 0, 0), state("C", 200, 0), state("B", 400, 0)),
                List.of(edge("A", "go", "B")));
        EdgeRoute r = EdgeRouter.route(g).get("A/go");
        DiagramState a = g.state("A").orElseThrow(), b = g.state("B").orElseThrow(), c = g.state("C").orElseThrow();
        assertThat(DetourRouter.crosses(r.points(), c)).isFalse();
        assertThat(a.contains(r.start().x(), r.start().y())).isTrue();
        assertThat(b.contains(r.end().x(), r.end().y())).isTrue();
        for (int i = 0; i + 1 < r.points().size(); i++) {
            Point p = r.points().get(i), q = r.points().get(i + 1);
            assertThat(p.x() == q.x() || p.y() == q.y()).as("orthogonal piece %s-%s", p, q).isTrue();
        }
        // with nothing in the way it stays a straight line
        DiagramGraph clear = new DiagramGraph(List.of(state("A", 0, 0), state("C", 200, 200), state("B", 400, 0)),
                List.of(edge("A", "go", "B")));
        assertThat(EdgeRouter.route(clear).get("A/go").points()).hasSize(2);
    }

    @Test
    void theLabelsOfSeveralSelfLoopsAreStackedClearOfEachOtherAndOfTheLoops() {
        DiagramGraph g = new DiagramGraph(List.of(state("A", 100, 300)), List.of(
                new DiagramTransition("A", "tick", "A", "$input.sensor.temperature > $variable.high && $variable.armed", List.of()),
                new DiagramTransition("A", "tock", "A", "$input.sensor.temperature < $variable.low", List.of()),
                new DiagramTransition("A", "tack", "A", "", List.of())));
        Map<String, EdgeRoute> routes = EdgeRouter.route(g);
        List<double[]> boxes = g.transitions().stream().map(t -> EdgeLabel.of(t).box(routes.get(t.key()).labelAt())).toList();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] p = boxes.get(i), q = boxes.get(j);
                assertThat(p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]).as("labels %d and %d overlap", i, j).isFalse();
            }
            for (EdgeRoute loop : routes.values()) {
                List<Point> c = loop.points();
                for (double u = 0; u <= 1; u += 0.01) {
                    double v = 1 - u;
                    double x = v * v * v * c.get(0).x() + 3 * v * v * u * c.get(1).x() + 3 * v * u * u * c.get(2).x()
                            + u * u * u * c.get(3).x();
                    assertThat(x).as("loop passes left of label %d", i).isLessThan(boxes.get(i)[0]);
                }
            }
        }
    }
}
