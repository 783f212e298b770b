package io.detectorstudio.simulator.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.diagnostics.DidYouMean;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.LocatedJson;
import io.detectorstudio.engine.io.LocatingReader;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.io.SourceRange;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.MessageShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code *.scenario.json} / {@code *.scenario.yaml} and checks every field, with located messages. */
public final class ScenarioReader {

    static final Set<String> STEP_KINDS = Set.of("message", "messages", "advance", "update", "expect", "expectActions");
    static final Set<String> TOP_LEVEL = Set.of("scenarioVersion", "name", "model", "models", "inputs", "start", "options",
            "steps");
    static final Set<String> OPTIONS = Set.of("retainInputValues");

    /**
     * JSON is read by plain Jackson (the same nodes as {@link LocatingReader}: exact decimals, comments allowed, nothing
     * after the document), which is several times faster and smaller on long scenarios; positions are worked out
     * only when something is wrong. YAML goes through the locating reader.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public Scenario read(Path file) throws ScenarioException {
        projectInputs.clear();
        Context c;
        JsonNode root;
        try {
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
            root = yaml ? null : fastRead(bytes);
            if (root == null) {
                LocatedJson located = new LocatingReader().read(bytes, yaml);
                root = located.root();
                c = new Context(file, bytes, new LocatedJson[] {located});
            } else {
                c = new Context(file, bytes, new LocatedJson[1]);
            }
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "$", 0, 0, "cannot read the scenario: " + e);
        } catch (ModelReadException e) {
            throw new ScenarioException(file.toString(), "$", e.line(), e.column(), e.getMessage());
        }
        if (!root.isObject()) {
            throw c.error("$", "a scenario is a JSON object with scenarioVersion, model and steps");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP_LEVEL.contains(field)) {
                throw c.error("$." + field, "unknown field '" + field + "'; valid: " + String.join(", ", TOP_LEVEL));
            }
        }
        if (root.path("scenarioVersion").asInt(-1) != 1 || !root.path("scenarioVersion").isIntegralNumber()) {
            throw c.error(root.has("scenarioVersion") ? "$.scenarioVersion" : "$", "scenarioVersion must be 1");
        }
        List<LoadedModel> loaded = models(c, root);
        Map<String, Boolean> keyedByName = new LinkedHashMap<>();
        loaded.forEach(m -> keyedByName.put(m.request().path("detectorModelName").asText(""), m.request().hasNonNull("key")));
        ObjectNode model = loaded.get(0).request();
        boolean keyed = model.hasNonNull("key");
        long start = 0;
        if (root.has("start")) {
            try {
                start = Instant.parse(root.get("start").asText()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw c.error("$.start", "start must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            }
        }
        EngineOptions options = EngineOptions.DEFAULTS;
        JsonNode opts = root.path("options");
        if (!opts.isMissingNode()) {
            if (!opts.isObject()) {
                throw c.error("$.options", "options must be an object");
            }
            for (Iterator<String> it = opts.fieldNames(); it.hasNext(); ) {
                String option = it.next();
                if (!OPTIONS.contains(option)) {
                    throw c.error("$.options." + option, "unknown option '" + option + "'; valid: "
                            + String.join(", ", OPTIONS));
                }
            }
            if (opts.has("retainInputValues")) {
                if (!opts.get("retainInputValues").isBoolean()) {
                    throw c.error("$.options.retainInputValues", "retainInputValues must be true or false");
                }
                options = options.withRetainInputValues(opts.get("retainInputValues").asBoolean());
            }
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) {
            throw c.error(root.has("steps") ? "$.steps" : "$", "steps must be an array of step objects");
        }
        List<Scenario.Step> list = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            list.add(step(c, steps.get(i), "$.steps[" + i + "]", i, keyedByName));
        }
        String name = root.has("name") ? root.get("name").asText() : file.getFileName().toString();
        List<String> inputNames = inputs(c, root.path("inputs"));
        loaded.stream().flatMap(m -> projectInputs.getOrDefault(m, List.of()).stream()).forEach(n -> {
            if (!inputNames.contains(n)) {
                inputNames.add(n);
            }
        });
        return new Scenario(file, name, model, loaded.stream().map(LoadedModel::request).toList(),
                loaded.stream().map(LoadedModel::version).toList(), inputNames, keyed, start, options, list);
    }

    private List<String> inputs(Context c, JsonNode inputs) throws ScenarioException {
        List<String> names = new ArrayList<>();
        if (inputs.isMissingNode()) {
            return names;
        }
        if (!inputs.isArray()) {
            throw c.error("$.inputs", "inputs must be an array of paths or CreateInput objects");
        }
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            String at = "$.inputs[" + i + "]";
            if (input.isObject() && input.path("inputName").isTextual()) {
                names.add(input.get("inputName").asText());
            } else if (input.isTextual()) {
                Path path = c.file.toAbsolutePath().getParent().resolve(input.asText()).normalize();
                if (!Files.exists(path)) {
                    throw c.error(at, "input file " + path + " does not exist");
                }
                try {
                    new ModelLoader().load(path).inputs().forEach(in -> names.add(in.name()));
                } catch (ModelReadException e) {
                    throw c.error(at, "the input file cannot be read: " + e.getMessage());
                }
            } else {
                throw c.error(at, "an input is a path (string) or a CreateInput object with inputName");
            }
        }
        return names;
    }

    /** The inputs of the project folders {@code models} named, declared with their models. */
    private final Map<LoadedModel, List<String>> projectInputs = new java.util.IdentityHashMap<>();

    /** {@code model} or {@code models} (several models sharing inputs; a project folder holds them all). */
    private List<LoadedModel> models(Context c, JsonNode root) throws ScenarioException {
        if (root.has("model") && root.has("models")) {
            throw c.error("$.models", "give either 'model' or 'models', not both");
        }
        if (root.has("model")) {
            return List.of(model(c, root.get("model"), "$.model"));
        }
        JsonNode models = root.get("models");
        if (models == null) {
            throw c.error("$", "the scenario has no 'model': give a path relative to the scenario file or the model inline"
                    + " ('models' for several)");
        }
        List<LoadedModel> out = new ArrayList<>();
        if (models.isTextual()) {
            Path folder = c.file.toAbsolutePath().getParent().resolve(models.asText()).normalize();
            try {
                for (ModelFile file : new ModelLoader().loadAll(folder)) {
                    for (LoadedModel m : file.models()) {
                        out.add(m);
                        projectInputs.put(m, file.inputs().stream().map(in -> in.name()).toList());
                    }
                }
            } catch (ModelReadException e) {
                throw c.error("$.models", "the project cannot be read: " + e.getMessage());
            }
        } else if (models.isArray() && !models.isEmpty()) {
            for (int i = 0; i < models.size(); i++) {
                out.add(model(c, models.get(i), "$.models[" + i + "]"));
            }
        } else {
            throw c.error("$.models", "models must be a non-empty array of paths or inline models, or a project folder");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            if (!names.add(out.get(i).request().path("detectorModelName").asText(""))) {
                throw c.error("$.models", "two models are named '" + out.get(i).request().path("detectorModelName")
                        .asText("") + "'; every model needs its own detectorModelName");
            }
        }
        if (out.isEmpty()) {
            throw c.error("$.models", "no detector model found");
        }
        return out;
    }

    private LoadedModel model(Context c, JsonNode model, String at) throws ScenarioException {
        try {
            if (model.isTextual()) {
                Path path = c.file.toAbsolutePath().getParent().resolve(model.asText()).normalize();
                if (!Files.exists(path)) {
                    throw c.error(at, "model file " + path + " does not exist");
                }
                ModelFile file = new ModelLoader().load(path);
                LoadedModel loaded = file.model(null);
                projectInputs.put(loaded, file.inputs().stream().map(in -> in.name()).toList());
                return loaded;
            }
            if (model.isObject()) {
                return new ModelLoader().load(c.file, model.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .model(null);
            }
        } catch (ModelReadException e) {
            throw c.error(at, "the model cannot be read: " + e.getMessage());
        }
        throw c.error(at, "model must be a path (string) or an inline model object");
    }

    private Scenario.Step step(Context c, JsonNode step, String path, int index, Map<String, Boolean> models)
            throws ScenarioException {
        if (!step.isObject() || step.size() != 1) {
            throw c.error(path, "each step is an object with exactly one of: " + String.join(", ", STEP_KINDS));
        }
        String kind = step.fieldNames().next();
        JsonNode value = step.get(kind);
        String at = path + "." + kind;
        switch (kind) {
            case "message" -> message(c, value, at);
            case "messages" -> {
                if (!value.isArray() || value.isEmpty()) {
                    throw c.error(at, "messages must be a non-empty array of messages");
                }
                for (int i = 0; i < value.size(); i++) {
                    message(c, value.get(i), at + "[" + i + "]");
                }
            }
            case "advance" -> {
                if (!value.isNumber() && (!value.isTextual() || MessageShapes.durationMillis(value) == null)) {
                    throw c.error(at, "advance must be an ISO-8601 duration such as \"PT90S\" or a number of seconds");
                }
            }
            case "update" -> {
                if (!value.isObject() || !value.path("state").path("stateName").isTextual()) {
                    throw c.error(at, "update needs {key?, state: {stateName, variables: [{name, value}], timers: "
                            + "[{name, seconds}]}}");
                }
                requireKey(c, value, at, models);
            }
            case "expect" -> {
                if (!value.isObject()) {
                    throw c.error(at, "expect must be an object {key?, state?, variables?, timers?, exists?}");
                }
                for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!Set.of("model", "key", "state", "variables", "timers", "exists").contains(f)) {
                        throw c.error(at + "." + f, "unknown field '" + f + "'; valid: model, key, state, variables,"
                                + " timers, exists");
                    }
                }
                if (value.has("state") && !value.get("state").isTextual()) {
                    throw c.error(at + ".state", "state must be a state name (string)");
                }
                if (value.has("variables") && !value.get("variables").isObject()) {
                    throw c.error(at + ".variables", "variables must map names to expected values");
                }
                if (value.has("timers")) {
                    if (!value.get("timers").isObject()) {
                        throw c.error(at + ".timers", "timers must map names to seconds left (integer) or null");
                    }
                    for (Iterator<String> it = value.get("timers").fieldNames(); it.hasNext(); ) {
                        String t = it.next();
                        JsonNode s = value.get("timers").get(t);
                        if (!s.isNull() && !s.isIntegralNumber()) {
                            throw c.error(at + ".timers." + t, "seconds left must be an integer or null");
                        }
                    }
                }
                if (value.has("exists") && !value.get("exists").isBoolean()) {
                    throw c.error(at + ".exists", "exists must be true or false");
                }
                requireKey(c, value, at, models);
            }
            case "expectActions" -> {
                if (!value.isArray()) {
                    throw c.error(at, "expectActions must be an array of partial action objects ([] for none)");
                }
            }
            default -> throw c.error(path + "." + kind, "unknown step kind '" + kind + "'; valid: "
                    + String.join(", ", STEP_KINDS));
        }
        return new Scenario.Step(index, kind, value);
    }

    /** With several models a step names its model; a keyed model's step names its instance. */
    private static void requireKey(Context c, JsonNode value, String at, Map<String, Boolean> models)
            throws ScenarioException {
        String model = models.keySet().iterator().next();
        if (value.has("model")) {
            model = value.get("model").asText();
            if (!models.containsKey(model)) {
                throw c.error(at + ".model", "no model named '" + model + "'" + DidYouMean.hint(model, models.keySet())
                        + " Models: " + String.join(", ", models.keySet()));
            }
        } else if (models.size() > 1) {
            throw c.error(at, "the scenario has several models, so this step needs \"model\" naming one of: "
                    + String.join(", ", models.keySet()));
        }
        if (models.get(model) && !value.has("key")) {
            throw c.error(at, "the model has a key, so this step needs \"key\" naming the detector instance");
        }
    }

    private static void message(Context c, JsonNode m, String at) throws ScenarioException {
        if (!m.isObject()) {
            throw c.error(at, "a message is {inputName, payload, messageId?, timestamp?}");
        }
        if (!m.path("inputName").isTextual()) {
            throw c.error(m.has("inputName") ? at + ".inputName" : at, "inputName must be a string naming the input");
        }
        try {
            MessageShapes.payload(m.get("payload"));
        } catch (IllegalArgumentException e) {
            throw c.error(m.has("payload") ? at + ".payload" : at, e.getMessage());
        }
        if (m.has("timestamp")) {
            try {
                MessageShapes.timestamp(m.get("timestamp"));
            } catch (IllegalArgumentException e) {
                throw c.error(at + ".timestamp", e.getMessage());
            }
        }
        if (m.has("messageId") && !m.get("messageId").isTextual()) {
            throw c.error(at + ".messageId", "messageId must be a string");
        }
    }

    /** The tree, or null when plain Jackson cannot read it (the locating reader then says where and why). */
    private static JsonNode fastRead(byte[] bytes) {
        if (bytes.length > LocatingReader.MAX_BYTES) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            return root == null || root.isMissingNode() ? null : root;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file and, once an error needs positions, its located reading (computed at most once). */
    private record Context(Path file, byte[] bytes, LocatedJson[] located) {
        ScenarioException error(String path, String message) {
            if (located[0] == null) {
                try {
                    located[0] = new LocatingReader().read(bytes, false);
                } catch (ModelReadException e) {
                    return new ScenarioException(file.toString(), path, 0, 0, message);
                }
            }
            String p = path;
            SourceRange r = located[0].rangeOf(p);
            while (r == SourceRange.UNKNOWN && p.length() > 1) {
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut <= 0 ? "$" : p.substring(0, cut);
                r = located[0].rangeOf(p);
            }
            return new ScenarioException(file.toString(), path, r.line(), r.column(), message);
        }
    }
}
