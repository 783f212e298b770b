package io.detectorstudio.app.e2e;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX thread goes without a pulse: an {@link AnimationTimer} (which asks for a pulse every
 * frame while it runs) records the gap between the timestamps of consecutive pulses. A stall on the FX thread —
 * work done there instead of on a worker — shows as one long gap. The garbage collector's stop-the-world pauses
 * stop every thread, the FX thread too; the probe also records each gap less the collectors' time within it (the
 * JVM's cumulative collection time, read at every pulse), which is what the FX thread itself did or waited for.
 * Start and stop it on the FX thread.
 */
final class PulseProbe extends AnimationTimer {

    /** The gaps seen: how many, the longest and the 99th percentile, in milliseconds, raw and less GC pauses. */
    record Gaps(int pulses, double longestMillis, double p99Millis, double longestLessGcMillis, double p99LessGcMillis,
                double gcMillis, double longestFxCpuMillis, double p99FxCpuMillis) {
        @Override
        public String toString() {
            return String.format("%d pulses, longest gap %.1f ms (p99 %.1f ms); less GC pauses: longest %.1f ms "
                    + "(p99 %.1f ms); GC pauses in all %.0f ms; FX thread's CPU time within a gap: longest %.1f ms "
                    + "(p99 %.1f ms)", pulses, longestMillis, p99Millis, longestLessGcMillis, p99LessGcMillis,
                    gcMillis, longestFxCpuMillis, p99FxCpuMillis);
        }
    }

    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Gaps longer than this (or with half of it the FX thread's own CPU time) are reported one by one. */
    private static final long REPORTED_GAP_NANOS =
            (long) (Double.parseDouble(System.getProperty("e2e.reportGapMillis", "100")) * 1e6);
    private long[] gaps = new long[4096];
    private long[] lessGc = new long[4096];
    private long[] fxCpu = new long[4096];
    private int count;
    private long last;
    private long lastCpu;
    private long lastGcMillis;
    private long firstGcMillis = -1;

    @Override
    public void handle(long now) {
        long gc = gcMillis();
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (firstGcMillis < 0) {
            firstGcMillis = gc;
        }
        if (last != 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
                lessGc = Arrays.copyOf(lessGc, count * 2);
                fxCpu = Arrays.copyOf(fxCpu, count * 2);
            }
            long gap = now - last;
            gaps[count] = gap;
            fxCpu[count] = cpu - lastCpu;
            lessGc[count++] = Math.max(0, gap - (gc - lastGcMillis) * 1_000_000);
            if (gap > REPORTED_GAP_NANOS || cpu - lastCpu > REPORTED_GAP_NANOS / 2) { // when, to match with a GC log or a JFR recording (both use the JVM's uptime)
                System.err.printf("e2e: pulse gap of %.0f ms (GC pauses in it: %d ms, FX thread's CPU time in it: "
                        + "%.0f ms) ending at JVM uptime %.3f s%n", gap / 1e6, gc - lastGcMillis,
                        (cpu - lastCpu) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
            }
        }
        last = now;
        lastCpu = cpu;
        lastGcMillis = gc;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean c : COLLECTORS) {
            sum += Math.max(0, c.getCollectionTime());
        }
        return sum;
    }

    /** Stops the probe and sums up what it saw. */
    Gaps finish() {
        stop();
        long[] raw = sorted(gaps);
        long[] net = sorted(lessGc);
        long[] cpu = sorted(fxCpu);
        return new Gaps(count, longest(raw), p99(raw), longest(net), p99(net), lastGcMillis - Math.max(0, firstGcMillis),
                longest(cpu), p99(cpu));
    }

    private long[] sorted(long[] values) {
        long[] s = Arrays.copyOf(values, count);
        Arrays.sort(s);
        return s;
    }

    private double longest(long[] sorted) {
        return count == 0 ? 0 : sorted[count - 1] / 1e6;
    }

    private double p99(long[] sorted) {
        return count == 0 ? 0 : sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
    }
}
