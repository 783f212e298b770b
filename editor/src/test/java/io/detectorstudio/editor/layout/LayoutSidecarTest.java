package io.detectorstudio.editor.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detectorstudio.editor.graph.DiagramGraph;
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
