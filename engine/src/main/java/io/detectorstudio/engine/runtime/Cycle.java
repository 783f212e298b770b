package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.EvaluationContext;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.CompiledModel.CompiledEvent;
import io.detectorstudio.engine.runtime.CompiledModel.CompiledState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation cycle of one instance (§C.3): onInput events and transition selection, then transition actions,
 * onExit, the state change and onEnter — with BATCH or SERIAL condition visibility (§C.4). Builds the trace
 * record of shared/contracts/trace.md as it goes.
 */
final class Cycle implements EvaluationContext {

    private final Engine engine;
    private final CompiledModel model;
    private final DetectorInstance instance;
    private final Message message;
    private final String timerName;
    private final long now;
    private final Evaluator evaluator;
    private final ArrayNode evaluations = Values.JSON.arrayNode();
    private final ArrayNode actions = Values.JSON.arrayNode();
    /** BATCH: the variables as they were when the current group started; null while actions run (live values). */
    private Map<String, Value> snapshot;
    private int actionIndex;

    Cycle(Engine engine, CompiledModel model, DetectorInstance instance, Message message, String timerName, long now) {
        this.engine = engine;
        this.model = model;
        this.instance = instance;
        this.message = message;
        this.timerName = timerName;
        this.now = now;
        this.evaluator = new Evaluator(this);
    }

    /** Runs the cycle; {@code created} means the instance is new and its initial state's onEnter runs first (§C.2). */
    ObjectNode run(boolean created) {
        String from = instance.stateName;
        if (created) {
            runGroup("onEnter", state().onEnter(), false);
        }
        CompiledState state = state();
        List<CompiledEvent> firing = new ArrayList<>();
        CompiledEvent transition = null;
        if (model.serial) {
            for (CompiledEvent event : state.onInput()) {
                if (check("onInput", event, "event")) {
                    execute(event);
                }
            }
            transition = selectTransition(state);
        } else {
            snapshot = new LinkedHashMap<>(instance.variables);
            for (CompiledEvent event : state.onInput()) {
                if (check("onInput", event, "event")) {
                    firing.add(event);
                }
            }
            transition = selectTransition(state);
            snapshot = null;
            firing.forEach(this::execute);
        }
        if (transition != null) {
            execute(transition);
            runGroup("onExit", state.onExit(), true);
            instance.stateName = transition.nextState();
            if (model.states.containsKey(transition.nextState())) {
                runGroup("onEnter", state().onEnter(), true);
            }
        }
        instance.lastUpdateTime = now;
        return engine.tracing() ? record(created, from) : null;
    }

    private CompiledState state() {
        return model.states.get(instance.stateName);
    }

    private CompiledEvent selectTransition(CompiledState state) {
        for (CompiledEvent t : state.transitions()) {
            if (check("onInput", t, "transition")) {
                return t;
            }
        }
        return null;
    }

    private void runGroup(String group, List<CompiledEvent> events, boolean ignored) {
        if (model.serial) {
            for (CompiledEvent event : events) {
                if (check(group, event, "event")) {
                    execute(event);
                }
            }
            return;
        }
        snapshot = new LinkedHashMap<>(instance.variables);
        List<CompiledEvent> firing = new ArrayList<>();
        for (CompiledEvent event : events) {
            if (check(group, event, "event")) {
                firing.add(event);
            }
        }
        snapshot = null;
        firing.forEach(this::execute);
    }

    private boolean check(String group, CompiledEvent event, String kind) {
        if (!engine.tracing()) {
            return event.condition() == null || evaluator.evaluate(event.condition()).isTrue();
        }
        ObjectNode evaluation = evaluations.addObject();
        evaluation.put("group", group);
        evaluation.put("stateName", instance.stateName);
        evaluation.put("eventName", event.name());
        evaluation.put("kind", kind);
        if (event.nextState() != null) {
            evaluation.put("nextState", event.nextState());
        }
        if (event.condition() == null) {
            evaluation.putNull("condition");
            evaluation.put("result", true); // §B.6 rule 2: no condition means true
            return true;
        }
        evaluation.put("condition", event.conditionText());
        Value v = evaluator.evaluate(event.condition());
        if (v.type() == Value.Type.BOOLEAN) {
            evaluation.put("result", v.isTrue());
            return v.isTrue();
        }
        evaluation.put("result", v.type() == Value.Type.INVALID ? "invalid" : "undefined");
        if (v.type() == Value.Type.INVALID) {
            evaluation.put("error", v.reason());
        } else if (v.isDefined()) {
            evaluation.put("error", "the condition is " + v.type() + ", not a Boolean");
        }
        return false; // §B.6 rule 1
    }

    private void execute(CompiledEvent event) {
        for (ObjectNode action : event.actions()) {
            ObjectNode performed = new ActionRunner(this, model, instance, event.name()).run(action);
            if (engine.tracing()) {
                actions.add(performed);
            }
            engine.emit(performed);
        }
    }

    // ---- what ActionRunner needs

    Evaluator evaluator() {
        return evaluator;
    }

    long now() {
        return now;
    }

    Message message() {
        return message;
    }

    String timerName() {
        return timerName;
    }

    String nextActionExecutionId() {
        return java.util.UUID.nameUUIDFromBytes((model.name + "/" + instance.keyValue + "/" + now + "/"
                + engine.cycleSequence() + "/" + actionIndex++).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** §C.10: an iotEvents action sends its payload as a new message, processed after this cycle. */
    void forward(String inputName, JsonNode payload) {
        engine.forward(new Message(inputName, nextActionExecutionId(), payload, now));
    }

    void scheduled(Timer timer) {
        engine.scheduled(model.name, instance, timer);
    }

    Expr expression(String text) {
        return model.expression(text);
    }

    // ---- EvaluationContext

    @Override
    public Value variable(String name) {
        Map<String, Value> view = snapshot != null ? snapshot : instance.variables;
        return view.getOrDefault(name, Value.UNDEFINED);
    }

    @Override
    public JsonNode input(String inputName) {
        if (message != null && message.inputName().equals(inputName)) {
            return message.payload();
        }
        return engine.options().retainInputValues() ? instance.inputs.get(inputName) : null;
    }

    @Override
    public boolean consumeTimeout(String name) {
        return instance.expiredUnconsumed.remove(name);
    }

    @Override
    public String triggerType() {
        return message != null ? "Message" : "Timer";
    }

    @Override
    public String currentInput() {
        return message != null ? message.inputName() : null;
    }

    private ObjectNode record(boolean created, String from) {
        ObjectNode r = Values.JSON.objectNode();
        r.put("seq", engine.cycleSequence());
        r.put("time", Values.iso(now));
        r.put("detectorModelName", model.name);
        if (model.keyPath != null) {
            r.put("keyValue", instance.keyValue);
        }
        ObjectNode trigger = r.putObject("trigger");
        if (message != null) {
            trigger.put("type", "Message");
            trigger.put("inputName", message.inputName());
            if (message.messageId() != null) {
                trigger.put("messageId", message.messageId());
            }
            trigger.set("payload", message.payload());
        } else {
            trigger.put("type", "Timer");
            trigger.put("timerName", timerName);
        }
        r.put("created", created);
        r.put("fromState", created ? null : from);
        r.put("toState", instance.stateName);
        r.set("evaluations", evaluations);
        r.set("actions", actions);
        r.set("state", stateJson(true));
        return r;
    }

    /** The instance's state; for traces timers carry timestamp and seconds left, for payloads expiry millis (§C.11). */
    ObjectNode stateJson(boolean forTrace) {
        ObjectNode state = Values.JSON.objectNode();
        state.put("stateName", instance.stateName);
        ObjectNode variables = state.putObject("variables");
        instance.variables.forEach((k, v) -> variables.set(k, Values.toJson(v)));
        ObjectNode timers = state.putObject("timers");
        for (Timer t : instance.timers.values()) {
            if (forTrace) {
                ObjectNode timer = timers.putObject(t.name());
                timer.put("timestamp", Values.iso(t.expiresAtMillis()));
                timer.put("secondsLeft", Math.max(0, (t.expiresAtMillis() - now + 999) / 1000));
            } else {
                timers.put(t.name(), t.expiresAtMillis()); // [GAP] §C.5: {name: expiry epoch millis}
            }
        }
        return state;
    }
}
