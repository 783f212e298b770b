package io.detectorstudio.engine.model;

/** {@code AssetPropertyVariant}: exactly one of the four values should be set; each is an expression. */
public record AssetPropertyVariant(String stringValue, String integerValue, String doubleValue, String booleanValue) {
}
