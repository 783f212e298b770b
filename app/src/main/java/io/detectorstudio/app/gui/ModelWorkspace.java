package io.detectorstudio.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.files.InputFiles;
import io.detectorstudio.app.gui.files.RecoveryStore;
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
import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.engine.io.ModelWriter;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import java.nio.charset.StandardCharsets;
import io.detectorstudio.engine.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path file;
    private final ModelDocument document;
    private final InputFiles inputFiles;
    private final List<Diagnostic> problems;
    /** CloudFormation template parameters the model was read with ({@code --parameter}'s values). */
    private final Map<String, String> parameters;
    private final boolean template;
    private final String recoveryId = io.detectorstudio.app.gui.files.RecoveryStore.newId();
    private final BooleanProperty unsavedOrigin = new SimpleBooleanProperty();
    private BooleanBinding dirty;
    /** The model as read and its bytes (null unless the file is request JSON): unedited, it is saved as read. */
    private final DetectorModel originalModel;
    private final byte[] originalBytes;

    private ModelWorkspace(Path file, ModelDocument document, InputFiles inputFiles, List<Diagnostic> problems,
                           Map<String, String> parameters, boolean template, boolean unsavedOrigin,
                           byte[] originalBytes) {
        this.file = file;
        this.originalModel = document.model();
        this.originalBytes = originalBytes;
        this.parameters = Map.copyOf(parameters);
        this.template = template;
        this.document = document;
        this.inputFiles = inputFiles;
        this.problems = problems;
        this.unsavedOrigin.set(unsavedOrigin);
    }

    static ModelWorkspace open(Path file) throws IOException, ModelReadException, LayoutSidecar.LayoutException {
        return open(file, Map.of());
    }

    /** Reads {@code file} with values for a CloudFormation template's parameters (ignored by other shapes). */
    static ModelWorkspace open(Path file, Map<String, String> parameters) throws IOException, ModelReadException,
            LayoutSidecar.LayoutException {
        return read(file, Files.readAllBytes(file), file, parameters, false, null, null);
    }

    /**
     * A model from bytes that are not (yet) the file's: a template ({@code file} null) or a recovered model
     * ({@code file} the file it belongs to, which may differ from the bytes on disk).
     */
    static ModelWorkspace fromBytes(Path file, byte[] bytes) throws IOException, ModelReadException,
            LayoutSidecar.LayoutException {
        return read(file == null ? Path.of("untitled.json") : file, bytes, file, Map.of(), true, null, null);
    }

    /**
     * A model recovered after a crash from the parts kept of it ({@link RecoveryStore.Parts}). Kept input
     * definitions replace those read beside the file, whose files still belong to the model, so a save rewrites or
     * removes them; a kept layout replaces the file's sidecar. A part not kept: what is beside the file.
     */
    static ModelWorkspace recovered(Path file, RecoveryStore.Parts kept) throws IOException,
            ModelReadException, LayoutSidecar.LayoutException {
        DiagramLayout layout = kept.layout() == null ? null
                : LayoutSidecar.parse(new String(kept.layout(), StandardCharsets.UTF_8));
        return read(file == null ? Path.of("untitled.json") : file, kept.model(), file, Map.of(), true,
                kept.inputs() == null ? null : definitionsOf(kept.inputs()), layout);
    }

    private static List<Input> definitionsOf(byte[] inputsJson) throws IOException, ModelReadException {
        List<Input> out = new ArrayList<>();
        ModelLoader loader = new ModelLoader();
        for (JsonNode request : JSON.readTree(inputsJson)) {
            loader.load(Path.of("input.json"), JSON.writeValueAsBytes(request)).inputs()
                    .forEach(i -> out.add(i.input()));
        }
        return out;
    }

    private static ModelWorkspace read(Path source, byte[] bytes, Path file, Map<String, String> parameters,
                                       boolean unsaved, List<Input> definitions, DiagramLayout keptLayout)
            throws IOException, ModelReadException,
            LayoutSidecar.LayoutException {
        ModelLoader loader = new ModelLoader(parameters);
        ModelFile read = loader.load(source, bytes);
        if (read.models().isEmpty()) {
            throw new ModelReadException("the file holds no detector model (a model has detectorModelName and "
                    + "detectorModelDefinition)", 1, 1);
        }
        LoadedModel loaded = read.model(read.models().size() == 1 ? null : read.models().get(0).name());
        List<InputFiles.Origin> origins = new ArrayList<>();
        read.inputs().forEach(i -> origins.add(new InputFiles.Origin(i, null)));
        if (file != null) {
            origins.addAll(besideInputs(loader, file));
        }
        InputFiles inputFiles = new InputFiles(origins);
        List<Input> current = definitions != null ? definitions
                : origins.stream().map(o -> o.read().input()).toList();
        List<LoadedInput> inputs = inputFiles.loaded(current);
        DiagramLayout layout = keptLayout != null || file == null ? keptLayout
                : LayoutSidecar.read(LayoutSidecar.sidecarFor(file)).orElse(null);
        boolean request = read.shape() == ModelShape.REQUEST && !unsaved;
        ModelDocument document = new ModelDocument(loaded, current, layout, request ? bytes : null);
        List<Diagnostic> problems = new Validator().validate(read, loaded, inputs, !inputs.isEmpty());
        return new ModelWorkspace(file, document, inputFiles, problems, parameters,
                read.shape() == ModelShape.CLOUDFORMATION, unsaved, request ? bytes : null);
    }

    /** Input definitions in an {@code inputs} folder next to the model (unreadable ones are skipped). */
    private static List<InputFiles.Origin> besideInputs(ModelLoader loader, Path model) {
        Path dir = InputFiles.folderFor(model);
        List<InputFiles.Origin> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    loader.load(f).inputs().forEach(i -> out.add(new InputFiles.Origin(i, f.toAbsolutePath())));
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
        List<ObjectNode> out = new ArrayList<>();
        otherProjectFiles().forEach(f -> f.models().forEach(m -> out.add(m.request())));
        return out;
    }

    /** The files {@link #projectModels} reads, in the same order (a recorded scenario names them). */
    List<Path> projectModelFiles() {
        return otherProjectFiles().stream().map(ModelFile::path).toList();
    }

    private List<ModelFile> otherProjectFiles() {
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        if (parent == null) {
            return List.of();
        }
        Path project = parent.getFileName() != null && parent.getFileName().toString().equals(ModelLoader.PROJECT_MODELS)
                ? parent.getParent() : parent;
        if (project == null || !Files.isDirectory(project.resolve(ModelLoader.PROJECT_MODELS))) {
            return List.of();
        }
        try {
            return new ModelLoader().loadAll(project).stream()
                    .filter(f -> !f.path().toAbsolutePath().equals(file.toAbsolutePath())).toList();
        } catch (ModelReadException e) {
            return List.of(); // a broken sibling: the model still simulates on its own
        }
    }

    ModelDocument document() {
        return document;
    }

    /** The input definitions as they are now (edits included), as request trees. */
    List<LoadedInput> inputs() {
        return inputFiles.loaded(document.inputs());
    }

    List<Input> inputDefinitions() {
        return document.inputs();
    }

    List<Diagnostic> problems() {
        return problems;
    }

    /** True when the file is a CloudFormation template (its parameters can be given: {@link #open(Path, Map)}). */
    boolean isTemplate() {
        return template;
    }

    Map<String, String> parameters() {
        return parameters;
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

    /**
     * The check of the current (possibly edited) model, taken now (on the FX thread) from the document's immutable
     * values; {@link ModelCheck#run} then works on a worker without touching a JavaFX property.
     */
    ModelCheck currentCheck() {
        DetectorModel model = document.model();
        byte[] asRead = originalBytes != null && model.equals(originalModel) ? originalBytes : null;
        return new ModelCheck(source(), document.loadedModel(model), asRead, document.inputs(), inputFiles);
    }

    /** The check of {@code model} with {@code definitions} (e.g. what is being typed, not committed yet). */
    ModelCheck checkOf(DetectorModel model, List<Input> definitions) {
        return new ModelCheck(source(), document.loadedModel(model), null, definitions, inputFiles);
    }

    private Path source() {
        return file == null ? Path.of("untitled.json") : file;
    }

    /**
     * What a save writes, taken on the FX thread: {@link Saving#write} then runs on a worker and {@link #saved}
     * back on the FX thread.
     */
    Saving saving(double zoom) {
        return new Saving(currentCheck(), DiagramLayout.of(document.graphProperty().get(), zoom),
                document.commands().revisionProperty().get());
    }

    /**
     * After {@code saving} was written to {@code target}: that is the file now, and the model counts as saved unless
     * it was edited while the save ran (then what was written is not what is shown).
     */
    void saved(Path target, Saving saving) {
        this.file = target;
        unsavedOrigin.set(false);
        if (document.commands().revisionProperty().get() == saving.revision()) {
            document.commands().markSaved();
        }
    }

    /** An immutable view of the model at one moment, and the check of it; {@link #run} is safe on any thread. */
    record ModelCheck(Path source, LoadedModel model, byte[] bytesAsRead, List<Input> definitions,
                      InputFiles inputFiles) {

        /** The model JSON it would be saved as: the bytes as read while unedited, else the edit over the tree read. */
        byte[] bytes() {
            return bytesAsRead != null ? bytesAsRead.clone()
                    : new ModelWriter().requestJson(model).getBytes(StandardCharsets.UTF_8);
        }

        List<LoadedInput> inputs() {
            return inputFiles.loaded(definitions);
        }

        /** The definitions as a JSON array of CreateInput requests (what the recovery area keeps beside the model). */
        byte[] inputsJson() throws IOException {
            ArrayNode array = JSON.createArrayNode();
            inputs().forEach(i -> array.add(i.request()));
            return JSON.writeValueAsBytes(array);
        }

        List<Diagnostic> run() throws ModelReadException {
            ModelFile read = new ModelLoader().load(source, bytes());
            List<LoadedInput> inputs = inputs();
            return new Validator().validate(read, read.models().get(0), inputs, !inputs.isEmpty());
        }
    }

    /** What a save writes: model, layout and input definitions ({@code inputs/} beside the model), atomically. */
    record Saving(ModelCheck content, DiagramLayout layout, int revision) {
        void write(Path target) throws IOException {
            content.inputFiles().save(target, content.definitions());
            AtomicFiles.write(target, content.bytes());
            AtomicFiles.write(LayoutSidecar.sidecarFor(target), layoutBytes());
        }

        /** The same three parts for the recovery area (an autosave). */
        RecoveryStore.Parts recoveryParts() throws IOException {
            return new RecoveryStore.Parts(content.bytes(), content.inputsJson(), layoutBytes());
        }

        private byte[] layoutBytes() {
            return LayoutSidecar.format(layout).getBytes(StandardCharsets.UTF_8);
        }
    }
}
