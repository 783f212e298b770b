package io.detectorstudio.simulator.session;

import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Decides which {@link Breakpoint}s a presented moment hits. It remembers what edges and watches need (the last
 * result of each condition per instance, each watch's last value per instance); {@link #forget()} drops that
 * memory after a jump in time, so a jump never counts as a change.
 */
final class BreakpointMatcher {

    private final ModelIndex index;
    private final List<Breakpoint> breakpoints = new CopyOnWriteArrayList<>();
    private final Map<Breakpoint, Map<String, Value>> watchValues = new HashMap<>();
    private final Map<String, Boolean> lastConditions = new HashMap<>();

    BreakpointMatcher(ModelIndex index) {
        this.index = index;
    }

    void add(Breakpoint breakpoint) {
        breakpoints.add(breakpoint);
    }

    void remove(Breakpoint breakpoint) {
        breakpoints.remove(breakpoint);
        watchValues.remove(breakpoint);
    }

    List<Breakpoint> all() {
        return List.copyOf(breakpoints);
    }

    void forget() {
        watchValues.clear();
        lastConditions.clear();
    }

    /**
     * Whether a watch breakpoint is set: only watches read the instance as each sub-step leaves it, which costs a
     * copy of its variables and timers per sub-step to build.
     */
    boolean watching() {
        for (Breakpoint b : breakpoints) {
            if (b instanceof Breakpoint.Watch) {
                return true;
            }
        }
        return false;
    }

    /** A cycle starts with the instance {@code shown}: watches learn their value before it. */
    void cycleStarted(Frame f, InstanceState shown) {
        for (Breakpoint b : breakpoints) {
            if (b instanceof Breakpoint.Watch w) {
                watchValues.computeIfAbsent(w, k -> new HashMap<>()).computeIfAbsent(f.key(), k -> evaluate(w, shown, f));
            }
        }
    }

    /** Event, condition and action breakpoints at the sub-step just presented. */
    void subStep(Frame f, SubStep step, Position at, List<Hit> hits) {
        String conditionKey = f.key() + "\u0000" + step.stateName() + "\u0000" + step.group() + "\u0000" + step.eventName();
        boolean wasTrue = step.kind() == SubStep.Kind.CONDITION && Boolean.TRUE.equals(lastConditions.get(conditionKey));
        if (step.kind() == SubStep.Kind.CONDITION) {
            lastConditions.put(conditionKey, step.fired());
        }
        for (Breakpoint b : breakpoints) {
            String why = null;
            if (b instanceof Breakpoint.EventFired e && step.fired() && matches(e.stateName(), step.stateName())
                    && matches(e.eventName(), step.eventName())) {
                why = (step.group().equals("transition") ? "transition " : "event ") + step.eventName() + " fired";
            } else if (b instanceof Breakpoint.ConditionBecameTrue c && step.fired() && !wasTrue
                    && matches(c.stateName(), step.stateName()) && matches(c.eventName(), step.eventName())) {
                why = "condition of " + step.eventName() + " became true";
            } else if (b instanceof Breakpoint.ActionType a && step.kind() == SubStep.Kind.ACTION
                    && matches(a.type(), step.actionType())) {
                why = step.actionType() + " action of " + step.eventName();
            }
            if (why != null) {
                hits.add(new Hit(b, at, f.keyValue(), why));
            }
        }
    }

    /** Watches whose value on the instance {@code shown} changed since this instance's last presented moment. */
    void watches(Frame f, InstanceState shown, Position at, List<Hit> hits) {
        for (Breakpoint b : breakpoints) {
            if (!(b instanceof Breakpoint.Watch w)) {
                continue;
            }
            Map<String, Value> values = watchValues.computeIfAbsent(w, k -> new HashMap<>());
            Value now = evaluate(w, shown, f);
            Value before = values.put(f.key(), now);
            if (before != null && !before.equals(now)) {
                hits.add(new Hit(b, at, f.keyValue(), w.expression() + " changed from " + before.toText()
                        + " to " + now.toText()));
            }
        }
    }

    /** State breakpoints, checked when the cycle is complete. */
    void cycleFinished(Frame f, Position at, List<Hit> hits) {
        for (Breakpoint b : breakpoints) {
            String why = null;
            if (b instanceof Breakpoint.StateEntered e && f.entered(index).contains(e.stateName())) {
                why = "entered " + e.stateName();
            } else if (b instanceof Breakpoint.StateExited e && f.exited().contains(e.stateName())) {
                why = "left " + e.stateName();
            }
            if (why != null) {
                hits.add(new Hit(b, at, f.keyValue(), why));
            }
        }
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static Value evaluate(Breakpoint.Watch w, InstanceState state, Frame f) {
        return new Evaluator(WatchContext.of(state, f.record())).evaluate(w.parsed());
    }
}
