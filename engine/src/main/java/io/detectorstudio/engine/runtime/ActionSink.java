package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives every action the engine performs, as the action object of shared/contracts/trace.md. */
@FunctionalInterface
public interface ActionSink {

    void accept(ObjectNode action);

    ActionSink NONE = action -> { };
}
