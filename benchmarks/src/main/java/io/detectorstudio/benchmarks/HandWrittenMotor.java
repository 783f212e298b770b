package io.detectorstudio.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The motor model written by hand in plain Java — the ceiling our engine is measured against in the same run.
 * Same behaviour as devguide__motorDetectorModel.json in BATCH mode: Normal → Dangerous when pressure > 70
 * (variable + 3), in Dangerous +3 / −1 per high/normal reading, back to Normal when normal and the variable
 * is ≤ 1 (conditions see the variable as it was before the message); SNS on entering and leaving Dangerous.
 */
final class HandWrittenMotor {

    enum State { NORMAL, DANGEROUS }

    static final class Instance {
        State state = State.NORMAL;
        long breached;
    }

    /** What an SNS action carries: key, state, event and the variable. */
    record Sns(String key, State state, String event, long breached) { }

    interface Sink {
        void sns(Sns action);
    }

    private final Map<String, Instance> instances = new HashMap<>();
    private final Sink sink;

    HandWrittenMotor(Sink sink) {
        this.sink = sink;
    }

    void message(String key, long pressure) {
        Instance i = instances.get(key);
        if (i == null) {
            i = new Instance();
            instances.put(key, i);
            i.breached = 0; // onEnter Normal: init
        }
        switch (i.state) {
            case NORMAL -> {
                if (pressure > 70) {
                    i.breached += 3;
                    i.state = State.DANGEROUS;
                    if (i.breached > 1) {
                        sink.sns(new Sns(key, i.state, "Pressure Threshold Breached", i.breached));
                    }
                }
            }
            case DANGEROUS -> {
                long before = i.breached;
                if (pressure > 70) {
                    i.breached = 3;
                } else {
                    i.breached = before - 1;
                }
                if (pressure <= 70 && before <= 1) {
                    sink.sns(new Sns(key, i.state, "Normal Pressure Restored", i.breached));
                    i.state = State.NORMAL;
                    i.breached = 0;
                }
            }
        }
    }
}
