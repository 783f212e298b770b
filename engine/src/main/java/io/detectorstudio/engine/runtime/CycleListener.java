package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * Observes whole evaluation cycles as typed {@link CycleRecord}s. Setting one makes the engine record its cycles;
 * a listener that writes a trace asks the record for its trace line ({@link CycleRecord#toJson()}, or
 * {@link #traceLines}).
 */
@FunctionalInterface
public interface CycleListener {

    void cycleFinished(CycleRecord cycle);

    /** A listener that receives each cycle as the trace line of shared/contracts/trace.md. */
    static CycleListener traceLines(Consumer<ObjectNode> lines) {
        return cycle -> lines.accept(cycle.toJson());
    }
}
