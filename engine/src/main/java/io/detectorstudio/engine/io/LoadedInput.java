package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.model.Input;

/** An input definition in CreateInput request shape ({@code inputName}, {@code inputDefinition.attributes}). */
public record LoadedInput(String name, ObjectNode request) {

    /** The typed view of {@link #request()}. */
    public Input input() {
        return new ModelTreeReader().input(request);
    }
}
