package io.detectorstudio.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.VirtualClock;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionInput;
import io.detectorstudio.simulator.session.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a session's history as a scenario (scenario.md) that re-runs green: every operation becomes a step, and
 * after it an {@code expect} (state, every variable, every timer's seconds left) for each instance the operation
 * touched and an {@code expectActions} with the external actions it emitted. The expectations come from running
 * the history again on a fresh engine, exactly as {@link ScenarioRunner} will; messages without an id get one
 * ({@code rec<op>-<n>}) so action payloads match. Operations the engine refused as a whole (every message of a
 * batch without timestamps rejected, an update of a detector that does not exist) changed nothing and are left out.
 *
 * <p>A session with companion models (a project's several models) is written with {@code models}: the recording
 * runs them all, every expect and update names its model, and expectActions holds every model's external actions.
 */
public final class ScenarioRecorder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private ScenarioRecorder() {
    }

    /**
     * @param model a path relative to the scenario file (text node) or the model object inline; with companions
     *              ({@code models}), an array of them — the session's model first, then its companions, the order
     *              the session's engine has them — or a project folder path that loads them in that order
     */
    public static ObjectNode record(Session.Config config, List<SessionInput> history, String name, JsonNode model) {
        boolean several = !config.companions().isEmpty();
        ObjectNode scenario = JSON.objectNode();
        scenario.put("scenarioVersion", 1);
        scenario.put("name", name);
        scenario.set(several ? "models" : "model", model);
        if (!config.inputNames().isEmpty()) {
            ArrayNode inputs = scenario.putArray("inputs");
            config.inputNames().forEach(n -> inputs.addObject().put("inputName", n));
        }
        scenario.put("start", Instant.ofEpochMilli(config.startMillis()).toString());
        if (config.options().retainInputValues() != EngineOptions.DEFAULTS.retainInputValues()) {
            scenario.putObject("options").put("retainInputValues", config.options().retainInputValues());
        }
        ArrayNode steps = scenario.putArray("steps");

        Engine engine = new Engine(config.options(), new VirtualClock(config.startMillis()));
        String modelName = config.model().path("detectorModelName").asText("");
        Map<String, Boolean> keyed = new HashMap<>();
        keyed.put(modelName, config.model().hasNonNull("key"));
        config.companions().forEach(m -> keyed.put(m.path("detectorModelName").asText(""), m.hasNonNull("key")));
        Set<Touched> touched = new LinkedHashSet<>();
        List<ObjectNode> external = new ArrayList<>();
        engine.setCycleListener(r -> touched.add(new Touched(r.detectorModelName(), r.keyValue())));
        engine.setActionSink(a -> {
            if (ScenarioRunner.EXTERNAL.contains(a.path("type").asText())) {
                external.add(a);
            }
        });
        engine.putModel(config.model());
        config.companions().forEach(engine::putModel);
        config.inputNames().forEach(engine::declareInput);
        int op = 0;
        for (SessionInput input : history) {
            touched.clear();
            external.clear();
            if (input instanceof SessionInput.Send send) {
                List<Message> batch = new ArrayList<>();
                ArrayNode entries = JSON.arrayNode();
                for (int i = 0; i < send.batch().size(); i++) {
                    Message m = send.batch().get(i);
                    Message withId = new Message(m.inputName(), m.messageId() != null ? m.messageId() : "rec" + op + "-" + i,
                            m.payload(), m.timestampMillis());
                    batch.add(withId);
                    ObjectNode entry = entries.addObject().put("inputName", withId.inputName());
                    entry.set("payload", withId.payload());
                    entry.put("messageId", withId.messageId());
                    if (withId.timestampMillis() != null) {
                        entry.put("timestamp", Instant.ofEpochMilli(withId.timestampMillis()).toString());
                    }
                }
                List<MessageError> errors = engine.put(batch);
                boolean noEffect = errors.size() == batch.size()
                        && batch.stream().allMatch(m -> m.timestampMillis() == null);
                if (noEffect) {
                    op++;
                    continue; // every message refused (unknown input, say): a step would only fail the re-run
                }
                if (entries.size() == 1) {
                    steps.add(JSON.objectNode().set("message", entries.get(0)));
                } else {
                    steps.add(JSON.objectNode().set("messages", entries));
                }
            } else if (input instanceof SessionInput.Advance advance) {
                long by = Math.max(0, advance.toMillis() - engine.now());
                steps.addObject().put("advance", Duration.ofMillis(by).toString());
                engine.advanceTo(engine.now() + by);
            } else if (input instanceof SessionInput.Update update) {
                String key = update.entry().hasNonNull("key") ? update.entry().get("key").asText() : null;
                Updates.Parsed p = Updates.parse(update.entry());
                String updated = update.entry().path("model").asText(modelName);
                if (engine.update(updated, key, p.stateName(), p.variables(), p.timers()) != null) {
                    op++;
                    continue; // refused (no such detector): changed nothing
                }
                ObjectNode entry = (ObjectNode) update.entry().deepCopy();
                if (several) {
                    entry.put("model", updated);
                }
                steps.add(JSON.objectNode().set("update", entry));
                touched.add(new Touched(updated, key));
            }
            for (Touched t : touched) {
                steps.addObject().set("expect", expect(engine, several ? t.model() : null, t.model(),
                        keyed.getOrDefault(t.model(), false), t.key()));
            }
            if (!external.isEmpty()) {
                ArrayNode actions = steps.addObject().putArray("expectActions");
                external.forEach(actions::add);
            }
            op++;
        }
        return scenario;
    }

    /** A detector a step's cycles ran (model and key). */
    private record Touched(String model, String key) {
    }

    /** @param named the model to name in the expect (several models), or null */
    private static ObjectNode expect(Engine engine, String named, String model, boolean keyed, String key) {
        ObjectNode expect = JSON.objectNode();
        if (named != null) {
            expect.put("model", named);
        }
        if (keyed) {
            expect.put("key", key);
        }
        DetectorInstance instance = engine.instance(model, key);
        if (instance == null) {
            return expect.put("exists", false);
        }
        InstanceState state = InstanceState.of(instance);
        expect.put("state", state.stateName());
        ObjectNode variables = expect.putObject("variables");
        state.variables().forEach((name, v) -> {
            if (v.type() != Value.Type.NULL && v.isDefined()) {
                variables.set(name, InstanceState.json(v));
            }
        });
        ObjectNode timers = expect.putObject("timers");
        state.timers().keySet().forEach(t -> timers.put(t, state.secondsLeft(t, engine.now())));
        return expect;
    }
}
