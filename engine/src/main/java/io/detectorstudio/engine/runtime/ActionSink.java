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

    ActionSink NONE = new ActionSink() {
        @Override
        public void accept(ObjectNode action) {
        }

        @Override
        public void performed(PerformedAction action) {
        }
    };
}
