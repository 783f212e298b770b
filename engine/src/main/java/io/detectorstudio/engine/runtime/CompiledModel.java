package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.CompiledExpression;
import io.detectorstudio.engine.expr.ExpressionCompiler;
import io.detectorstudio.engine.expr.ExpressionOptions;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.IotTopicPublishAction;
import io.detectorstudio.engine.model.JsonPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector model prepared for running: every condition and action expression compiled once against the
 * model's {@link SymbolTable} (variables and inputs become slots), states indexed, routed inputs known (§C.1).
 */
final class CompiledModel {

    private static final Pattern INPUT_REFERENCE = Pattern.compile("\\$input\\.(`[^`]+`|[A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern CURRENT_INPUT = Pattern.compile("currentInput\\(\\s*[\"']([^\"']+)[\"']\\s*\\)");
    /** §A.4: the action keys that send something out. */
    static final Set<String> EXTERNAL_ACTIONS = Set.of("iotTopicPublish", "iotEvents", "iotSiteWise", "dynamoDB",
            "dynamoDBv2", "firehose", "lambda", "sns", "sqs");
    /**
     * §A.4: text fields of these actions are expressions; of the others literal text (mqttTopic: a template). They
     * are also the targets whose delivered form is structured, checked when the action runs.
     */
    private static final Set<String> EXPRESSION_FIELD_ACTIONS = Set.of("dynamoDB", "dynamoDBv2", "iotSiteWise");

    record CompiledEvent(String name, CompiledExpression condition, String conditionText,
                         CompiledAction[] actions, String nextState) { }

    record CompiledState(String name, CompiledEvent[] onEnter, CompiledEvent[] onInput,
                         CompiledEvent[] transitions, CompiledEvent[] onExit) { }

    final String name;
    final String version;
    final String key;
    final String[] keyPath;
    final boolean serial;
    final String initialState;
    final SymbolTable symbols = new SymbolTable();
    final Map<String, CompiledState> states = new LinkedHashMap<>();
    /** the states in model order: {@link #state} finds an instance's state by its name's identity first */
    private final CompiledState[] stateList;
    final Set<String> routedInputs = new HashSet<>();
    private static final int[] NO_PATHS = new int[0];
    /** by input slot: its {@code $input} path slots; by path slot: an expression reading it */
    private final int[][] pathsByInput;
    private final CompiledExpression[] pathReaders;
    private final PayloadReader[] payloadReaders;
    /** by input slot: its messages' flat cycles ({@link FlatPlan}), or null where no state is flat */
    private final FlatPlan[] flatPlans;
    private final ExpressionCompiler compiler = new ExpressionCompiler(symbols, ExpressionOptions.DEFAULTS);
    private final Map<String, CompiledExpression> expressions = new HashMap<>();

    CompiledModel(ObjectNode request, String version) {
        this.name = request.path("detectorModelName").asText("");
        this.version = version;
        this.key = request.path("key").asText(null);
        this.keyPath = key == null ? null : JsonPaths.segments(key).toArray(String[]::new);
        this.serial = "SERIAL".equals(request.path("evaluationMethod").asText());
        JsonNode definition = request.path("detectorModelDefinition");
        for (JsonNode state : definition.path("states")) {
            String stateName = state.path("stateName").asText().intern(); // as transitions name it: see events
            states.put(stateName, new CompiledState(stateName, events(state.path("onEnter").path("events")),
                    events(state.path("onInput").path("events")),
                    events(state.path("onInput").path("transitionEvents")),
                    events(state.path("onExit").path("events"))));
        }
        this.stateList = states.values().toArray(CompiledState[]::new);
        this.initialState = stateName(definition.path("initialStateName").asText());
        String text = definition.toString();
        Matcher m = INPUT_REFERENCE.matcher(text);
        while (m.find()) {
            routedInputs.add(m.group(1).replace("`", ""));
        }
        m = CURRENT_INPUT.matcher(text.replace("\\\"", "\""));
        while (m.find()) {
            routedInputs.add(m.group(1));
        }
        routedInputs.forEach(symbols::inputSlot);
        pathReaders = new CompiledExpression[symbols.inputPathCount()];
        int[] counts = new int[symbols.inputCount()];
        for (int pathSlot = 0; pathSlot < pathReaders.length; pathSlot++) {
            pathReaders[pathSlot] = compiler.inputPath(pathSlot);
            counts[symbols.pathInput(pathSlot)]++;
        }
        pathsByInput = new int[counts.length][];
        for (int input = 0; input < counts.length; input++) {
            pathsByInput[input] = new int[counts[input]];
            counts[input] = 0;
        }
        for (int pathSlot = 0; pathSlot < pathReaders.length; pathSlot++) {
            int input = symbols.pathInput(pathSlot);
            pathsByInput[input][counts[input]++] = pathSlot;
        }
        payloadReaders = new PayloadReader[counts.length];
        for (int input = 0; input < counts.length; input++) {
            payloadReaders[input] = new PayloadReader(PreparedMessage.JSON, keyPath, symbols, pathsByInput[input]);
        }
        flatPlans = new FlatPlan[counts.length]; // last: it reads the compiled states and path slots
        for (int input = 0; input < counts.length; input++) {
            flatPlans[input] = FlatPlan.compile(this, input);
        }
    }

    /**
     * The state of this name, or null. Instances hold the state's own name object ({@link #stateName}), so a
     * comparison of references finds it without hashing; any other equal name is found by the map.
     */
    CompiledState state(String name) {
        for (CompiledState s : stateList) {
            if (s.name() == name) {
                return s;
            }
        }
        return states.get(name);
    }

    /** The place of the state of this name in {@link #stateList}, found as {@link #state} finds it; −1 if none. */
    int stateIndex(String name) {
        for (int i = 0; i < stateList.length; i++) {
            if (stateList[i].name() == name) {
                return i;
            }
        }
        CompiledState s = states.get(name);
        return s == null ? -1 : stateIndex(s.name());
    }

    /** The states in model order. */
    List<CompiledState> stateList() {
        return List.of(stateList);
    }

    /** The flat cycles of messages on this input ({@link FlatPlan}), or null. */
    FlatPlan flatPlan(int inputSlot) {
        return inputSlot >= 0 && inputSlot < flatPlans.length ? flatPlans[inputSlot] : null;
    }

    /** The name as the model's state of that name holds it (the same characters), or the name itself. */
    String stateName(String name) {
        CompiledState s = states.get(name);
        return s != null ? s.name() : name;
    }

    /** What this model reads of an input's payloads: its key and its paths (an input it does not read: null). */
    PayloadReader payloadReader(int inputSlot) {
        return inputSlot >= 0 && inputSlot < payloadReaders.length ? payloadReaders[inputSlot] : null;
    }

    /** The {@code $input} path slots of an input (what §C.7 retention keeps of its payloads). */
    int[] pathsRead(int inputSlot) {
        return inputSlot < pathsByInput.length ? pathsByInput[inputSlot] : NO_PATHS;
    }

    /** Reads one path slot on a cycle: the value a reference to it gives. */
    CompiledExpression pathReader(int pathSlot) {
        return pathReaders[pathSlot];
    }

    private CompiledEvent[] events(JsonNode list) {
        List<CompiledEvent> out = new ArrayList<>();
        for (JsonNode event : list) {
            String condition = event.has("condition") ? event.get("condition").asText() : null;
            List<CompiledAction> actions = new ArrayList<>();
            event.path("actions").forEach(a -> actions.add(action(a)));
            out.add(new CompiledEvent(event.path("eventName").asText(), condition == null ? null : expression(condition),
                    condition, actions.toArray(CompiledAction[]::new),
                    // interned as the state names are, so that {@link #state} finds the next state by identity
                    event.has("nextState") ? event.get("nextState").asText().intern() : null));
        }
        return out.toArray(CompiledEvent[]::new);
    }

    private CompiledAction action(JsonNode action) {
        Iterator<Map.Entry<String, JsonNode>> fields = action.fields();
        if (!fields.hasNext()) {
            return new CompiledAction.Malformed("unknown", "the action object is empty");
        }
        Map.Entry<String, JsonNode> entry = fields.next();
        String type = entry.getKey();
        JsonNode spec = entry.getValue();
        return switch (type) {
            case "setVariable" -> {
                String variable = spec.path("variableName").asText();
                String value = spec.path("value").asText();
                yield new CompiledAction.SetVariable(variable, symbols.variableSlot(variable), expression(value), value);
            }
            case "setTimer" -> new CompiledAction.SetTimer(spec.path("timerName").asText(),
                    spec.has("durationExpression") ? null : spec.path("seconds").asLong(),
                    spec.has("durationExpression") ? expression(spec.get("durationExpression").asText()) : null);
            case "resetTimer" -> new CompiledAction.ResetTimer(spec.path("timerName").asText());
            case "clearTimer" -> new CompiledAction.ClearTimer(spec.path("timerName").asText());
            default -> EXTERNAL_ACTIONS.contains(type) ? external(type, spec) : new CompiledAction.Unknown(type);
        };
    }

    private CompiledAction external(String type, JsonNode spec) {
        ObjectNode literal = Values.JSON.objectNode();
        List<CompiledAction.EvaluatedField> evaluated = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("payload")) {
                continue;
            }
            literal.set(field.getKey(), value);
            if (EXPRESSION_FIELD_ACTIONS.contains(type)) {
                expressionFields(List.of(field.getKey()), value, evaluated);
            } else if (value.isTextual() && type.equals("iotTopicPublish") && field.getKey().equals("mqttTopic")
                    && IotTopicPublishAction.topicKind(value.asText()) == FieldKind.EXPRESSION) {
                evaluated.add(new CompiledAction.EvaluatedField(field.getKey(), List.of(field.getKey()),
                        expression(value.asText()), true));
            } else if (value.isTextual() && type.equals("iotTopicPublish") && value.asText().contains("${")) {
                evaluated.add(new CompiledAction.EvaluatedField(field.getKey(), List.of(field.getKey()),
                        compiler.compile(Parser.parseTemplate(value.asText(), ExpressionOptions.DEFAULTS).expr()), true));
            }
        }
        JsonNode payload = spec.path("payload");
        CompiledExpression content = payload.has("contentExpression")
                ? expression(payload.get("contentExpression").asText()) : null;
        return new CompiledAction.External(type, literal, List.copyOf(evaluated), content,
                content == null ? null : payload.path("type").asText("JSON"), spec.path("inputName").asText(null),
                !type.equals("iotSiteWise"), EXPRESSION_FIELD_ACTIONS.contains(type), type.equals("iotEvents"));
    }

    /** §A.4: every text member of dynamoDB, dynamoDBv2 and iotSiteWise is an expression, nested ones included. */
    private void expressionFields(List<String> path, JsonNode value, List<CompiledAction.EvaluatedField> out) {
        if (value.isTextual()) {
            out.add(new CompiledAction.EvaluatedField(String.join(".", path), path, expression(value.asText()), false));
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                List<String> longer = new ArrayList<>(path);
                longer.add(member.getKey());
                expressionFields(List.copyOf(longer), member.getValue(), out);
            }
        }
    }

    /** Compiles each distinct expression text once; broken text compiles to nodes that evaluate to invalid. */
    CompiledExpression expression(String text) {
        return expressions.computeIfAbsent(text, compiler::compile);
    }
}
