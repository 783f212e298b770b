package io.detectorstudio.engine.io;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/** Everything read from one file: its located tree, the models and inputs in it, and problems met while reading. */
public record ModelFile(Path path, ModelShape shape, LocatedJson source, List<LoadedModel> models,
                        List<LoadedInput> inputs, List<Diagnostic> readDiagnostics) {

    /** The model named {@code name}, or the only one when {@code name} is null. */
    public LoadedModel model(String name) throws ModelReadException {
        if (name == null) {
            if (models.size() == 1) {
                return models.get(0);
            }
            if (models.isEmpty()) {
                throw new ModelReadException("no detector model in this file", 1, 1);
            }
            throw new ModelReadException("the file holds " + models.size() + " detector models ("
                    + String.join(", ", models.stream().map(LoadedModel::name).toList())
                    + "); pick one with --model NAME", 1, 1);
        }
        return models.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
                () -> new ModelReadException("no detector model named '" + name + "'; the file has "
                        + String.join(", ", models.stream().map(LoadedModel::name).toList()), 1, 1));
    }
}
