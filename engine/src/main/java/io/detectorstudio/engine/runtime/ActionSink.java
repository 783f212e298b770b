package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives every action the engine performs, as the action object of shared/contracts/trace.md. */
@FunctionalInterface
public interface ActionSink {

    void accept(ObjectNode action);

    /**
     * Called by the engine for every action. The default describes it as JSON for {@link #accept}; a sink that
     * counts, filters or forwards only some actions overrides this and pays for JSON only where it asks.
     */
    default void performed(PerformedAction action) {
        accept(action.toJson());
    }

    /**
     * Whether this sink is shown the actions that only change the detector itself (setVariable). A sink that
     * delivers or counts what goes out answers false, and the engine then makes no record of them when no
     * {@link CycleListener} listens either; the variables change all the same.
     */
    default boolean receivesVariableActions() {
        return true;
    }

    /**
     * Whether this sink, or anything it hands actions to, may describe them ({@link PerformedAction#toJson},
     * {@link PerformedAction#delivery}). A sink that only counts or routes by type answers false; the engine then
     * does not capture what only a description shows (the default payload's copy of the variables and timers)
     * unless a {@link CycleListener} listens, and describing such an action fails.
     */
    default boolean describesActions() {
        return true;
    }

    ActionSink NONE = new ActionSink() {
        @Override
        public void accept(ObjectNode action) {
        }

        @Override
        public boolean receivesVariableActions() {
            return false;
        }

        @Override
        public boolean describesActions() {
            return false;
        }

        @Override
        public void performed(PerformedAction action) {
        }
    };
}
