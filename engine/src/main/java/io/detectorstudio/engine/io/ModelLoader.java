package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Reads any accepted model file, detecting its shape from the content. */
public final class ModelLoader {

    /** The model file of a project folder. */
    public static final String PROJECT_MODEL = "model.json";
    /** The folder of a project's further models (several models sharing the project's inputs). */
    public static final String PROJECT_MODELS = "models";

    private final LocatingReader reader = new LocatingReader();
    private final Map<String, String> parameters;

    public ModelLoader() {
        this(Map.of());
    }

    /**
     * @param parameters values for a CloudFormation template's {@code Parameters} and pseudo-parameters
     *                   ({@code AWS::Region}, {@code AWS::AccountId}, {@code AWS::StackName}, …); those not given
     *                   take their default with a DS-CFN-PARAMETER-DEFAULT warning
     */
    public ModelLoader(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    public ModelFile load(Path path) throws ModelReadException {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                return loadProject(path);
            }
            long size = Files.size(path);
            if (size > LocatingReader.MAX_BYTES) {
                throw new ModelReadException("file is " + size / (1024 * 1024) + " MB; models are at most "
                        + LocatingReader.MAX_BYTES / (1024 * 1024) + " MB", 0, 0);
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ModelReadException("cannot read " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, 0);
        }
        return load(path, bytes);
    }

    /**
     * Every model a path holds: a file is itself; a project folder is its {@code model.json} (when present) and
     * every {@code models/*.json} (several detector models sharing the project's inputs, issue 14 item 9), each
     * file with the project's inputs so its diagnostics locate in it.
     */
    public List<ModelFile> loadAll(Path path) throws ModelReadException {
        if (!Files.isDirectory(path)) {
            return List.of(load(path));
        }
        Path models = path.resolve(PROJECT_MODELS);
        if (!Files.isDirectory(models)) {
            return List.of(load(path));
        }
        try {
            List<LoadedInput> inputs = projectInputs(path);
            List<Path> files = new ArrayList<>();
            if (Files.isRegularFile(path.resolve(PROJECT_MODEL))) {
                files.add(path.resolve(PROJECT_MODEL));
            }
            try (var listed = Files.list(models)) {
                listed.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".layout.json"))
                        .sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new ModelReadException(path + " has an empty " + PROJECT_MODELS + "/ folder and no "
                        + PROJECT_MODEL, 0, 0);
            }
            List<ModelFile> out = new ArrayList<>();
            for (Path file : files) {
                ModelFile read = load(file);
                List<LoadedInput> all = new ArrayList<>(read.inputs());
                all.addAll(inputs);
                out.add(new ModelFile(read.path(), read.shape(), read.source(), read.models(), List.copyOf(all),
                        read.readDiagnostics()));
            }
            return out;
        } catch (IOException e) {
            throw new ModelReadException("cannot read " + path + ": " + e.getMessage(), 0, 0);
        }
    }

    private List<LoadedInput> projectInputs(Path folder) throws ModelReadException, IOException {
        List<LoadedInput> inputs = new ArrayList<>();
        Path inputFolder = folder.resolve("inputs");
        if (Files.isDirectory(inputFolder)) {
            try (var files = Files.list(inputFolder)) {
                for (Path input : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    inputs.addAll(load(input).inputs());
                }
            }
        }
        return inputs;
    }

    /**
     * A Detector Studio project: a folder with {@code model.json} (any accepted shape), input definitions in
     * {@code inputs/*.json}, and optionally {@code model.layout.json} and {@code scenarios/} (as the samples are).
     * The model's diagnostics locate in {@code model.json}; the project's inputs come with it.
     */
    private ModelFile loadProject(Path folder) throws ModelReadException, IOException {
        Path model = folder.resolve(PROJECT_MODEL);
        if (!Files.isRegularFile(model) && Files.isDirectory(folder.resolve(PROJECT_MODELS))) {
            List<ModelFile> all = loadAll(folder);
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new ModelReadException(folder + " holds " + all.size() + " models in " + PROJECT_MODELS + "/; this"
                    + " command reads one: name its file (" + folder.resolve(PROJECT_MODELS) + "/…)", 0, 0);
        }
        if (!Files.isRegularFile(model)) {
            throw new ModelReadException(folder + " is a folder but not a Detector Studio project: it has no "
                    + PROJECT_MODEL + " (a project is a folder with model.json, optional inputs/*.json, scenarios/ "
                    + "and model.layout.json)", 0, 0);
        }
        ModelFile file = load(model);
        List<LoadedInput> inputs = new ArrayList<>(file.inputs());
        inputs.addAll(projectInputs(folder));
        return new ModelFile(file.path(), file.shape(), file.source(), file.models(), List.copyOf(inputs),
                file.readDiagnostics());
    }

    public ModelFile load(Path path, byte[] bytes) throws ModelReadException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase();
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        LocatedJson source = reader.read(bytes, yaml);
        JsonNode root = source.root();
        if (!root.isObject()) {
            SourceRange r = source.rangeOf("$");
            throw new ModelReadException("expected a JSON object (a CreateDetectorModel request, a Describe response "
                    + "or a CloudFormation template) but found " + kind(root), r.line(), r.column());
        }
        ObjectNode object = (ObjectNode) root;
        List<Diagnostic> problems = new ArrayList<>();
        if (object.has("Resources") || object.has("AWSTemplateFormatVersion")) {
            CloudFormationImport cfn = new CloudFormationImport(object, problems, parameters);
            return new ModelFile(path, ModelShape.CLOUDFORMATION, source, cfn.models(), cfn.inputs(), problems);
        }
        if (object.path("detectorModel").has("detectorModelDefinition")) {
            return new ModelFile(path, ModelShape.DESCRIBE_RESPONSE, source,
                    List.of(fromDescribe((ObjectNode) object.get("detectorModel"))), inputsOf(object), problems);
        }
        if (object.has("detectorModelDefinition")) {
            String modelName = object.path("detectorModelName").asText("");
            return new ModelFile(path, ModelShape.REQUEST, source,
                    List.of(new LoadedModel(modelName, object, UnaryOperator.identity())), List.of(), problems);
        }
        if (object.has("inputName") && object.has("inputDefinition")) {
            return new ModelFile(path, ModelShape.REQUEST, source, List.of(),
                    List.of(new LoadedInput(object.path("inputName").asText(), object)), problems);
        }
        if (object.path("input").has("inputDefinition")) {
            return new ModelFile(path, ModelShape.DESCRIBE_RESPONSE, source, List.of(), inputsOf(object), problems);
        }
        SourceRange r = source.rangeOf("$");
        throw new ModelReadException("not a detector model: expected 'detectorModelDefinition' (CreateDetectorModel "
                + "request), 'detectorModel' (Describe response / console export) or 'Resources' (CloudFormation); "
                + "found keys " + keys(object), r.line(), r.column());
    }

    /** Describe response / console export: configuration + definition become a request; unknown fields stay. */
    private static LoadedModel fromDescribe(ObjectNode detectorModel) {
        ObjectNode request = detectorModel.objectNode();
        JsonNode config = detectorModel.path("detectorModelConfiguration");
        for (String field : List.of("detectorModelName", "detectorModelDescription", "key", "roleArn",
                "evaluationMethod")) {
            if (config.has(field)) {
                request.set(field, config.get(field));
            }
        }
        request.set("detectorModelDefinition", detectorModel.get("detectorModelDefinition"));
        UnaryOperator<String> toFile = p -> p.startsWith("$.detectorModelDefinition")
                ? "$.detectorModel" + p.substring(1)
                : "$.detectorModel.detectorModelConfiguration" + p.substring(1);
        return new LoadedModel(request.path("detectorModelName").asText(""), request, toFile,
                config.path("detectorModelVersion").isTextual() ? config.get("detectorModelVersion").asText() : null);
    }

    private static List<LoadedInput> inputsOf(ObjectNode root) {
        List<LoadedInput> inputs = new ArrayList<>();
        JsonNode list = root.has("inputs") ? root.get("inputs") : root.has("input") ? root.get("input") : null;
        if (list == null) {
            return inputs;
        }
        Iterable<JsonNode> items = list.isArray() ? list : List.of(list);
        for (JsonNode item : items) {
            JsonNode config = item.path("inputConfiguration");
            String name = item.has("inputName") ? item.get("inputName").asText() : config.path("inputName").asText();
            ObjectNode request = item.isObject() ? ((ObjectNode) item).objectNode() : null;
            if (request == null) {
                continue;
            }
            request.put("inputName", name);
            if (config.has("inputDescription")) {
                request.set("inputDescription", config.get("inputDescription"));
            }
            request.set("inputDefinition", item.path("inputDefinition"));
            inputs.add(new LoadedInput(name, request));
        }
        return inputs;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String keys(ObjectNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext() && names.size() < 6; ) {
            names.add(it.next().getKey());
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
