package io.detectorstudio.engine.runtime;

/**
 * Engine switches for behaviours the documentation leaves open.
 *
 * @param retainInputValues §C.7 [GAP]: the last value of every input stays readable in later cycles (default on)
 * @param deduplicationWindowMillis §C.6: a messageId seen on the same input within this window is ignored
 */
public record EngineOptions(boolean retainInputValues, long deduplicationWindowMillis) {

    public static final EngineOptions DEFAULTS = new EngineOptions(true, 5 * 60 * 1000L);

    public EngineOptions withRetainInputValues(boolean retain) {
        return new EngineOptions(retain, deduplicationWindowMillis);
    }
}
