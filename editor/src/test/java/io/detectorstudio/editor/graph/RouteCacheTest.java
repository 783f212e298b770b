package io.detectorstudio.editor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteCacheTest {
    private final RouteCache cache = new RouteCache();
    private final List<String> routed = new ArrayList<>();

    {
        cache.onRoute(routed::add);
    }

    private static DiagramState state(String name, double x, double y) {
        return new DiagramState(name, new Point(x, y), false, StateMarkers.NONE);
    }

    private static DiagramTransition edge(String from, String event, String to) {
        return new DiagramTransition(from, event, to, "", List.of());
    }

    /** A→B and B→A (a bundle), C→D, a loop on D; all routed automatically. */
    private static DiagramGraph graph() {
        return new DiagramGraph(List.of(state("A", 0, 0), state("B", 300, 0), state("C", 0, 300), state("D", 300, 300)),
                List.of(edge("A", "go", "B"), edge("B", "back", "A"), edge("C", "go", "D"), edge("D", "stay", "D")));
    }

    @Test
    void movingAStateRoutesOnlyItsOwnEdgesAgainAndTheRoutesAreTheRoutersOwn() {
        DiagramGraph g = graph();
        assertThat(cache.routes(g)).isEqualTo(EdgeRouter.route(g));
        assertThat(routed).containsExactlyInAnyOrder("A/go", "B/back", "C/go", "D/stay");
        routed.clear();
        assertThat(cache.routes(g)).isSameAs(cache.routes(g));
        assertThat(cache.routes(new DiagramGraph(g.states(), g.transitions()))).isEqualTo(EdgeRouter.route(g));
        assertThat(routed).as("an equal graph routes nothing again").isEmpty();

        DiagramGraph moved = g.withPositions(Map.of("D", new Point(340, 320)));
        assertThat(cache.routes(moved)).isEqualTo(EdgeRouter.route(moved));
        assertThat(routed).containsExactlyInAnyOrder("C/go", "D/stay");
    }

    @Test
    void aStateDraggedIntoAStraightEdgeSendsItRoundAndOutAgainStraightensIt() {
        DiagramGraph g = new DiagramGraph(List.of(state("A", 0, 0), state("C", 200, 250), state("B", 400, 0)),
                List.of(edge("A", "go", "B")));
        assertThat(cache.routes(g).get("A/go").points()).hasSize(2);
        routed.clear();

        DiagramGraph inTheWay = g.withPositions(Map.of("C", new Point(200, 0)));
        assertThat(cache.routes(inTheWay)).isEqualTo(EdgeRouter.route(inTheWay));
        assertThat(cache.routes(inTheWay).get("A/go").points()).hasSizeGreaterThan(2);
        DiagramGraph stillInTheWay = inTheWay.withPositions(Map.of("C", new Point(205, 2)));
        routed.clear();
        assertThat(cache.routes(stillInTheWay).get("A/go")).isEqualTo(cache.routes(inTheWay).get("A/go"));
        assertThat(routed).as("the detour still goes round C").isEmpty();

        DiagramGraph away = stillInTheWay.withPositions(Map.of("C", new Point(200, 250)));
        assertThat(cache.routes(away).get("A/go").points()).hasSize(2);
        assertThat(routed).containsExactly("A/go");
    }
}
