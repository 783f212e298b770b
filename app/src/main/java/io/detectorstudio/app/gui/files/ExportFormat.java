package io.detectorstudio.app.gui.files;

import io.detectorstudio.editor.export.PngExporter;
import io.detectorstudio.editor.export.SvgExporter;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** What File ▸ Export writes: the request JSON, a CloudFormation template, or the diagram as a picture. */
public enum ExportFormat {
    REQUEST_JSON("CreateDetectorModel request (JSON)", "json"),
    CLOUDFORMATION_JSON("CloudFormation template (JSON)", "template.json"),
    CLOUDFORMATION_YAML("CloudFormation template (YAML)", "template.yaml"),
    SVG("Diagram (SVG)", "svg"),
    PNG("Diagram (PNG)", "png");

    private final String title;
    private final String extension;

    ExportFormat(String title, String extension) {
        this.title = title;
        this.extension = extension;
    }

    public String title() {
        return title;
    }

    public String extension() {
        return extension;
    }

    /** The bytes of the export of {@code model} (with its inputs) drawn as {@code graph}. */
    public byte[] render(LoadedModel model, List<LoadedInput> inputs, DiagramGraph graph) throws IOException {
        ModelWriter writer = new ModelWriter();
        return switch (this) {
            case REQUEST_JSON -> writer.requestJson(model).getBytes(StandardCharsets.UTF_8);
            case CLOUDFORMATION_JSON -> writer.cloudFormationJson(model, inputs).getBytes(StandardCharsets.UTF_8);
            case CLOUDFORMATION_YAML -> writer.cloudFormationYaml(model, inputs).getBytes(StandardCharsets.UTF_8);
            case SVG -> SvgExporter.toSvg(model.name(), graph).getBytes(StandardCharsets.UTF_8);
            case PNG -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PngExporter.write(model.name(), graph, 2.0, out);
                yield out.toByteArray();
            }
        };
    }

    /** What to tell the user about this export of {@code model} (CloudFormation needs a role, for instance). */
    public List<String> warnings(LoadedModel model) {
        return this == CLOUDFORMATION_JSON || this == CLOUDFORMATION_YAML
                ? new ModelWriter().cloudFormationWarnings(model) : List.of();
    }

    /** Renders and writes atomically. */
    public void write(Path target, LoadedModel model, List<LoadedInput> inputs, DiagramGraph graph) throws IOException {
        AtomicFiles.write(target, render(model, inputs, graph));
    }
}
