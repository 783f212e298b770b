package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The flat plan ({@link FlatPlan}, {@link FlatCycle}) against the general cycle: one engine without a cycle
 * listener (flat cycles wherever the plan fits), one with a listener (always the general path, as traced cycles
 * are), the same messages — read from JSON bytes, so the cycles get readings — and after every message the same
 * states, variables, timers, errors and actions (as their JSON). Over the motor sample, every corpus model and
 * generated models whose conditions and values are mostly flat shapes, with Integer readings mostly (small and
 * beyond the shared ones) and now and then a Decimal, a string or no value at all.
 */
class FlatPlanPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] CONDITIONS = {
        "true", "$input.I.v > 50", "$input.I.v <= 20", "$variable.x > 3", "$variable.x >= 0 && $input.I.v < 90",
        "$input.I.w.n < 7 && $variable.y <= 2 && $input.I.v >= 10", "$input.I.v > 9223372036854775806",
        "$variable.x == 2", "$input.I.v / 2 > 20", // not flat: the state runs on the general path
    };
    private static final String[] VALUES = {
        "0", "$variable.x + 1", "$variable.y - 3", "$input.I.v", "$input.I.v * 3", "$variable.x * 4611686018427387904",
        "9223372036854775807", "$variable.x + 9223372036854775807", "$input.I.w.n - 1",
        "$variable.x + 0.5", // not flat
    };

    @Test
    void theMotorSampleIsFlatInEveryState() throws IOException {
        CompiledModel motor = new CompiledModel(motorSample(), "1");
        FlatPlan plan = motor.flatPlan(motor.symbols.existingInputSlot("PressureInput"));
        assertThat(plan).isNotNull();
        for (CompiledModel.CompiledState state : motor.stateList()) {
            assertThat(plan.state(motor, state.name())).as(state.name()).isNotNull();
        }
    }

    @Property(tries = 60)
    void theMotorSampleRunsAsOnTheGeneralPath(@ForAll long seed) throws IOException {
        sameAsTheGeneralPath(motorSample(), new Random(seed), seed);
    }

    @Property(tries = 200)
    void generatedModelsRunAsOnTheGeneralPath(@ForAll long seed) {
        Random r = new Random(seed);
        sameAsTheGeneralPath(model(r, r.nextBoolean() ? "BATCH" : "SERIAL"), r, seed);
    }

    @Property(tries = 10)
    void corpusModelsRunAsOnTheGeneralPath(@ForAll long seed) throws IOException {
        try (Stream<Path> files = Files.list(SharedCorpus.resolve("corpus/models"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode model = EngineHarness.JSON.readTree(file.toFile());
                if (model.isObject() && model.has("detectorModelDefinition")) {
                    sameAsTheGeneralPath((ObjectNode) model, new Random(seed), seed);
                }
            }
        }
    }

    private static ObjectNode motorSample() throws IOException {
        Path sample = SharedCorpus.root().orElseThrow().getParent().resolve("samples/motor/model.json");
        return (ObjectNode) EngineHarness.JSON.readTree(sample.toFile());
    }

    /** Actions as their JSON; setVariable records only when the sink asks for them. */
    private static final class Recorder implements ActionSink {
        final List<String> actions = new ArrayList<>();
        private final boolean variables;

        Recorder(boolean variables) {
            this.variables = variables;
        }

        @Override
        public boolean receivesVariableActions() {
            return variables;
        }

        @Override
        public void accept(ObjectNode action) {
            // a traced engine hands setVariable records to every sink: what this one would have received
            if (variables || !action.path("type").asText().equals("setVariable")) {
                actions.add(action.toString());
            }
        }
    }

    private static void sameAsTheGeneralPath(ObjectNode model, Random r, long seed) {
        boolean variableRecords = r.nextInt(4) == 0;
        Recorder flatActions = new Recorder(variableRecords);
        Recorder generalActions = new Recorder(variableRecords);
        Engine flat = engine(model, flatActions, false);
        Engine general = engine(model, generalActions, true);
        CompiledModel compiled = new CompiledModel(model, "1");
        List<String> inputs = new ArrayList<>(compiled.routedInputs);
        inputs.sort(null);
        String name = model.path("detectorModelName").asText();
        for (int i = 0; i < 60 && !inputs.isEmpty(); i++) {
            if (r.nextInt(6) == 0) {
                long later = flat.now() + 1000L * r.nextInt(400);
                flat.advanceTo(later);
                general.advanceTo(later);
            }
            String input = inputs.get(r.nextInt(inputs.size()));
            byte[] payload = payload(compiled, input, r).toString().getBytes(StandardCharsets.UTF_8);
            List<MessageError> a = put(flat, input, payload);
            List<MessageError> b = put(general, input, payload);
            String at = "seed " + seed + ", model " + name + ", message " + i + ": " + new String(payload,
                    StandardCharsets.UTF_8);
            assertThat(a).as(at).isEqualTo(b);
            assertThat(flatActions.actions).as(at).isEqualTo(generalActions.actions);
            List<DetectorInstance> x = List.copyOf(flat.instances(name));
            List<DetectorInstance> y = List.copyOf(general.instances(name));
            assertThat(x).as(at).hasSameSizeAs(y);
            for (int k = 0; k < x.size(); k++) {
                assertThat(x.get(k).keyValue()).as(at).isEqualTo(y.get(k).keyValue());
                assertThat(x.get(k).stateName()).as(at).isEqualTo(y.get(k).stateName());
                assertThat(x.get(k).variables()).as(at).isEqualTo(y.get(k).variables());
                assertThat(x.get(k).timerExpiries()).as(at).isEqualTo(y.get(k).timerExpiries());
                assertThat(x.get(k).lastUpdateTimeMillis()).as(at).isEqualTo(y.get(k).lastUpdateTimeMillis());
                assertThat(x.get(k).retainedArray()).as(at).isEqualTo(y.get(k).retainedArray());
            }
        }
    }

    private static Engine engine(ObjectNode model, Recorder recorder, boolean traced) {
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        engine.setActionSink(recorder);
        if (traced) {
            engine.setCycleListener(record -> { }); // a listener: every cycle takes the general path
        }
        engine.putModel(model.deepCopy());
        return engine;
    }

    private static List<MessageError> put(Engine engine, String input, byte[] payload) {
        try {
            return engine.putPrepared(List.of(engine.prepare(input, null, payload, null)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A payload with the model's key (one of four) and a value at every path the model reads of the input. */
    private static ObjectNode payload(CompiledModel model, String input, Random r) {
        ObjectNode payload = NODES.objectNode();
        if (model.keyPath != null) {
            put(payload, List.of((Object[]) model.keyPath), NODES.textNode("k" + r.nextInt(4)));
        }
        int slot = model.symbols.existingInputSlot(input);
        for (int path : model.pathsRead(slot)) {
            if (r.nextInt(12) > 0) {
                put(payload, model.symbols.path(path), value(r));
            }
        }
        return payload;
    }

    private static JsonNode value(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> NODES.numberNode(r.nextLong());
            case 1 -> NODES.numberNode(r.nextInt(200) / 4.0);
            case 2 -> NODES.textNode("on");
            case 3 -> NODES.booleanNode(r.nextBoolean());
            case 4 -> NODES.numberNode(1000 + r.nextInt(2000)); // Integers that are not shared
            default -> NODES.numberNode(r.nextInt(130) - 10);
        };
    }

    /** Sets the value at the path, making the objects and arrays on the way. */
    private static void put(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            Object step = path.get(i);
            boolean last = i == path.size() - 1;
            JsonNode child = last ? value : path.get(i + 1) instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
            if (step instanceof Integer index && node instanceof ArrayNode array) {
                while (array.size() <= index) {
                    array.add(last ? value : child.deepCopy());
                }
                if (last) {
                    array.set(index, value);
                }
                node = array.get(index);
            } else if (step instanceof String field && node instanceof ObjectNode object) {
                if (last || !object.has(field)) {
                    object.set(field, child);
                }
                node = object.get(field);
            } else {
                return; // the path runs through a value set before: leave it
            }
        }
    }

    /** A model of 1–4 states on input I, its conditions and values mostly flat shapes. */
    private static ObjectNode model(Random r, String evaluation) {
        int states = 1 + r.nextInt(4);
        ObjectNode request = NODES.objectNode();
        request.put("detectorModelName", "flat");
        request.put("key", "k");
        request.put("evaluationMethod", evaluation);
        ObjectNode definition = request.putObject("detectorModelDefinition");
        definition.put("initialStateName", "S0");
        ArrayNode list = definition.putArray("states");
        for (int s = 0; s < states; s++) {
            ObjectNode state = list.addObject();
            state.put("stateName", "S" + s);
            ArrayNode onEnter = state.putObject("onEnter").putArray("events");
            onEnter.addObject().put("eventName", "init").putArray("actions").addObject().putObject("setVariable")
                    .put("variableName", "x").put("value", "0");
            events(r, onEnter, 2);
            ObjectNode onInput = state.putObject("onInput");
            events(r, onInput.putArray("events"), 3);
            ArrayNode transitions = onInput.putArray("transitionEvents");
            for (int t = r.nextInt(3); t > 0; t--) {
                event(r, transitions, "T" + t).put("nextState", "S" + r.nextInt(states));
            }
            events(r, state.putObject("onExit").putArray("events"), 2);
        }
        return request;
    }

    private static void events(Random r, ArrayNode list, int max) {
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            event(r, list, "E" + i);
        }
    }

    private static ObjectNode event(Random r, ArrayNode list, String name) {
        ObjectNode e = list.addObject();
        e.put("eventName", name);
        if (r.nextInt(6) > 0) {
            e.put("condition", CONDITIONS[r.nextInt(r.nextInt(4) == 0 ? CONDITIONS.length : CONDITIONS.length - 2)]);
        }
        ArrayNode actions = e.putArray("actions");
        for (int a = r.nextInt(3); a > 0; a--) {
            ObjectNode action = actions.addObject();
            switch (r.nextInt(7)) {
                case 0, 1, 2 -> action.putObject("setVariable").put("variableName", r.nextBoolean() ? "x" : "y")
                        .put("value", VALUES[r.nextInt(r.nextInt(4) == 0 ? VALUES.length : VALUES.length - 1)]);
                case 3 -> action.putObject("setTimer").put("timerName", "t").put("seconds", 60 + r.nextInt(120));
                case 4 -> action.putObject("resetTimer").put("timerName", "t");
                case 5 -> action.putObject("clearTimer").put("timerName", "t");
                default -> action.putObject("sns").put("targetArn", "arn:aws:sns:us-east-1:123456789012:t");
            }
        }
        return e;
    }
}
