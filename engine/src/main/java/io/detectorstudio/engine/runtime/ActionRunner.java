package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Performs one compiled action in a cycle and records it as a {@link PerformedAction}: expression fields
 * evaluated, timers scheduled, payloads built (custom now, the default payload of §C.11 from a captured moment).
 * An action that cannot be performed carries an {@code error} and changes nothing; the other actions still run
 * (§C.10).
 */
final class ActionRunner {

    static final long MAX_TIMER_SECONDS = 31_622_400L;
    static final int MAX_PAYLOAD_BYTES = 1024;

    private final Cycle cycle;

    ActionRunner(Cycle cycle) {
        this.cycle = cycle;
    }

    PerformedAction run(CompiledAction action, String eventName) {
        DetectorInstance instance = cycle.instance();
        PerformedAction out = new PerformedAction(action.type(), eventName, cycle.now(), cycle.model(),
                instance.keyValue, instance.stateName);
        if (action instanceof CompiledAction.SetVariable set) {
            setVariable(set, instance, out);
        } else if (action instanceof CompiledAction.SetTimer timer) {
            setTimer(timer, instance, out);
        } else if (action instanceof CompiledAction.ResetTimer reset) {
            resetTimer(reset, instance, out);
        } else if (action instanceof CompiledAction.ClearTimer clear) {
            out.name = clear.timerName();
            instance.removeTimer(clear.timerName());
            instance.clearExpiry(clear.timerName());
        } else if (action instanceof CompiledAction.External external) {
            external(external, instance, out);
        } else if (action instanceof CompiledAction.Malformed malformed) {
            out.error = malformed.why();
        }
        return out;
    }

    /** A setVariable nobody records: the effect of {@link #run} without its {@link PerformedAction}. */
    void setVariableUnrecorded(CompiledAction.SetVariable set) {
        Value value = set.value().evaluate(cycle);
        if (value.isDefined() && value.type() != Value.Type.NULL) { // else it keeps its value, as in run
            cycle.instance().setVariable(set.slot(), value);
        }
    }

    private void setVariable(CompiledAction.SetVariable set, DetectorInstance instance, PerformedAction out) {
        out.name = set.variableName();
        Value value = set.value().evaluate(cycle);
        if (!value.isDefined() || value.type() == Value.Type.NULL) {
            // §B.5, §B.6 rule 9: variables cannot be unset or assigned null; the variable keeps its old value
            out.error = "We couldn't evaluate your expression for the action: " + set.valueText()
                    + (value.type() == Value.Type.NULL ? " is null (a variable cannot be assigned null)"
                    : value.reason() == null ? " is undefined" : " (" + value.reason() + ")");
            return;
        }
        instance.setVariable(set.slot(), value);
        out.value = value;
    }

    private void setTimer(CompiledAction.SetTimer set, DetectorInstance instance, PerformedAction out) {
        String name = set.timerName();
        out.name = name;
        long seconds;
        if (set.duration() != null) {
            Value v = set.duration().evaluate(cycle);
            if (!v.isNumber()) {
                out.error = "durationExpression must return a number but gave " + v.toText();
                return;
            }
            seconds = v.asDecimal().setScale(0, RoundingMode.FLOOR).longValue(); // §C.5: floored
        } else {
            seconds = set.seconds();
        }
        out.seconds = seconds;
        if (seconds < 1 || seconds > MAX_TIMER_SECONDS) {
            out.error = "timer duration " + seconds + " s is outside 1–" + MAX_TIMER_SECONDS + " s; timer not set";
            return;
        }
        if (seconds < 60) {
            out.warning = "timers shorter than 60 s are not accurate in the service";
        }
        Timer timer = new Timer(name, cycle.now() + seconds * 1000, seconds);
        instance.putTimer(timer);
        cycle.scheduled(timer);
        instance.clearExpiry(name); // [GAP] §C.5: setting again restarts and clears a pending expiry
    }

    private void resetTimer(CompiledAction.ResetTimer reset, DetectorInstance instance, PerformedAction out) {
        String name = reset.timerName();
        out.name = name;
        Timer timer = instance.timer(name);
        if (timer == null) {
            out.warning = "timer '" + name + "' is not running; resetTimer does nothing"; // [GAP] §C.5
            return;
        }
        out.seconds = timer.durationSeconds();
        Timer restarted = new Timer(name, cycle.now() + timer.durationSeconds() * 1000, timer.durationSeconds());
        instance.putTimer(restarted);
        cycle.scheduled(restarted);
    }

    /**
     * An action that sends something out. The rarer work (evaluated fields, a custom payload, the default
     * payload's capture) is in methods of its own, so that this stays small enough for the just-in-time compiler
     * to compile it into the cycle's code.
     */
    private void external(CompiledAction.External action, DetectorInstance instance, PerformedAction out) {
        out.fields = action.evaluatedFields().isEmpty() ? action.literalFields() : evaluatedFields(action, out);
        out.actionIndex = cycle.nextActionIndex();
        out.cycleSequence = cycle.instanceCycle();
        if (action.content() != null) {
            customPayload(action, out);
        } else if (action.defaultPayload()) {
            // structured and iotEvents actions are described below, whoever receives them
            boolean described = cycle.actionsDescribed() || action.structured() || action.forwards();
            out.defaultPayload = described ? defaultPayload(instance) : PerformedAction.DefaultPayload.NOT_CAPTURED;
        }
        if (out.error == null && action.structured()) {
            out.toJson(); // their delivered form can fail (key types, quality, …): known before the sink sees it
        }
        if (action.forwards() && out.error == null) {
            // §C.10: the payload becomes a new message on the input, processed after this cycle
            cycle.forward(action.inputName(), out.toJson().get("payload"));
        }
    }

    /** The action's fields with the evaluated ones filled in; a field that cannot be evaluated sets the error. */
    private ObjectNode evaluatedFields(CompiledAction.External action, PerformedAction out) {
        ObjectNode fields = action.literalFields().deepCopy();
        for (CompiledAction.EvaluatedField field : action.evaluatedFields()) {
            Value v = field.expression().evaluate(cycle);
            if (!v.isDefined() || v.type() == Value.Type.NULL) {
                out.error = "We couldn't evaluate your expression for the action: " + field.name()
                        + (v.reason() == null ? "" : " (" + v.reason() + ")");
            } else {
                ObjectNode parent = fields;
                for (String member : field.path().subList(0, field.path().size() - 1)) {
                    parent = (ObjectNode) parent.get(member);
                }
                parent.set(field.path().get(field.path().size() - 1),
                        field.template() ? Values.JSON.textNode(v.toText()) : Values.toJson(v));
            }
        }
        return fields;
    }

    /** The moment the default payload (§C.11) shows. */
    private PerformedAction.DefaultPayload defaultPayload(DetectorInstance instance) {
        return new PerformedAction.DefaultPayload(cycle.inputName(), cycle.messageId(), cycle.timerName(),
                instance.stateName, instance.variableArray(), instance.timerExpiries());
    }

    private void customPayload(CompiledAction.External action, PerformedAction out) {
        out.payloadType = action.payloadType();
        Value v = action.content().evaluate(cycle);
        if (!v.isDefined()) {
            out.error = "We couldn't evaluate your content expression" + (v.reason() == null ? "" : ": " + v.reason());
        } else {
            String text = v.toText();
            int bytes = text.length() > MAX_PAYLOAD_BYTES / 4 ? text.getBytes(StandardCharsets.UTF_8).length : 0;
            if (bytes > MAX_PAYLOAD_BYTES) {
                out.error = "the payload is " + bytes + " bytes; the maximum payload size is 1 KB";
            } else {
                out.payloadText = text;
            }
        }
    }
}
