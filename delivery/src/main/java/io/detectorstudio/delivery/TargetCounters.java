package io.detectorstudio.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What happened to the actions of one target: live counters, read from any thread. */
public final class TargetCounters {

    final AtomicLong delivered = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong pending = new AtomicLong();
    final AtomicReference<String> lastError = new AtomicReference<>();

    /** A consistent-enough copy for printing and tests. */
    public record Snapshot(long delivered, long retries, long deadLettered, long pending, String lastError) {
    }

    public Snapshot snapshot() {
        return new Snapshot(delivered.get(), retries.get(), deadLettered.get(), pending.get(), lastError.get());
    }
}
