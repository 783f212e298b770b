package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.data.IotEventsData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties over generated detector models and message sequences (a seed drives both, so a failure names the
 * seed that reproduces it): nothing escapes the engine, every accepted message runs exactly once per instance,
 * runs are deterministic, and DescribeDetector/ListDetectors agree with the trace.
 */
class EnginePropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] CONDITIONS = {
        "true", "$input.I.v > 50", "$input.I.v <= 20", "$variable.x > 3", "$variable.x == 0 || $input.I.v > 90",
        "timeout(\"t\")", "isUndefined($variable.y)", "$input.I.v / $variable.x > 2", "$input.I.s == \"on\"",
        "currentInput(\"I\") && $input.I.v % 2", "convert(Decimal, $input.I.v) > 10.5", "$input.I.missing.deep > 1",
    };
    private static final String[] VALUES = {
        "0", "$variable.x + 1", "$input.I.v", "$variable.x - $input.I.v / 10", "'text'", "$input.I.v * 2.5",
        "$variable.y", "bitand($input.I.v, 7)",
    };

    /** A model of 1–4 states with random events, transitions, variables, timers and external actions. */
    static ObjectNode model(Random r, String evaluation) {
        int states = 1 + r.nextInt(4);
        ObjectNode request = NODES.objectNode();
        request.put("detectorModelName", "gen");
        request.put("key", "k");
        request.put("evaluationMethod", evaluation);
        ObjectNode definition = request.putObject("detectorModelDefinition");
        definition.put("initialStateName", "S0");
        ArrayNode list = definition.putArray("states");
        for (int s = 0; s < states; s++) {
            ObjectNode state = list.addObject();
            state.put("stateName", "S" + s);
            events(r, state.putObject("onEnter").putArray("events"), 2);
            ObjectNode onInput = state.putObject("onInput");
            ArrayNode inputEvents = onInput.putArray("events");
            inputEvents.addObject().put("eventName", "Seen").put("condition", "$input.I.v >= 0"); // routes input I
            events(r, inputEvents, 3);
            ArrayNode transitions = onInput.putArray("transitionEvents");
            for (int t = r.nextInt(3); t > 0; t--) {
                ObjectNode e = event(r, transitions, "T" + t);
                e.put("nextState", "S" + r.nextInt(states));
            }
            events(r, state.putObject("onExit").putArray("events"), 1);
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
        if (r.nextInt(5) > 0) {
            e.put("condition", CONDITIONS[r.nextInt(CONDITIONS.length)]);
        }
        ArrayNode actions = e.putArray("actions");
        for (int a = r.nextInt(3); a > 0; a--) {
            ObjectNode action = actions.addObject();
            switch (r.nextInt(6)) {
                case 0, 1 -> action.putObject("setVariable").put("variableName", r.nextBoolean() ? "x" : "y")
                        .put("value", VALUES[r.nextInt(VALUES.length)]);
                case 2 -> action.putObject("setTimer").put("timerName", "t").put("seconds", 60 + r.nextInt(120));
                case 3 -> action.putObject("resetTimer").put("timerName", "t");
                case 4 -> action.putObject("clearTimer").put("timerName", "t");
                default -> action.putObject("sns").put("targetArn", "arn:aws:sns:us-east-1:123456789012:t");
            }
        }
        return e;
    }

    /** Messages on input I for keys k0–k3, some repeated ids, with time passing between some of them. */
    record Step(Message message, long advanceSeconds) { }

    static List<Step> steps(Random r) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ObjectNode payload = NODES.objectNode();
            payload.put("k", "k" + r.nextInt(4));
            payload.put("v", r.nextInt(101));
            payload.put("s", r.nextBoolean() ? "on" : "off");
            String id = "m" + (r.nextInt(8) == 0 && i > 0 ? i - 1 : i);
            steps.add(new Step(new Message("I", id, payload, null), r.nextInt(4) == 0 ? 30 + r.nextInt(200) : 0));
        }
        return steps;
    }

    /** Runs the steps and returns the trace lines. */
    private static List<String> run(ObjectNode model, List<Step> steps, int[] acceptedOut, Engine[] engineOut) {
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        List<String> trace = new ArrayList<>();
        engine.setCycleListener(record -> trace.add(record.toJson().toString()));
        engine.putModel(model);
        Map<String, Long> seen = new HashMap<>();
        int accepted = 0;
        for (Step step : steps) {
            engine.advanceTo(engine.now() + step.advanceSeconds() * 1000);
            Long at = seen.get(step.message().messageId());
            boolean duplicate = at != null && engine.now() - at < EngineOptions.DEFAULTS.deduplicationWindowMillis();
            assertThat(engine.put(List.of(step.message()))).isEmpty();
            if (!duplicate) {
                seen.put(step.message().messageId(), engine.now());
                accepted++;
            }
        }
        acceptedOut[0] = accepted;
        engineOut[0] = engine;
        return trace;
    }

    @Property(tries = 150)
    void everyAcceptedMessageRunsExactlyOnceAndRunsAreDeterministic(@ForAll long seed) {
        for (String evaluation : new String[] {"BATCH", "SERIAL"}) {
            Random r = new Random(seed);
            ObjectNode model = model(r, evaluation);
            List<Step> steps = steps(r);
            int[] accepted = new int[1];
            Engine[] engine = new Engine[1];
            List<String> first = run(model, steps, accepted, engine);
            long messageCycles = first.stream().filter(line -> line.contains("\"type\":\"Message\"")).count();
            assertThat(messageCycles).as("seed %d %s", seed, evaluation).isEqualTo(accepted[0]);
            assertThat(run(model, steps, new int[1], new Engine[1])).as("same input, same trace").isEqualTo(first);
            describeAndListAgreeWithTheTrace(engine[0], first);
        }
    }

    private static void describeAndListAgreeWithTheTrace(Engine engine, List<String> trace) {
        Map<String, JsonNode> lastByKey = new HashMap<>();
        for (String line : trace) {
            JsonNode record = EngineHarness.JSON.valueToTree(readTree(line));
            lastByKey.put(record.path("keyValue").asText(), record.path("state"));
        }
        IotEventsData data = new IotEventsData(engine);
        JsonNode list = data.listDetectors("gen", null, null, 250).path("detectorSummaries");
        assertThat(list).hasSize(lastByKey.size());
        for (JsonNode summary : list) {
            String key = summary.path("keyValue").asText();
            JsonNode last = lastByKey.get(key);
            JsonNode described = data.describeDetector("gen", key).path("detector").path("state");
            assertThat(summary.path("state").path("stateName").asText()).isEqualTo(last.path("stateName").asText());
            assertThat(described.path("stateName").asText()).isEqualTo(last.path("stateName").asText());
            List<String> names = new ArrayList<>();
            described.path("variables").forEach(v -> names.add(v.path("name").asText()));
            List<String> traced = new ArrayList<>();
            last.path("variables").fieldNames().forEachRemaining(traced::add);
            assertThat(names).containsExactlyInAnyOrderElementsOf(traced);
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return EngineHarness.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void nothingEscapesTheEngineWhateverTheModelAndPayload(@ForAll long seed) {
        Random r = new Random(seed);
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        long[] actions = {0};
        engine.setActionSink(a -> actions[0]++);
        engine.setCycleListener(record -> { });
        engine.putModel(model(r, r.nextBoolean() ? "BATCH" : "SERIAL"));
        for (int i = 0; i < 30; i++) {
            ObjectNode payload = NODES.objectNode();
            switch (r.nextInt(5)) {
                case 0 -> payload.putObject("k").put("nested", 1); // key is an object
                case 1 -> payload.putNull("k");
                case 2 -> payload.put("v", "not a number").put("k", "k" + r.nextInt(3));
                case 3 -> payload.put("k", "key with spaces").put("v", Long.MAX_VALUE);
                default -> payload.put("k", "k" + r.nextInt(3)).put("v", r.nextInt(100) - 50).put("s", 1.5);
            }
            engine.put(List.of(new Message(r.nextBoolean() ? "I" : "Other", "id" + i, payload, null)));
            engine.advanceTo(engine.now() + r.nextInt(300) * 1000L);
        }
        assertThat(actions[0]).isGreaterThanOrEqualTo(0);
    }
}
