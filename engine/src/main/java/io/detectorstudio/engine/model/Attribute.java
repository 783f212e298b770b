package io.detectorstudio.engine.model;

/** An input attribute: the JSON path of a value in the messages sent to the input (e.g. {@code sensorData.pressure}). */
public record Attribute(String jsonPath) {
}
