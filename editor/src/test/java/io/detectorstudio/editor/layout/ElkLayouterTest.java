package io.detectorstudio.editor.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.ModelGraphReader;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.graph.Segments;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ElkLayouterTest {

    static Stream<Path> corpusModels() {
        return SharedCorpus.files("corpus/models", ".json").stream();
    }

    @ParameterizedTest
    @MethodSource("corpusModels")
    void everyCorpusModelLaysOutWithoutOverlapsOrEdgesThroughStates(Path model) throws Exception {
        assertCleanLayout(ElkLayouter.arrange(ModelGraphReader.read(model)));
    }

    @Test
    void theHvacModelLaysOutCleanly() throws Exception {
        DiagramGraph g = ModelGraphReader.read(Path.of(getClass().getResource("/models/devguide__areaDetectorModel.json").toURI()));
        DiagramGraph arranged = ElkLayouter.arrange(g);
        assertThat(arranged.states()).extracting(DiagramState::name)
                .containsExactlyElementsOf(g.states().stream().map(DiagramState::name).toList());
        assertThat(arranged.transitions()).allSatisfy(t -> assertThat(t.route()).hasSizeGreaterThanOrEqualTo(2));
        assertCleanLayout(arranged);
    }

    @Test
    void theIsaAlarmRoutesEachOfItsRepeatedlyNamedTransitionsFromItsOwnSourceToItsOwnTarget() throws Exception {
        DiagramGraph g = ModelGraphReader.read(Path.of(getClass().getResource(
                "/models/devguide__AWS_IoTEvents_Blueprints_ISA_Alarm.json").toURI()));
        DiagramGraph arranged = ElkLayouter.arrange(g);
        assertThat(arranged.transitions()).hasSize(31).extracting(DiagramTransition::key).doesNotHaveDuplicates();
        assertThat(arranged.transitions()).extracting(DiagramTransition::key, DiagramTransition::to)
                .containsExactlyElementsOf(g.transitions().stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.key(), t.to())).toList());
        for (DiagramTransition t : arranged.transitions()) {
            assertThat(t.route()).as(t.key()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(touchesBox(arranged.state(t.from()).orElseThrow(), t.route().get(0)))
                    .as("%s starts on %s", t.key(), t.from()).isTrue();
            assertThat(touchesBox(arranged.state(t.to()).orElseThrow(), t.route().get(t.route().size() - 1)))
                    .as("%s ends on %s", t.key(), t.to()).isTrue();
        }
        assertCleanLayout(arranged);
    }

    static boolean touchesBox(DiagramState s, Point p) {
        double slack = 2;
        return p.x() >= s.position().x() - slack && p.x() <= s.position().x() + s.width() + slack
                && p.y() >= s.position().y() - slack && p.y() <= s.position().y() + s.height() + slack;
    }

    static void assertCleanLayout(DiagramGraph g) {
        List<DiagramState> states = g.states();
        for (int i = 0; i < states.size(); i++) {
            for (int j = i + 1; j < states.size(); j++) {
                assertThat(overlap(states.get(i), states.get(j)))
                        .as("%s overlaps %s", states.get(i).name(), states.get(j).name()).isFalse();
            }
        }
        for (DiagramTransition t : g.transitions()) {
            List<Point> route = new ArrayList<>(t.route());
            for (int k = 0; k + 1 < route.size(); k++) {
                for (DiagramState s : states) {
                    if (!t.touches(s.name())) {
                        assertThat(segmentCrosses(route.get(k), route.get(k + 1), s))
                                .as("edge %s passes through %s", t.key(), s.name()).isFalse();
                    }
                }
            }
        }
    }

    private static boolean overlap(DiagramState a, DiagramState b) {
        return a.position().x() < b.position().x() + b.width() && b.position().x() < a.position().x() + a.width()
                && a.position().y() < b.position().y() + b.height() && b.position().y() < a.position().y() + a.height();
    }

    static boolean segmentCrosses(Point a, Point b, DiagramState s) {
        return Segments.crossesState(a, b, s);
    }
}
