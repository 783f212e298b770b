package io.detectorstudio.engine.model;

/** How the engine reads a string field of a model (semantics §A.4, "quoting caveat"). */
public enum FieldKind {
    /** A full expression: literals must be quoted. */
    EXPRESSION,
    /** Literal text with {@code ${expression}} interpolation (e.g. {@code iotTopicPublish.mqttTopic}). */
    TEMPLATE
}
