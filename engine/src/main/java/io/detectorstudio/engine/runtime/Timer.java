package io.detectorstudio.engine.runtime;

/** A running timer of one instance: when it expires and the duration {@code resetTimer} restarts it with. */
record Timer(String name, long expiresAtMillis, long durationSeconds) {
}
