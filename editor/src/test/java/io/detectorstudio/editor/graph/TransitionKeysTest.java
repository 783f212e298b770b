package io.detectorstudio.editor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionKeysTest {

    static Path isaAlarm() throws Exception {
        return Path.of(TransitionKeysTest.class.getResource("/models/devguide__AWS_IoTEvents_Blueprints_ISA_Alarm.json").toURI());
    }

    private static DiagramTransition edge(String from, String event, String to) {
        return new DiagramTransition(from, event, to, "", List.of());
    }

    private static DiagramState state(String name) {
        return new DiagramState(name, new Point(0, 0), false, StateMarkers.NONE);
    }

    @Test
    void theIsaAlarmHas31TransitionsWith31DistinctKeysNumberedInModelOrder() throws Exception {
        DiagramGraph g = ModelGraphReader.read(isaAlarm());
        assertThat(g.transitions()).hasSize(31);
        assertThat(g.transitions()).extracting(DiagramTransition::key).doesNotHaveDuplicates();
        assertThat(g.transitions("Shelved", "unshelve")).extracting(DiagramTransition::key, DiagramTransition::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Shelved/unshelve", "RTN_Unacknowledged"),
                        org.assertj.core.groups.Tuple.tuple("Shelved/unshelve#2", "Acknowledged"),
                        org.assertj.core.groups.Tuple.tuple("Shelved/unshelve#3", "Unacknowledged"),
                        org.assertj.core.groups.Tuple.tuple("Shelved/unshelve#4", "Normal"));
        // a name used once keeps the plain key older sidecars use
        assertThat(g.transition("Normal/shelve")).get().extracting(DiagramTransition::to).isEqualTo("Shelved");
    }

    @Test
    void keysFollowTheOrderOfSameNamedTransitionsOnlyAndAreReassignedOnEveryChange() {
        DiagramGraph g = new DiagramGraph(List.of(state("A"), state("B"), state("C")),
                List.of(edge("A", "go", "B"), edge("A", "other", "C"), edge("A", "go", "C")));
        assertThat(g.transitions()).extracting(DiagramTransition::key).containsExactly("A/go", "A/other", "A/go#2");
        assertThat(g.without(java.util.Set.of(), java.util.Set.of("A/other")).transitions())
                .extracting(DiagramTransition::key).containsExactly("A/go", "A/go#2");
        assertThat(g.without(java.util.Set.of(), java.util.Set.of("A/go")).transitions())
                .extracting(DiagramTransition::key, DiagramTransition::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A/other", "C"),
                        org.assertj.core.groups.Tuple.tuple("A/go", "C"));
        assertThat(g.withRenamedState("A", "Z").transitions()).extracting(DiagramTransition::key)
                .containsExactly("Z/go", "Z/other", "Z/go#2");
    }

    @Test
    void namesThatSpellAnotherKeyStillGetDistinctKeys() {
        List<String> keys = TransitionKeys.assign(List.of(
                        new String[] {"A", "go"}, new String[] {"A", "go"}, new String[] {"A", "go#2"},
                        new String[] {"A/b", "c"}, new String[] {"A", "b/c"}),
                n -> n[0], n -> n[1]);
        assertThat(keys).containsExactly("A/go", "A/go#2", "A/go#2#2", "A/b/c", "A/b/c#2");
    }

    @Test
    void everyIsaTransitionIsRoutedBetweenItsOwnStates() throws Exception {
        DiagramGraph g = ModelGraphReader.read(isaAlarm());
        DiagramGraph placed = new DiagramGraph(g.states().stream()
                .map(s -> s.at(new Point(g.states().indexOf(s) * 250.0, (g.states().indexOf(s) % 2) * 200.0))).toList(),
                g.transitions());
        Map<String, EdgeRoute> routes = EdgeRouter.route(placed);
        assertThat(routes).hasSize(31);
        for (DiagramTransition t : placed.transitions()) {
            EdgeRoute r = routes.get(t.key());
            assertThat(onBorder(placed.state(t.from()).orElseThrow(), r.start())).as(t.key() + " start").isTrue();
            assertThat(onBorder(placed.state(t.to()).orElseThrow(), r.end())).as(t.key() + " end").isTrue();
        }
    }

    static boolean onBorder(DiagramState s, Point p) {
        double slack = 2;
        return p.x() >= s.position().x() - slack && p.x() <= s.position().x() + s.width() + slack
                && p.y() >= s.position().y() - slack && p.y() <= s.position().y() + s.height() + slack;
    }
}
