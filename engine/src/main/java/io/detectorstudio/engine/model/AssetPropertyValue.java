package io.detectorstudio.engine.model;

/** {@code AssetPropertyValue}: value, optional timestamp and quality ({@code GOOD|BAD|UNCERTAIN} as expression). */
public record AssetPropertyValue(AssetPropertyVariant value, AssetPropertyTimestamp timestamp, String quality) {
}
