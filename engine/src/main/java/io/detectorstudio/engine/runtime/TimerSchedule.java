package io.detectorstudio.engine.runtime;

import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * An {@link Engine}'s timers, earliest first (§C.5: time order, ties by name): every timer ever set or restarted
 * is queued; an entry whose timer was cleared or restarted since, or whose instance is gone, is skipped when it
 * comes up rather than looked for when that happens.
 */
final class TimerSchedule {

    /** One timer as it was scheduled; live while its instance runs it with this expiry and is in its table. */
    record Scheduled(long at, String timer, String model, DetectorInstance instance)
            implements Comparable<Scheduled> {
        /** §C.5: time order, ties by name */
        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : timer.compareTo(o.timer);
        }

        /** EngineOptions.timerTiesByDetector: then by model and key, a total order */
        static final Comparator<Scheduled> BY_DETECTOR = Comparator.<Scheduled>naturalOrder()
                .thenComparing(Scheduled::model).thenComparing(Scheduled::key);

        String key() {
            return instance.keyValue == null ? "" : instance.keyValue;
        }

        boolean live(Map<String, InstanceTable> instances) {
            Timer t = instance.timer(timer);
            InstanceTable byKey = instances.get(model);
            return t != null && t.expiresAtMillis() == at && byKey != null
                    && byKey.get(InstanceTable.keyOf(instance)) == instance;
        }
    }

    private final PriorityQueue<Scheduled> queue;

    /** @param tiesByDetector {@link EngineOptions#timerTiesByDetector} */
    TimerSchedule(boolean tiesByDetector) {
        this.queue = tiesByDetector ? new PriorityQueue<>(Scheduled.BY_DETECTOR) : new PriorityQueue<>();
    }

    void add(String model, DetectorInstance instance, Timer timer) {
        queue.add(new Scheduled(timer.expiresAtMillis(), timer.name(), model, instance));
    }

    /** The earliest live timer due at {@code millis} or before, taken off the schedule; null when there is none. */
    Scheduled takeDue(long millis, Map<String, InstanceTable> instances) {
        while (!queue.isEmpty() && queue.peek().at() <= millis) {
            Scheduled due = queue.poll();
            if (due.live(instances)) {
                return due;
            }
        }
        return null;
    }

    /** The time of the earliest live timer, or null; the dead entries before it are dropped. */
    Long nextAt(Map<String, InstanceTable> instances) {
        while (!queue.isEmpty() && !queue.peek().live(instances)) {
            queue.poll(); // cleared or restarted since it was scheduled
        }
        return queue.isEmpty() ? null : queue.peek().at();
    }

    void clear() {
        queue.clear();
    }
}
