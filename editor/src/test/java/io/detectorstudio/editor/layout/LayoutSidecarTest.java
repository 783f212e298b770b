package io.detectorstudio.editor.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.ModelGraphReader;
import io.detectorstudio.editor.graph.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutSidecarTest {

    @Test
    void theSidecarSitsNextToTheModel() {
        assertThat(LayoutSidecar.sidecarFor(Path.of("models/hvac.json"))).isEqualTo(Path.of("models/hvac.layout.json"));
        assertThat(LayoutSidecar.sidecarFor(Path.of("m.JSON"))).isEqualTo(Path.of("m.layout.json"));
    }

    @Test
    void aLayoutRoundTripsThroughTheFileAndPlacesTheGraph(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("area.json");
        Files.copy(Path.of(getClass().getResource("/models/devguide__areaDetectorModel.json").toURI()), model);
        byte[] modelBytes = Files.readAllBytes(model);
        DiagramGraph arranged = ElkLayouter.arrange(ModelGraphReader.read(model));
        DiagramLayout layout = DiagramLayout.of(arranged, 1.25);
        LayoutSidecar.write(LayoutSidecar.sidecarFor(model), layout);

        DiagramLayout read = LayoutSidecar.read(dir.resolve("area.layout.json")).orElseThrow();
        assertThat(read).isEqualTo(layout);
        assertThat(read.applyTo(ModelGraphReader.read(model))).isEqualTo(arranged);
        assertThat(Files.readAllBytes(model)).isEqualTo(modelBytes);
        assertThat(Files.readString(dir.resolve("area.layout.json"))).contains("\"layoutVersion\" : 1", "\"idle\"",
                "\"bends\"");
    }

    @Test
    void aSidecarWithRepeatedEventNamesRoundTripsEveryRoute(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("isa.json");
        Files.copy(Path.of(getClass().getResource("/models/devguide__AWS_IoTEvents_Blueprints_ISA_Alarm.json").toURI()), model);
        DiagramGraph arranged = ElkLayouter.arrange(ModelGraphReader.read(model));
        DiagramLayout layout = DiagramLayout.of(arranged, 1.0);
        assertThat(layout.routes()).hasSize(31).containsKeys("Shelved/unshelve", "Shelved/unshelve#2",
                "Shelved/unshelve#3", "Shelved/unshelve#4", "Out_of_service/return_to_service#4");
        LayoutSidecar.write(LayoutSidecar.sidecarFor(model), layout);

        DiagramLayout read = LayoutSidecar.read(dir.resolve("isa.layout.json")).orElseThrow();
        assertThat(read).isEqualTo(layout);
        assertThat(read.applyTo(ModelGraphReader.read(model))).isEqualTo(arranged);
        assertThat(Files.readString(dir.resolve("isa.layout.json"))).contains("\"Shelved/unshelve#4\" : {");
    }

    @Test
    void anOlderSidecarWithPlainKeysStillLoadsAndAStaleRouteIsDrawnAutomatically() throws Exception {
        DiagramGraph g = ModelGraphReader.read(Path.of(getClass().getResource(
                "/models/devguide__AWS_IoTEvents_Blueprints_ISA_Alarm.json").toURI()));
        DiagramGraph arranged = ElkLayouter.arrange(g);
        DiagramTransition first = arranged.transition("Shelved/unshelve").orElseThrow();
        DiagramTransition last = arranged.transition("Shelved/unshelve#4").orElseThrow();
        DiagramTransition shelve = arranged.transition("Normal/shelve").orElseThrow();
        // as written before repeats were numbered: one plain key per name, holding the last same-named route
        StringBuilder states = new StringBuilder();
        arranged.states().forEach(s -> states.append(states.length() == 0 ? "" : ",").append('"').append(s.name())
                .append("\":{\"x\":").append(s.position().x()).append(",\"y\":").append(s.position().y()).append('}'));
        String old = "{\"layoutVersion\":1,\"zoom\":1.0,\"states\":{" + states + "},\"transitions\":{"
                + "\"Normal/shelve\":{\"bends\":" + json(shelve.route()) + "},"
                + "\"Shelved/unshelve\":{\"bends\":" + json(last.route()) + "}}}";
        DiagramGraph placed = LayoutSidecar.parse(old).applyTo(g);

        assertThat(placed.states()).isEqualTo(arranged.states());
        assertThat(placed.transition("Normal/shelve").orElseThrow().route()).isEqualTo(shelve.route());
        assertThat(first.to()).isNotEqualTo(last.to());
        assertThat(placed.transition("Shelved/unshelve").orElseThrow().route()).isEmpty();
        assertThat(placed.transition("Shelved/unshelve#4").orElseThrow().route()).isEmpty();
    }

    private static String json(java.util.List<Point> route) {
        return route.stream().map(p -> "[" + p.x() + "," + p.y() + "]")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void aMissingSidecarIsEmptyAndAPartialOneDoesNotCover(@TempDir Path dir) throws Exception {
        assertThat(LayoutSidecar.read(dir.resolve("none.layout.json"))).isEmpty();
        DiagramGraph g = ModelGraphReader.read(Path.of(getClass().getResource("/models/devguide__areaDetectorModel.json").toURI()));
        DiagramLayout partial = LayoutSidecar.parse("{\"layoutVersion\":1,\"zoom\":1.0,\"states\":{\"idle\":{\"x\":5,\"y\":6}}}");
        assertThat(partial.covers(g)).isFalse();
        assertThat(partial.applyTo(g).state("idle").orElseThrow().position()).isEqualTo(new Point(5, 6));
    }

    @Test
    void brokenSidecarsSayWhereAndWhat() {
        assertThatThrownBy(() -> LayoutSidecar.parse("{\"layoutVersion\":2}"))
                .hasMessageContaining("$.layoutVersion: expected 1");
        assertThatThrownBy(() -> LayoutSidecar.parse("{\"layoutVersion\":1,\"states\":{\"a\":{\"x\":\"left\"}}}"))
                .hasMessageContaining("$.states.a: expected {\"x\": number");
        assertThatThrownBy(() -> LayoutSidecar.parse("{\"layoutVersion\":1,\"transitions\":{\"a/e\":{\"bends\":[[1]]}}}"))
                .hasMessageContaining("$.transitions.a/e.bends[0]: expected [x, y]");
        assertThatThrownBy(() -> LayoutSidecar.parse("{\n  \"layoutVersion\": 1,,"))
                .hasMessageContaining("line 2:");
    }
}
