package io.detectorstudio.simulator.session;

/** A breakpoint that stopped the session: where, for which instance, and why in words. */
public record Hit(Breakpoint breakpoint, Position position, String keyValue, String description) {
}
