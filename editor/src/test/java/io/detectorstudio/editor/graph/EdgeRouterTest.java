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
}
