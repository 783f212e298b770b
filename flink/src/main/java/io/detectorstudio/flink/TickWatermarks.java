package io.detectorstudio.flink;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness from the message timestamps; a tick (an {@code advance} line) says "the clock is at T
 * now", so it moves the watermark to T minus the bound at once, which fires the detector timers due by T as
 * {@code run}'s {@code advance} does.
 */
final class TickWatermarks implements WatermarkGenerator<Envelope> {

    private final long bound;
    private long max = Long.MIN_VALUE;

    TickWatermarks(long boundMillis) {
        this.bound = boundMillis;
    }

    @Override
    public void onEvent(Envelope e, long timestamp, WatermarkOutput output) {
        max = Math.max(max, e.time);
        if (e.tick) {
            output.emitWatermark(new Watermark(e.time - bound));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (max != Long.MIN_VALUE) {
            output.emitWatermark(new Watermark(max - bound - 1));
        }
    }
}
