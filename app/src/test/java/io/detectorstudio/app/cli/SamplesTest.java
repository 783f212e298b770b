package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.ModelGraphReader;
import io.detectorstudio.editor.layout.DiagramLayout;
import io.detectorstudio.editor.layout.ElkLayouter;
import io.detectorstudio.editor.layout.LayoutSidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every folder under {@code samples/} is a complete, working sample: its model validates without errors against
 * its inputs, every scenario passes, it has a README, a layout sidecar that places every state, and it is listed in
 * {@code samples/README.md}.
 *
 * <p>Missing sidecars are generated with the editor's ELK layout by running this test with
 * {@code -Dsamples.writeSidecars=true} (see samples/README.md); the result is committed with the sample.
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final boolean WRITE_SIDECARS = Boolean.getBoolean("samples.writeSidecars");

    static List<Path> samples() throws IOException {
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("model.json")) || Files.isDirectory(d.resolve("models")))
                    .sorted().toList();
        }
    }

    /** model.json, or the models/*.json of a project with several models (issue 14 item 9). */
    static List<Path> modelFiles(Path sample) throws IOException {
        if (Files.isRegularFile(sample.resolve("model.json"))) {
            return List.of(sample.resolve("model.json"));
        }
        try (Stream<Path> files = Files.list(sample.resolve("models"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".layout.json"))
                    .sorted().toList();
        }
    }

    static List<Path> scenarios(Path sample) throws IOException {
        Path dir = sample.resolve("scenarios");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".scenario.json")).sorted().toList();
        }
    }

    @Test
    void thereAreAtLeastNineSamplesEachWithReadmeAndScenariosListedInTheIndex() throws IOException {
        List<Path> samples = samples();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(9);
        String index = Files.readString(SAMPLES.resolve("README.md"));
        for (Path sample : samples) {
            String name = sample.getFileName().toString();
            assertThat(sample.resolve("README.md")).as(name).isRegularFile();
            assertThat(scenarios(sample)).as(name + " scenarios").isNotEmpty();
            assertThat(index).as("samples/README.md lists " + name).contains("[" + name + "](" + name + "/)");
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleValidatesWithoutErrorsAgainstItsInputs() throws IOException {
        return samples().stream().map(sample -> dynamicTest(sample.getFileName().toString(), () -> {
            List<String> args = new ArrayList<>(List.of("validate"));
            modelFiles(sample).forEach(m -> args.add(m.toString()));
            if (Files.isDirectory(sample.resolve("inputs"))) {
                args.addAll(List.of("--inputs", sample.resolve("inputs").toString()));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).doesNotContain(": error ");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySampleScenarioPasses() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path sample : samples()) {
            all.addAll(scenarios(sample));
        }
        return all.stream().map(scenario -> dynamicTest(SAMPLES.relativize(scenario).toString(), () -> {
            CliRun run = CliRun.of("simulate", scenario.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).endsWith("1 passed, 0 failed" + System.lineSeparator());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySampleHasALayoutSidecarPlacingEveryStateAndRoutingEveryTransition() throws IOException {
        List<Path> models = new ArrayList<>();
        for (Path sample : samples()) {
            models.addAll(modelFiles(sample));
        }
        return models.stream().map(model -> dynamicTest(SAMPLES.relativize(model).toString(), () -> {
            Path sidecar = LayoutSidecar.sidecarFor(model);
            DiagramGraph graph = ModelGraphReader.read(model);
            if (WRITE_SIDECARS && !Files.exists(sidecar)) {
                LayoutSidecar.write(sidecar, generatedLayout(graph));
            }
            assertThat(sidecar).as("missing; run this test with -Dsamples.writeSidecars=true").isRegularFile();
            DiagramLayout layout = LayoutSidecar.read(sidecar).orElseThrow();
            assertThat(layout.covers(graph)).as(sidecar + " places every state").isTrue();
            assertThat(layout.applyTo(graph).transitions()).as(sidecar + " routes every transition")
                    .allSatisfy(t -> assertThat(t.route()).as(t.key()).hasSizeGreaterThanOrEqualTo(2));
        }));
    }

    /** ELK's arrangement as a sidecar: every state placed, every transition (repeated event names too) routed. */
    static DiagramLayout generatedLayout(DiagramGraph graph) {
        return DiagramLayout.of(ElkLayouter.arrange(graph), 1.0);
    }
}
