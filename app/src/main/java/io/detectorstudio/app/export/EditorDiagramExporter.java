package io.detectorstudio.app.export;

import io.detectorstudio.app.cli.DiagramExporter;
import io.detectorstudio.editor.export.DiagramExport;
import io.detectorstudio.editor.layout.LayoutSidecar;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.editor.export.PngExporter;
import io.detectorstudio.editor.export.SvgExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Plugs the editor's diagram renderer into {@code export --format svg|png} (found through ServiceLoader, so the
 * CLI package links neither the editor nor JavaFX). Two instances are registered, one per format.
 */
public abstract class EditorDiagramExporter implements DiagramExporter {

    private final DiagramExport.Format format;

    EditorDiagramExporter(DiagramExport.Format format) {
        this.format = format;
    }

    @Override
    public String format() {
        return format.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public byte[] render(Path modelFile, LoadedModel model) throws IOException {
        try {
            // titled with the detector model's name, not the file's ("model" for every project's model.json)
            var graph = DiagramExport.placed(modelFile);
            if (format == DiagramExport.Format.SVG) {
                return SvgExporter.toSvg(model.name(), graph).getBytes(StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PngExporter.write(model.name(), graph, 2.0, out);
            return out.toByteArray();
        } catch (LayoutSidecar.LayoutException e) {
            throw new IOException("the layout file beside the model cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code export --format svg} */
    public static final class Svg extends EditorDiagramExporter {
        public Svg() {
            super(DiagramExport.Format.SVG);
        }
    }

    /** {@code export --format png} */
    public static final class Png extends EditorDiagramExporter {
        public Png() {
            super(DiagramExport.Format.PNG);
        }
    }
}
