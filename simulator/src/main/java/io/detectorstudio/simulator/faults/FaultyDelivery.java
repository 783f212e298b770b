package io.detectorstudio.simulator.faults;

import io.detectorstudio.engine.runtime.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Puts {@link DeliveryFaults} between a sender and the engine: duplicates, shuffles within a window and delays
 * messages on virtual time. Every faulty delivery is a BatchPutMessage of one message, as a redelivering network
 * does not keep batches. Deterministic for a given seed and input sequence.
 */
public final class FaultyDelivery {

    /** Where messages go and how time moves. */
    public interface Target {
        void deliver(List<Message> batch);

        void advanceTo(long millis);

        long now();
    }

    private record Delayed(long at, long order, Message message) implements Comparable<Delayed> {
        @Override
        public int compareTo(Delayed o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final DeliveryFaults faults;
    private final Target target;
    private final SplittableRandom random;
    private final List<Message> window = new ArrayList<>();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
    private long order;
    private long duplicates;

    public FaultyDelivery(DeliveryFaults faults, Target target) {
        this.faults = faults;
        this.target = target;
        this.random = new SplittableRandom(faults.seed());
    }

    public void send(List<Message> batch) {
        for (Message m : batch) {
            offer(m);
            if (faults.duplicateProbability() > 0 && random.nextDouble() < faults.duplicateProbability()) {
                duplicates++;
                offer(new Message(m.inputName(), m.messageId() == null ? null : m.messageId() + "-dup" + duplicates,
                        m.payload(), m.timestampMillis()));
            }
        }
        deliverDue(target.now());
    }

    /** Moves time to {@code millis}, delivering every delayed message that falls due on the way, in time order. */
    public void advanceTo(long millis) {
        releaseWindow();
        while (!delayed.isEmpty() && delayed.peek().at() <= millis) {
            Delayed next = delayed.poll();
            if (next.at() > target.now()) {
                target.advanceTo(next.at());
            }
            target.deliver(List.of(next.message()));
        }
        target.advanceTo(millis);
    }

    /** Releases a partly filled reorder window (before an expectation or an update, say). */
    public void flush() {
        releaseWindow();
        deliverDue(target.now());
    }

    /** Delivers everything still held, moving time to the last delivery if it is delayed. */
    public void finish() {
        releaseWindow();
        while (!delayed.isEmpty()) {
            advanceTo(delayed.peek().at());
        }
    }

    public boolean holding() {
        return !window.isEmpty() || !delayed.isEmpty();
    }

    private void offer(Message m) {
        window.add(m);
        if (window.size() >= faults.reorderWindow()) {
            releaseWindow();
        }
    }

    private void releaseWindow() {
        for (int i = window.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Message t = window.get(i);
            window.set(i, window.get(j));
            window.set(j, t);
        }
        long now = target.now();
        for (Message m : window) {
            long delay = faults.maxDelayMillis() > 0 ? random.nextLong(faults.maxDelayMillis() + 1) : 0;
            delayed.add(new Delayed(now + delay, order++, m));
        }
        window.clear();
    }

    private void deliverDue(long now) {
        while (!delayed.isEmpty() && delayed.peek().at() <= now) {
            target.deliver(List.of(delayed.poll().message()));
        }
    }
}
