package io.detectorstudio.editor.export;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.ModelGraphReader;
import io.detectorstudio.editor.layout.DiagramLayout;
import io.detectorstudio.editor.layout.ElkLayouter;
import io.detectorstudio.editor.layout.LayoutSidecar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Model file → diagram image, for the command line ({@code export --format svg|png}). Uses the saved sidecar layout
 * when it places every state, ELK otherwise. No JavaFX: safe to call without a display or toolkit.
 */
public final class DiagramExport {
    public enum Format { SVG, PNG }

    private DiagramExport() {
    }

    public static byte[] export(Path modelFile, Format format) throws IOException, LayoutSidecar.LayoutException {
        DiagramGraph graph = placed(modelFile);
        String title = modelFile.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        return switch (format) {
            case SVG -> SvgExporter.toSvg(title, graph).getBytes(StandardCharsets.UTF_8);
            case PNG -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PngExporter.write(title, graph, 2.0, out);
                yield out.toByteArray();
            }
        };
    }

    /** The model's graph positioned as the editor would show it. */
    public static DiagramGraph placed(Path modelFile) throws IOException, LayoutSidecar.LayoutException {
        DiagramGraph graph = ModelGraphReader.read(modelFile);
        Optional<DiagramLayout> saved = LayoutSidecar.read(LayoutSidecar.sidecarFor(modelFile));
        return saved.filter(l -> l.covers(graph)).map(l -> l.applyTo(graph)).orElseGet(() -> ElkLayouter.arrange(graph));
    }
}
