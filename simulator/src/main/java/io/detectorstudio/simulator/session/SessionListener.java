package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.CycleRecord;

/**
 * What a GUI observes as the session presents cycles (plain callbacks on the caller's thread). A jump in time
 * (step back, go to cycle) fires nothing: read the whole state again then, as after every operation.
 */
public interface SessionListener {

    /**
     * A cycle's presentation starts; {@code record} is its trace line (trace.md, numbered by the session) and
     * {@code typed} the engine's record it was written from (the same numbering), or null for a cycle the engine
     * did not run (a BatchUpdateDetector update, a trace file's record).
     */
    default void cycleStarted(int cycle, ObjectNode record, CycleRecord typed) {
    }

    default void cycleFinished(int cycle, ObjectNode record) {
    }

    /** An action was presented; {@code action} is its trace.md action object. */
    default void actionEmitted(ObjectNode action) {
    }

    /** A breakpoint hit (also while an interrupted operation is finished without stopping). */
    default void breakpointHit(Hit hit) {
    }
}
