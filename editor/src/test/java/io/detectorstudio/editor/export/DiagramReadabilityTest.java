package io.detectorstudio.editor.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeLabel;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.EdgeRouter;
import io.detectorstudio.editor.graph.InitialMarker;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.graph.Segments;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagram as users see it (the geometry the canvas and both exporters draw) is readable for every corpus model
 * and every sample: the full label of each transition has a box of its own that no other label and no state covers,
 * no edge passes through a state other than its own ends, and the SVG carries each full label as visible text.
 */
class DiagramReadabilityTest {

    /** The samples with their saved layouts, and the corpus models (laid out by ELK, as the editor opens them; from testdata/). */
    static Stream<Path> models() throws IOException {
        List<Path> models = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("..", "samples"))) {
            samples.map(dir -> dir.resolve("model.json")).filter(Files::isRegularFile).sorted().forEach(models::add);
        }
        models.addAll(SharedCorpus.files("corpus/models", ".json"));
        return models.stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noLabelOverlapsAnotherLabelOrAState(Path model) throws Exception {
        DiagramGraph g = DiagramExport.placed(model);
        Map<String, EdgeRoute> routes = EdgeRouter.route(g);
        List<DiagramTransition> ts = g.transitions();
        for (int i = 0; i < ts.size(); i++) {
            double[] a = labelBox(ts.get(i), routes);
            for (int j = i + 1; j < ts.size(); j++) {
                assertThat(overlaps(a, labelBox(ts.get(j), routes)))
                        .as("label of %s overlaps label of %s", ts.get(i).key(), ts.get(j).key()).isFalse();
            }
            for (DiagramState s : g.states()) {
                assertThat(overlaps(a, box(s))).as("label of %s overlaps state %s", ts.get(i).key(), s.name()).isFalse();
                if (s.initial()) {
                    assertThat(overlaps(a, InitialMarker.box(s)))
                            .as("label of %s overlaps the initial marker of %s", ts.get(i).key(), s.name()).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void noEdgePassesThroughAStateOtherThanItsEndsOrThroughAnotherEdgesLabel(Path model) throws Exception {
        DiagramGraph g = DiagramExport.placed(model);
        Map<String, EdgeRoute> routes = EdgeRouter.route(g);
        for (DiagramTransition t : g.transitions()) {
            List<Point> line = polyline(routes.get(t.key()));
            for (int k = 0; k + 1 < line.size(); k++) {
                for (DiagramState s : g.states()) {
                    if (!t.touches(s.name())) {
                        assertThat(segmentCrosses(line.get(k), line.get(k + 1), box(s)))
                                .as("edge %s passes through %s", t.key(), s.name()).isFalse();
                    }
                }
                for (DiagramState s : g.states()) {
                    if (s.initial()) {
                        assertThat(segmentCrosses(line.get(k), line.get(k + 1), InitialMarker.box(s)))
                                .as("edge %s passes through the initial marker of %s", t.key(), s.name()).isFalse();
                    }
                }
                for (DiagramTransition other : g.transitions()) {
                    if (other != t) {
                        assertThat(segmentCrosses(line.get(k), line.get(k + 1), labelBox(other, routes)))
                                .as("edge %s passes through the label of %s", t.key(), other.key()).isFalse();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theSvgShowsEveryFullLabelAsWrappedText(Path model) throws Exception {
        String svg = new String(DiagramExport.export(model, DiagramExport.Format.SVG), java.nio.charset.StandardCharsets.UTF_8);
        List<String> shown = new ArrayList<>();
        Matcher label = Pattern.compile("<text class=\"transition-label\"[^>]*>(.*?)</text>", Pattern.DOTALL).matcher(svg);
        while (label.find()) {
            Matcher line = Pattern.compile("<tspan[^>]*>(.*?)</tspan>").matcher(label.group(1));
            List<String> lines = new ArrayList<>();
            while (line.find()) {
                lines.add(unescape(line.group(1)));
            }
            shown.add(String.join("\n", lines));
        }
        DiagramGraph g = DiagramExport.placed(model);
        assertThat(shown).containsExactlyInAnyOrderElementsOf(g.transitions().stream()
                .map(t -> String.join("\n", EdgeLabel.of(t).lines())).toList());
        for (DiagramTransition t : g.transitions()) {
            String full = t.condition().strip().replaceAll("\\s+", " ");
            assertThat(String.join("", EdgeLabel.of(t).lines())).contains(t.event()).contains(full);
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    static double[] labelBox(DiagramTransition t, Map<String, EdgeRoute> routes) {
        return EdgeLabel.of(t).box(routes.get(t.key()).labelAt());
    }

    static double[] box(DiagramState s) {
        return new double[] {s.position().x(), s.position().y(), s.position().x() + s.width(), s.position().y() + s.height()};
    }

    static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    /** The drawn path as straight pieces: curves are sampled finely enough to find a state in their way. */
    static List<Point> polyline(EdgeRoute r) {
        List<Point> p = r.points();
        return switch (r.shape()) {
            case POLYLINE -> p;
            case QUADRATIC -> sample(u -> bezier(u, p.get(0), p.get(1), p.get(1), p.get(2)));
            case CUBIC -> sample(u -> bezier(u, p.get(0), p.get(1), p.get(2), p.get(3)));
        };
    }

    private static List<Point> sample(java.util.function.DoubleFunction<Point> curve) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            points.add(curve.apply(i / 40.0));
        }
        return points;
    }

    private static Point bezier(double u, Point a, Point b, Point c, Point d) {
        double v = 1 - u;
        return new Point(v * v * v * a.x() + 3 * v * v * u * b.x() + 3 * v * u * u * c.x() + u * u * u * d.x(),
                v * v * v * a.y() + 3 * v * v * u * b.y() + 3 * v * u * u * c.y() + u * u * u * d.y());
    }

    static boolean segmentCrosses(Point a, Point b, double[] box) {
        return Segments.crossesBox(a, b, box[0], box[1], box[2], box[3]);
    }
}
