package io.detectorstudio.engine.runtime;

/**
 * What a {@link Cycle} needs from whoever owns the detector instances: the embedded {@link Engine} (instances in
 * its maps, timers in its schedule) or a {@link ModelRunner} (instance state handed in and back, e.g. by Flink).
 */
interface CycleHost {

    EngineOptions options();

    /** Whether cycles should build their {@link CycleRecord}. */
    boolean tracing();

    void emit(PerformedAction action);

    /** §C.10: an iotEvents action's message, to be processed after the current cycle. */
    void forward(Message message);

    /** A timer was set or restarted on the instance. */
    void scheduled(String model, DetectorInstance instance, Timer timer);
}
