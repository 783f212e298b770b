package io.detectorstudio.app.e2e;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX thread goes without a pulse: an {@link AnimationTimer} (which asks for a pulse every
 * frame while it runs) records the gap between the timestamps of consecutive pulses. A stall on the FX thread —
 * work done there instead of on a worker — shows as one long gap. Start and stop it on the FX thread.
 */
final class PulseProbe extends AnimationTimer {

    /** The gaps seen: how many, the longest and the 99th percentile, in milliseconds. */
    record Gaps(int pulses, double longestMillis, double p99Millis) {
        @Override
        public String toString() {
            return String.format("%d pulses, longest gap %.1f ms, p99 %.1f ms", pulses, longestMillis, p99Millis);
        }
    }

    private long[] gaps = new long[4096];
    private int count;
    private long last;

    @Override
    public void handle(long now) {
        if (last != 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            gaps[count++] = now - last;
            if (now - last > 100_000_000) { // when, to match with a GC log (-Xlog:gc uses the JVM's uptime)
                System.err.printf("e2e: pulse gap of %.0f ms ending at JVM uptime %.3f s%n", (now - last) / 1e6,
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
            }
        }
        last = now;
    }

    /** Stops the probe and sums up what it saw. */
    Gaps finish() {
        stop();
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        double longest = count == 0 ? 0 : sorted[count - 1] / 1e6;
        double p99 = count == 0 ? 0 : sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
        return new Gaps(count, longest, p99);
    }
}
