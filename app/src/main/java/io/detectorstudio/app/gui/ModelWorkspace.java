package io.detectorstudio.app.gui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.layout.DiagramLayout;
import io.detectorstudio.editor.layout.LayoutSidecar;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.io.ModelShape;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One open model: the file (null while untitled), its {@link ModelDocument}, the input definitions found with it
 * (in the file, or in an {@code inputs} folder beside it, as the samples keep them) and the problems when read.
 * Built off the FX thread. A model restored from the recovery area counts as unsaved until it is saved.
 */
final class ModelWorkspace {

    private Path file;
    private final ModelDocument document;
    private final List<LoadedInput> inputs;
    private final List<Diagnostic> problems;
    private final String recoveryId = io.detectorstudio.app.gui.files.RecoveryStore.newId();
    private final BooleanProperty unsavedOrigin = new SimpleBooleanProperty();
    private BooleanBinding dirty;

    private ModelWorkspace(Path file, ModelDocument document, List<LoadedInput> inputs, List<Diagnostic> problems,
                           boolean unsavedOrigin) {
        this.file = file;
        this.document = document;
        this.inputs = inputs;
        this.problems = problems;
        this.unsavedOrigin.set(unsavedOrigin);
    }

    static ModelWorkspace open(Path file) throws IOException, ModelReadException, LayoutSidecar.LayoutException {
        return read(file, Files.readAllBytes(file), file, false);
    }

    /**
     * A model from bytes that are not (yet) the file's: a template ({@code file} null) or a recovered model
     * ({@code file} the file it belongs to, which may differ from the bytes on disk).
     */
    static ModelWorkspace fromBytes(Path file, byte[] bytes) throws IOException, ModelReadException,
            LayoutSidecar.LayoutException {
        return read(file == null ? Path.of("untitled.json") : file, bytes, file, true);
    }

    private static ModelWorkspace read(Path source, byte[] bytes, Path file, boolean unsaved)
            throws IOException, ModelReadException, LayoutSidecar.LayoutException {
        ModelLoader loader = new ModelLoader();
        ModelFile read = loader.load(source, bytes);
        if (read.models().isEmpty()) {
            throw new ModelReadException("the file holds no detector model (a model has detectorModelName and "
                    + "detectorModelDefinition)", 1, 1);
        }
        LoadedModel loaded = read.model(read.models().size() == 1 ? null : read.models().get(0).name());
        List<LoadedInput> inputs = new ArrayList<>(read.inputs());
        if (file != null) {
            inputs.addAll(besideInputs(loader, file));
        }
        DiagramLayout layout = file == null ? null : LayoutSidecar.read(LayoutSidecar.sidecarFor(file)).orElse(null);
        boolean request = read.shape() == ModelShape.REQUEST && !unsaved;
        ModelDocument document = new ModelDocument(loaded, inputs.stream().map(LoadedInput::input).toList(), layout,
                request ? bytes : null);
        List<Diagnostic> problems = new Validator().validate(read, loaded, inputs, !inputs.isEmpty());
        return new ModelWorkspace(file, document, inputs, problems, unsaved);
    }

    /** Input definitions in an {@code inputs} folder next to the model (unreadable ones are skipped). */
    private static List<LoadedInput> besideInputs(ModelLoader loader, Path model) {
        Path dir = model.toAbsolutePath().getParent().resolve("inputs");
        List<LoadedInput> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.addAll(loader.load(f).inputs());
                } catch (ModelReadException e) {
                    // not an input definition: the project tree still lists it
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    Path file() {
        return file;
    }

    /**
     * The other models of this model's project (a model in {@code <project>/models/}, or the {@code model.json} of a
     * project that has a {@code models/} folder), as request trees; the simulation runs them beside this one.
     */
    List<ObjectNode> projectModels() {
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        if (parent == null) {
            return List.of();
        }
        Path project = parent.getFileName() != null && parent.getFileName().toString().equals(ModelLoader.PROJECT_MODELS)
                ? parent.getParent() : parent;
        if (project == null || !Files.isDirectory(project.resolve(ModelLoader.PROJECT_MODELS))) {
            return List.of();
        }
        List<ObjectNode> out = new ArrayList<>();
        try {
            for (var modelFile : new ModelLoader().loadAll(project)) {
                if (!modelFile.path().toAbsolutePath().equals(file.toAbsolutePath())) {
                    modelFile.models().forEach(m -> out.add(m.request()));
                }
            }
        } catch (ModelReadException e) {
            return List.of(); // a broken sibling: the model still simulates on its own
        }
        return out;
    }

    void savedAs(Path target) {
        this.file = target;
        unsavedOrigin.set(false);
    }

    ModelDocument document() {
        return document;
    }

    List<LoadedInput> inputs() {
        return inputs;
    }

    List<Input> inputDefinitions() {
        return document.inputs();
    }

    List<Diagnostic> problems() {
        return problems;
    }

    String recoveryId() {
        return recoveryId;
    }

    String name() {
        return document.model().detectorModelName();
    }

    /** The current model as a request tree (what validation and the engine read). */
    LoadedModel model() {
        return document.loadedModel();
    }

    /** Unsaved edits, or a model that never was saved where it belongs (template, recovered). */
    BooleanBinding dirtyProperty() {
        if (dirty == null) {
            dirty = Bindings.or(document.commands().dirtyProperty(), unsavedOrigin);
        }
        return dirty;
    }

    /** Problems of the current (possibly edited) model, located in the bytes it would be saved as. */
    List<Diagnostic> validateNow() throws ModelReadException {
        byte[] bytes = document.modelBytes();
        ModelFile read = new ModelLoader().load(file == null ? Path.of("untitled.json") : file, bytes);
        return new Validator().validate(read, read.models().get(0), inputs, !inputs.isEmpty());
    }

    /** Saves model and layout (atomically) to {@code target}, which becomes the file. */
    void save(Path target, double zoom) throws IOException {
        document.save(target, zoom);
        savedAs(target);
    }
}
