package io.detectorstudio.engine.model;

/** A resource tag ({@code Tag}: key, value). */
public record Tag(String key, String value) {
}
