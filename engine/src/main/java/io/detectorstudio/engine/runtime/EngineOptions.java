package io.detectorstudio.engine.runtime;

/**
 * Engine switches for behaviours the documentation leaves open.
 *
 * @param retainInputValues §C.7 [GAP]: the last value of every input stays readable in later cycles (default on)
 * @param deduplicationWindowMillis §C.6: a messageId seen on the same input within this window is ignored
 * @param timerTiesByDetector §C.5 [GAP]: timers of different detectors due at the same instant with the same name
 *                            fire ordered by model name, then key value — a total order, so engines that share the
 *                            detectors between threads fire them in the same order (`run`'s output does not
 *                            depend on `--threads`). Off (the default): in the order the timer queue yields them.
 */
public record EngineOptions(boolean retainInputValues, long deduplicationWindowMillis, boolean timerTiesByDetector) {

    public static final EngineOptions DEFAULTS = new EngineOptions(true, 5 * 60 * 1000L);

    public EngineOptions(boolean retainInputValues, long deduplicationWindowMillis) {
        this(retainInputValues, deduplicationWindowMillis, false);
    }

    public EngineOptions withRetainInputValues(boolean retain) {
        return new EngineOptions(retain, deduplicationWindowMillis, timerTiesByDetector);
    }

    public EngineOptions withTimerTiesByDetector(boolean byDetector) {
        return new EngineOptions(retainInputValues, deduplicationWindowMillis, byDetector);
    }
}
