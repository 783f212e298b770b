package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;

/**
 * What a GUI observes as the session moves forward (plain callbacks on the caller's thread). A jump in time
 * (step back, go to cycle) fires only {@link #positionChanged}: read the whole state again then.
 */
public interface SessionListener {

    default void cycleStarted(int cycle, ObjectNode record) {
    }

    default void subStep(Position position, SubStep step) {
    }

    default void cycleFinished(int cycle, ObjectNode record) {
    }

    default void stateChanged(String keyValue, String from, String to) {
    }

    /** {@code before} is {@link Value#UNDEFINED} for a variable set the first time. */
    default void variableChanged(String keyValue, String name, Value before, Value after) {
    }

    default void timerSet(String keyValue, String timerName, long expiresAtMillis) {
    }

    default void timerFired(String keyValue, String timerName) {
    }

    default void timerCleared(String keyValue, String timerName) {
    }

    default void actionEmitted(ObjectNode action) {
    }

    default void breakpointHit(Hit hit) {
    }

    default void positionChanged(Position position) {
    }
}
