package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An input definition in CreateInput request shape ({@code inputName}, {@code inputDefinition.attributes}). */
public record LoadedInput(String name, ObjectNode request) {
}
