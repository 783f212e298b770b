package io.detectorstudio.engine.runtime.shard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts what the shards printed back into the order one engine would have printed it (virtual-time {@code run}).
 * Every line belongs to a slot: a message's cycle for one model (position of the message in the input, the
 * model's place among the models) or a timer's expiry cycle (time, timer, model, key — the engine's total order
 * of timers). One engine fires, before the message at position p, every timer due up to p's time, then runs
 * the message's models in order; {@link #drain} interleaves the slots the same way.
 */
public final class OrderedOutput {

    /** One line of output: to standard output (an action) or to standard error (a log entry, an error). */
    public record Line(boolean error, String text) { }

    private record MessageSlot(long position, int ordinal, List<Line> lines) { }

    private record TimerSlot(long at, String timer, String model, String key, List<Line> lines) { }

    private static final Comparator<MessageSlot> MESSAGE_ORDER = Comparator.comparingLong(MessageSlot::position)
            .thenComparingInt(MessageSlot::ordinal);
    private static final Comparator<TimerSlot> TIMER_ORDER = Comparator.comparingLong(TimerSlot::at)
            .thenComparing(TimerSlot::timer).thenComparing(TimerSlot::model).thenComparing(TimerSlot::key);

    /** The slots one thread writes (a shard's, or the coordinator's own); read only when that thread is idle. */
    static final class ShardSlots {
        private final List<MessageSlot> messages = new ArrayList<>();
        private final List<TimerSlot> timers = new ArrayList<>();
        private long position;
        private int ordinal;
        private String timer;
        private String model;
        private String key;
        private long at;
        private List<Line> current;

        void message(long position, int ordinal) {
            this.position = position;
            this.ordinal = ordinal;
            this.timer = null;
            this.current = null;
        }

        void timer(String model, String key, String timer, long at) {
            this.model = model;
            this.key = key == null ? "" : key;
            this.timer = timer;
            this.at = at;
            this.current = null;
        }

        void add(Line line) {
            if (current == null) {
                current = new ArrayList<>(2);
                if (timer != null) {
                    timers.add(new TimerSlot(at, timer, model, key, current));
                } else {
                    messages.add(new MessageSlot(position, ordinal, current));
                }
            }
            current.add(line);
        }
    }

    OrderedOutput() {
    }

    private long firstPosition;
    private long[] times = new long[1024];
    private int count;

    /** Starts the next position (a message or an advance of the clock); returns its number. */
    long nextPosition() {
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
        }
        times[count] = Long.MIN_VALUE;
        return firstPosition + count++;
    }

    /** The engine time once the position was taken in: timers due up to it fired before it. */
    void positionTime(long position, long time) {
        times[(int) (position - firstPosition)] = time;
    }

    int pending() {
        return count;
    }

    /** Every line so far, in one engine's order; the slots are emptied. Call only when every shard is idle. */
    void drain(List<ShardSlots> sources, Consumer<Line> out) {
        List<MessageSlot> messages = new ArrayList<>();
        List<TimerSlot> timers = new ArrayList<>();
        for (ShardSlots s : sources) {
            messages.addAll(s.messages);
            timers.addAll(s.timers);
            s.messages.clear();
            s.timers.clear();
            s.current = null; // a slot continued after the drain starts a new list
        }
        messages.sort(MESSAGE_ORDER);
        timers.sort(TIMER_ORDER);
        int m = 0;
        int t = 0;
        long time = Long.MIN_VALUE;
        while (m < messages.size() && messages.get(m).position() < firstPosition) {
            messages.get(m++).lines().forEach(out); // noted after an earlier drain, before any newer position
        }
        for (int i = 0; i < count; i++) {
            long position = firstPosition + i;
            time = Math.max(time, times[i]);
            while (t < timers.size() && timers.get(t).at() <= time) {
                timers.get(t++).lines().forEach(out);
            }
            while (m < messages.size() && messages.get(m).position() == position) {
                messages.get(m++).lines().forEach(out);
            }
        }
        while (t < timers.size()) {
            timers.get(t++).lines().forEach(out);
        }
        while (m < messages.size()) {
            messages.get(m++).lines().forEach(out);
        }
        firstPosition += count;
        count = 0;
    }
}
