package io.detectorstudio.simulator.session;

import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.Parser;

/**
 * Where {@link Session#resume()} stops. State breakpoints are checked when a cycle completes; event, condition and
 * action breakpoints at the sub-step that matches; a watch at every position of the cycle's instance.
 * A null name matches any.
 */
public sealed interface Breakpoint {

    /** An instance entered the state (created in it, or a transition into it, self-transitions included). */
    record StateEntered(String stateName) implements Breakpoint {
    }

    /** An instance left the state by a transition. */
    record StateExited(String stateName) implements Breakpoint {
    }

    /** An event or transition event fired (its condition was true); {@code stateName} null = any state. */
    record EventFired(String stateName, String eventName) implements Breakpoint {
    }

    /** A condition became true for an instance: true now, not true when this instance last evaluated it. */
    record ConditionBecameTrue(String stateName, String eventName) implements Breakpoint {
    }

    /** An action of this type ran ({@code sns}, {@code setVariable}…). */
    record ActionType(String type) implements Breakpoint {
    }

    /** The value of an expression, evaluated against the instance, changed. */
    record Watch(String expression, Expr parsed) implements Breakpoint {
        public Watch(String expression) {
            this(expression, Parser.parse(expression).expr());
        }
    }
}
