package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * One action the engine performed, with everything needed to describe it — built as the action object of
 * shared/contracts/trace.md only when someone asks ({@link #toJson()}), so a sink that counts or filters costs
 * no JSON. What the description depends on (variable values, timers, the trigger) is captured when the action
 * runs, so a later description is still of that moment.
 */
public final class PerformedAction {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String type;
    private final String eventName;
    private final long time;
    private final CompiledModel model;
    private final String keyValue;
    private final String stateName;
    /** variableName / timerName */
    String name;
    Value value;
    long seconds = -1;
    String error;
    String warning;
    /** external actions: the fields as shown (shared when nothing was evaluated) */
    ObjectNode fields;
    /** a custom payload's evaluated text, or null */
    String payloadText;
    String payloadType;
    /** the default payload's moment, or null */
    DefaultPayload defaultPayload;
    /** external actions: the instance's cycle number and the action's place in it, for generated ids */
    long cycleSequence;
    int actionIndex;
    private ObjectNode json;
    private Delivery delivery;

    /** What the default payload (§C.11) shows, captured when the action ran. */
    record DefaultPayload(String inputName, String messageId, String timerName, String stateName,
                          Value[] variables, Map<String, Long> timers) {
        /** Not captured: the sink said it describes no action ({@link ActionSink#describesActions}). */
        static final DefaultPayload NOT_CAPTURED = new DefaultPayload(null, null, null, null, null, null);
    }

    PerformedAction(String type, String eventName, long time, CompiledModel model, String keyValue, String stateName) {
        this.type = type;
        this.eventName = eventName;
        this.time = time;
        this.model = model;
        this.keyValue = keyValue;
        this.stateName = stateName;
    }

    public String type() {
        return type;
    }

    public String eventName() {
        return eventName;
    }

    public String detectorModelName() {
        return model.name;
    }

    /** Null for a model without key. */
    public String keyValue() {
        return model.keyPath == null ? null : keyValue;
    }

    public String stateName() {
        return stateName;
    }

    public long timeMillis() {
        return time;
    }

    /** Why the action could not be performed, or null. */
    public String error() {
        return error;
    }

    /**
     * What the action changed on its instance: a variable set, a timer started or restarted, a timer cleared; null
     * for an external action and for one that changed nothing (an error, resetTimer of a timer not running). Made
     * from what the action recorded when it ran, so asking costs nothing until someone asks.
     */
    public InstanceChange change() {
        if (error != null) {
            return null;
        }
        return switch (type) {
            case "setVariable" -> value == null ? null : new InstanceChange.VariableSet(name, value);
            // ActionRunner schedules the timer at exactly the action's time + seconds
            case "setTimer", "resetTimer" -> seconds < 0 ? null
                    : new InstanceChange.TimerSet(name, time + seconds * 1000, seconds);
            case "clearTimer" -> new InstanceChange.TimerCleared(name);
            default -> null;
        };
    }

    /**
     * What the target receives (see {@link Delivery} for the form per type), or null for an internal action
     * (setVariable, timers) and for one that could not be performed ({@link #error()} says why).
     */
    public Delivery delivery() {
        toJson();
        return delivery;
    }

    /** The action object of trace.md (built once, then shared: do not modify). */
    public ObjectNode toJson() {
        if (json == null) {
            json = describe(true);
        }
        return json;
    }

    /**
     * The action object for a trace line: the one {@link #toJson()} built if something asked for it, else a new one
     * this action does not keep — so a {@link CycleRecord} kept to be written out later (the simulation workbench
     * keeps one per cycle) holds typed values, not a JSON tree per action.
     */
    ObjectNode traceJson() {
        return json != null ? json : describe(false);
    }

    /** @param keep whether this action keeps what describing it made (its delivery), for {@link #delivery()} */
    private ObjectNode describe(boolean keep) {
        ObjectNode out = Values.JSON.objectNode();
        out.put("type", type);
        out.put("time", Values.iso(time));
        out.put("detectorModelName", model.name);
        if (model.keyPath != null) {
            out.put("keyValue", keyValue);
        }
        out.put("stateName", stateName);
        out.put("eventName", eventName);
        switch (type) {
            case "setVariable" -> {
                out.put("variableName", name);
                if (value != null) {
                    out.set("value", Values.toJson(value));
                }
            }
            case "setTimer", "resetTimer", "clearTimer" -> {
                out.put("timerName", name);
                if (seconds >= 0) {
                    out.put("seconds", seconds);
                }
            }
            default -> external(out, keep);
        }
        if (error != null) {
            out.put("error", error);
        }
        if (warning != null) {
            out.put("warning", warning);
        }
        return out;
    }

    private void external(ObjectNode out, boolean keep) {
        if (fields != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        String text = null;
        JsonNode parsed = null;
        if (defaultPayload != null) {
            out.put("payloadType", "JSON");
            parsed = defaultPayload();
            out.set("payload", parsed);
            text = parsed.toString();
        } else if (payloadType != null) {
            out.put("payloadType", payloadType);
            if (payloadText != null) {
                JsonNode payload = payload(payloadText);
                out.set("payload", payload);
                text = payloadText;
                parsed = payload.isTextual() ? null : payload;
            }
        }
        if (error == null && (text != null || type.equals("iotSiteWise"))) {
            try {
                Delivery made = Deliveries.of(type, fields, text, parsed, time,
                        Values.generatedId(model.name, keyValue, time, cycleSequence, "entry/" + actionIndex));
                out.set("delivered", made.toJson());
                if (keep) {
                    delivery = made;
                }
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
    }

    private JsonNode payload(String text) {
        if (payloadType.equals("JSON")) {
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                warning = "The action was executed, but we couldn't evaluate your content expression to valid JSON;"
                        + " sent as text";
            }
        }
        return Values.JSON.textNode(text);
    }

    /** §C.11, exactly the shape of the seed Lambda event. */
    private ObjectNode defaultPayload() {
        DefaultPayload d = defaultPayload;
        if (d == DefaultPayload.NOT_CAPTURED) {
            throw new IllegalStateException("the default payload of this " + type + " action was not captured: its "
                    + "sink declared that it describes no action (ActionSink.describesActions)");
        }
        ObjectNode root = Values.JSON.objectNode();
        root.put("eventTime", time);
        ObjectNode payload = root.putObject("payload");
        payload.put("actionExecutionId", Values.generatedId(model.name, keyValue, time, cycleSequence,
                Integer.toString(actionIndex)));
        ObjectNode detector = payload.putObject("detector");
        detector.put("detectorModelName", model.name);
        if (model.keyPath != null) {
            detector.put("keyValue", keyValue); // [GAP] §C.11: omitted for keyless models
        }
        detector.put("detectorModelVersion", model.version);
        ObjectNode trigger = payload.putObject("eventTriggerDetails");
        if (d.timerName() == null) {
            trigger.put("inputName", d.inputName());
            trigger.put("messageId", d.messageId());
            trigger.put("triggerType", "Message");
        } else {
            trigger.put("triggerType", "Timer"); // [GAP] §C.11: timer cycles name the timer
            trigger.put("timerName", d.timerName());
        }
        ObjectNode state = payload.putObject("state");
        state.put("stateName", d.stateName());
        ObjectNode variables = state.putObject("variables");
        Value[] vars = d.variables();
        for (int slot = 0; slot < vars.length; slot++) {
            if (vars[slot] != null) {
                variables.set(model.symbols.variableName(slot), Values.toJson(vars[slot]));
            }
        }
        ObjectNode timers = state.putObject("timers");
        d.timers().forEach(timers::put); // [GAP] §C.5: {name: expiry epoch millis}
        root.put("eventName", eventName);
        return root;
    }
}
