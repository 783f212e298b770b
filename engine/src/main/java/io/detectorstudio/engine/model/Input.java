package io.detectorstudio.engine.model;

import java.util.List;

/** A CreateInput request: name, optional description, the attributes detector models may read, tags. */
public record Input(String inputName, String inputDescription, List<Attribute> attributes, List<Tag> tags) {

    public Input {
        attributes = List.copyOf(attributes);
        tags = List.copyOf(tags);
    }

    public Input withAttributes(List<Attribute> attributes) {
        return new Input(inputName, inputDescription, attributes, tags);
    }

    /** The attribute paths, in declaration order. */
    public List<String> attributePaths() {
        return attributes.stream().map(Attribute::jsonPath).toList();
    }
}
