package io.detectorstudio.engine.runtime;

/** A clock that only moves when told to; the engine fires due timers as it moves. */
public final class VirtualClock implements Clock {

    private long now;

    public VirtualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long nowMillis() {
        return now;
    }

    void set(long millis) {
        now = Math.max(now, millis);
    }
}
