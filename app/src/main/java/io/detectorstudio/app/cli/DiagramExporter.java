package io.detectorstudio.app.cli;

import io.detectorstudio.engine.io.LoadedModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders a model's state diagram for {@code export --format svg|png}. Implemented outside the CLI package (the
 * editor module draws diagrams) and found with {@link java.util.ServiceLoader}, so the CLI never links JavaFX.
 */
public interface DiagramExporter {

    /** {@code svg} or {@code png}. */
    String format();

    /** Writes the diagram of {@code model} (laid out as saved beside {@code modelFile}, else automatically). */
    byte[] render(Path modelFile, LoadedModel model) throws IOException;
}
