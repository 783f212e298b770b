package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.CycleRecord.Action;
import io.detectorstudio.engine.runtime.CycleRecord.Evaluation;
import io.detectorstudio.engine.runtime.CycleRecord.MessageTrigger;
import io.detectorstudio.engine.runtime.CycleRecord.Result;
import io.detectorstudio.engine.runtime.CycleRecord.Step;
import io.detectorstudio.engine.runtime.CycleRecord.TimerTrigger;

/**
 * A {@link CycleRecord} written as the trace line of shared/contracts/trace.md — the one place the engine's trace
 * JSON is built (actions are {@link PerformedAction#traceJson()}'s action objects). Field order is part of the
 * contract: traces are compared byte for byte.
 */
final class TraceJson {

    private TraceJson() {
    }

    static ObjectNode record(CycleRecord c) {
        ObjectNode r = Values.JSON.objectNode();
        r.put("seq", c.seq());
        r.put("time", Values.iso(c.timeMillis()));
        r.put("detectorModelName", c.detectorModelName());
        if (c.keyValue() != null) {
            r.put("keyValue", c.keyValue());
        }
        ObjectNode trigger = r.putObject("trigger");
        if (c.trigger() instanceof MessageTrigger m) {
            trigger.put("type", "Message");
            trigger.put("inputName", m.inputName());
            if (m.messageId() != null) {
                trigger.put("messageId", m.messageId());
            }
            trigger.set("payload", m.payload());
        } else if (c.trigger() instanceof TimerTrigger t) {
            trigger.put("type", "Timer");
            trigger.put("timerName", t.timerName());
        }
        r.put("created", c.created());
        r.put("fromState", c.fromState());
        r.put("toState", c.toState());
        ArrayNode evaluations = r.putArray("evaluations");
        ArrayNode actions = r.putArray("actions");
        for (Step step : c.steps()) {
            if (step instanceof Evaluation e) {
                evaluations.add(evaluation(e));
            } else if (step instanceof Action a) {
                actions.add(a.action().traceJson());
            }
        }
        r.set("state", state(c.state(), c.timeMillis()));
        return r;
    }

    /** An evaluation object: group, stateName, eventName, kind, nextState?, condition, result, error?. */
    static ObjectNode evaluation(Evaluation e) {
        ObjectNode out = Values.JSON.objectNode();
        out.put("group", e.transition() ? "onInput" : e.group());
        out.put("stateName", e.stateName());
        out.put("eventName", e.eventName());
        out.put("kind", e.transition() ? "transition" : "event");
        if (e.nextState() != null) {
            out.put("nextState", e.nextState());
        }
        if (e.condition() == null) {
            out.putNull("condition");
        } else {
            out.put("condition", e.condition());
        }
        switch (e.result()) {
            case TRUE, FALSE -> out.put("result", e.result() == Result.TRUE);
            case INVALID -> out.put("result", "invalid").put("error", e.error()); // null when the value gave no reason
            case UNDEFINED -> {
                out.put("result", "undefined");
                if (e.error() != null) {
                    out.put("error", e.error());
                }
            }
        }
        return out;
    }

    /** The instance's state: variables, and timers with timestamp and seconds left at {@code now}. */
    private static ObjectNode state(CycleRecord.State s, long now) {
        ObjectNode state = Values.JSON.objectNode();
        state.put("stateName", s.stateName());
        ObjectNode variables = state.putObject("variables");
        s.variables().forEach((k, v) -> variables.set(k, Values.toJson(v)));
        ObjectNode timers = state.putObject("timers");
        s.timers().forEach((name, expiresAt) -> {
            ObjectNode timer = timers.putObject(name);
            timer.put("timestamp", Values.iso(expiresAt));
            timer.put("secondsLeft", Math.max(0, (expiresAt - now + 999) / 1000));
        });
        return state;
    }
}
