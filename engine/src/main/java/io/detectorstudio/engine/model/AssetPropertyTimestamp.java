package io.detectorstudio.engine.model;

/** {@code AssetPropertyTimestamp}: both members are expressions. */
public record AssetPropertyTimestamp(String timeInSeconds, String offsetInNanos) {
}
