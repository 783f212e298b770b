package io.detectorstudio.app.cli;

import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the {@code --inputs PATH} arguments: CreateInput files, directories of them, templates or exports. */
final class ModelInputs {

    private ModelInputs() {
    }

    static List<LoadedInput> read(ModelLoader loader, List<Path> paths) throws ModelReadException {
        List<LoadedInput> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        inputs.addAll(loader.load(file).inputs());
                    }
                } catch (IOException e) {
                    throw new ModelReadException("cannot list " + path + ": " + e.getMessage(), 0, 0);
                }
            } else {
                ModelFile file = loader.load(path);
                inputs.addAll(file.inputs());
            }
        }
        return inputs;
    }
}
