package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Value;

/**
 * What an internal action changed on its instance ({@link PerformedAction#change()}): applying a cycle's changes in
 * order to the instance before it gives the instance after each action, without knowing the action semantics.
 */
public sealed interface InstanceChange {

    /** setVariable assigned {@code value}. */
    record VariableSet(String name, Value value) implements InstanceChange {
    }

    /** setTimer (or resetTimer) started the timer; it expires at {@code expiresAtMillis}. */
    record TimerSet(String name, long expiresAtMillis, long seconds) implements InstanceChange {
    }

    /** clearTimer: the timer no longer runs (whether or not it did). */
    record TimerCleared(String name) implements InstanceChange {
    }
}
