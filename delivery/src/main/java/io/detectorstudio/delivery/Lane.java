package io.detectorstudio.delivery;

import io.detectorstudio.delivery.bindings.Bindings.Retry;
import io.detectorstudio.delivery.transport.Transport;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue of one target (one destination × one ARN/URL/topic) and the thread that delivers it in order: an
 * action is retried with exponential backoff until it is accepted or its tries are used up (then it goes to the
 * dead letters) before the next one is tried, so the target sees them in the order the engine performed them.
 * A slow or failing target holds up only its own lane; the engine only ever enqueues.
 */
final class Lane implements Runnable {

    private final String name;
    private final Transport transport;
    private final Retry retry;
    private final DeadLetters deadLetters;
    private final LinkedBlockingQueue<Outgoing> queue;
    final TargetCounters counters = new TargetCounters();
    private final Thread thread;
    private volatile boolean closing;
    private volatile long drainDeadline = Long.MAX_VALUE;

    Lane(String name, Transport transport, Retry retry, DeadLetters deadLetters) {
        this.name = name;
        this.transport = transport;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.queue = new LinkedBlockingQueue<>(retry.queueLimit());
        this.thread = new Thread(this, "deliver " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Never blocks: a full queue sends the action straight to the dead letters. */
    void offer(Outgoing outgoing) {
        counters.pending.incrementAndGet();
        if (closing || !queue.offer(outgoing)) {
            counters.pending.decrementAndGet();
            deadLetter(outgoing, 0, closing ? "not delivered: shutting down"
                    : "not delivered: " + retry.queueLimit() + " actions were already waiting for this target");
        }
    }

    @Override
    public void run() {
        Outgoing current = null;
        try {
            while (!closing || !queue.isEmpty()) {
                current = queue.poll(100, TimeUnit.MILLISECONDS);
                if (current != null) {
                    deliver(current);
                    counters.pending.decrementAndGet();
                    current = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // interrupted while closing: what was in hand and what is left are kept as dead letters
        for (Outgoing left = current != null ? current : queue.poll(); left != null; left = queue.poll()) {
            counters.pending.decrementAndGet();
            deadLetter(left, 0, "not delivered before shutdown");
        }
    }

    private void deliver(Outgoing outgoing) throws InterruptedException {
        String error = null;
        int tries = 0;
        while (tries < retry.attempts()) {
            tries++;
            try {
                transport.send(outgoing, retry.timeout());
                counters.delivered.incrementAndGet();
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                error = describe(e);
                counters.lastError.set(error);
            }
            if (tries < retry.attempts()) {
                Duration wait = retry.backoffAfter(tries);
                if (System.currentTimeMillis() + wait.toMillis() > drainDeadline) {
                    break; // shutting down: no time left to wait for this target
                }
                counters.retries.incrementAndGet();
                Thread.sleep(wait.toMillis());
            }
        }
        deadLetter(outgoing, tries, error);
    }

    private void deadLetter(Outgoing outgoing, int tries, String error) {
        counters.deadLettered.incrementAndGet();
        deadLetters.undeliverable(name, outgoing, tries, error);
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof java.util.concurrent.ExecutionException
                || root instanceof java.util.concurrent.CompletionException) && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.util.concurrent.TimeoutException) {
            return "no answer within the timeout";
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    boolean idle() {
        return counters.pending.get() == 0;
    }

    /** Stops taking actions, delivers what is queued until {@code deadline}, dead-letters the rest. */
    void close(long deadline) throws InterruptedException {
        drainDeadline = deadline;
        closing = true;
        thread.join(Math.max(1, deadline - System.currentTimeMillis()));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(2000);
        }
    }
}
