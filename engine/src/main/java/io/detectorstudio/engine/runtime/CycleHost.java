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

    /** Whether {@link #emit} wants setVariable actions (false: the cycle performs them without a record). */
    default boolean emitsVariableActions() {
        return true;
    }

    /** Whether the actions {@link #emit} gets may be described (false: no default payload is captured). */
    default boolean describesActions() {
        return true;
    }

    /** §C.10: an iotEvents action's message, to be processed after the current cycle. */
    void forward(Message message);

    /** A timer was set or restarted on the instance. */
    void scheduled(String model, DetectorInstance instance, Timer timer);
}
