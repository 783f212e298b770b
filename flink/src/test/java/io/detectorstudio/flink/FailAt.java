package io.detectorstudio.flink;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A test stage between the message reader and the detectors: paces the lines ({@code pauseMillis} each, so
 * checkpoints happen while the job runs) and throws once per attempt: attempt i fails at line {@code lines[i]}.
 * Counters are static: the MiniCluster runs in the test's JVM.
 */
final class FailAt extends RichMapFunction<Envelope, Envelope> {

    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicLong LAST_LINE = new AtomicLong();

    private final long[] lines;
    private final long pauseMillis;

    FailAt(long pauseMillis, long... lines) {
        this.lines = lines;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public Envelope map(Envelope e) throws Exception {
        int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        if (attempt < lines.length && e.line == lines[attempt]) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected failure at line " + e.line + " (attempt " + attempt + ")");
        }
        if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
        }
        LAST_LINE.set(e.line);
        return e;
    }
}
