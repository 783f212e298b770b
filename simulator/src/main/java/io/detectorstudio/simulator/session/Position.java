package io.detectorstudio.simulator.session;

/**
 * Where the session is: {@code cycle} is the 1-based number of the cycle shown (0 before the first) and
 * {@code subStep} how many of its sub-steps have been presented; the cycle is complete when that equals its size.
 */
public record Position(int cycle, int subStep, boolean complete) {

    public static final Position START = new Position(0, 0, true);
}
