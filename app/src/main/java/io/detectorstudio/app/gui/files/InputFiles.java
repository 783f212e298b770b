package io.detectorstudio.app.gui.files;

import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.ModelTreeWriter;
import io.detectorstudio.engine.io.ModelWriter;
import io.detectorstudio.engine.model.Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input definitions of an open model and the files they belong in: the project's {@code inputs/} folder beside
 * the model file, one CreateInput request per file ({@code inputs/<inputName>.json} unless it was read from another
 * file there), as the samples keep them and as {@code validate} finds them. An edited definition is written over the
 * tree it was read from (unknown members and formatting kept); an unchanged one is not rewritten. No JavaFX;
 * thread-safe (a save runs on a worker while checks read the definitions).
 */
public final class InputFiles {

    /** A definition as last read or saved: its request tree and its file (null when it came inside the model file). */
    public record Origin(LoadedInput read, Path file) {
    }

    private final Map<String, Origin> origins = new LinkedHashMap<>();

    public InputFiles(List<Origin> read) {
        read.forEach(o -> origins.put(o.read().name(), o));
    }

    /** The folder a model file's input definitions go in. */
    public static Path folderFor(Path modelFile) {
        return modelFile.toAbsolutePath().getParent().resolve("inputs");
    }

    /** The current definitions as request trees, each written over the tree it was read from. */
    public synchronized List<LoadedInput> loaded(List<Input> current) {
        ModelTreeWriter writer = new ModelTreeWriter();
        List<LoadedInput> out = new ArrayList<>();
        for (Input input : current) {
            Origin origin = origins.get(input.inputName());
            if (origin == null) {
                out.add(new LoadedInput(input.inputName(), writer.input(input)));
            } else if (input.equals(origin.read().input())) {
                out.add(origin.read());
            } else {
                out.add(new LoadedInput(input.inputName(), writer.input(input, origin.read().request())));
            }
        }
        return out;
    }

    /**
     * Writes {@code current} into the input folder of {@code modelFile} (atomically, unchanged files left alone) and
     * removes the files there of definitions that are gone since they were read or saved (an added input undone).
     *
     * @return the files written
     */
    public synchronized List<Path> save(Path modelFile, List<Input> current) throws IOException {
        Path folder = folderFor(modelFile);
        ModelWriter writer = new ModelWriter();
        List<Path> written = new ArrayList<>();
        Map<String, Origin> saved = new LinkedHashMap<>();
        for (LoadedInput input : loaded(current)) {
            Origin origin = origins.get(input.name());
            Path file = origin != null && origin.file() != null && inFolder(origin.file(), folder)
                    ? origin.file() : folder.resolve(input.name() + ".json");
            boolean unchanged = origin != null && file.equals(origin.file()) && Files.exists(file)
                    && Objects.equals(input.request(), origin.read().request());
            if (!unchanged) {
                AtomicFiles.write(file, writer.inputJson(input).getBytes(StandardCharsets.UTF_8));
                written.add(file);
            }
            saved.put(input.name(), new Origin(input, file));
        }
        for (Origin gone : origins.values()) {
            if (!saved.containsKey(gone.read().name()) && gone.file() != null && inFolder(gone.file(), folder)) {
                Files.deleteIfExists(gone.file());
            }
        }
        origins.clear();
        origins.putAll(saved);
        return written;
    }

    private static boolean inFolder(Path file, Path folder) {
        return folder.equals(file.toAbsolutePath().getParent());
    }
}
