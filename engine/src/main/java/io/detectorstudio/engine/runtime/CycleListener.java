package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Observes whole evaluation cycles; the record is the trace line of shared/contracts/trace.md. */
@FunctionalInterface
public interface CycleListener {

    void cycleFinished(ObjectNode traceRecord);
}
