package io.detectorstudio.engine.runtime.shard;

import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.PayloadReading;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One shard: an {@link Engine} holding the instances whose (model, key) hash to it, and the thread that owns it —
 * every cycle of those instances runs on that thread, in the order the coordinator handed the work over (§C.5).
 * Work is handed over in batches; an inline shard (a single shard) runs it at once on the caller's thread.
 */
final class Shard {

    /** Handed over when this many tasks are pending, so a queue hand-off is paid per batch, not per message. */
    static final int BATCH = 2048;
    /**
     * Batches handed over and not yet taken (some small, see {@link #EARLY_BATCH}); a coordinator ahead of its shard
     * waits (back-pressure), so the work in flight stays bounded — a long queue of live tasks would only cost the
     * garbage collector copying them.
     */
    static final int QUEUED_BATCHES = 16;

    /**
     * Tasks handed over together, column by column: a message's cycle for one model, or (message null) a move of
     * the shard's clock, at which timers due on the way fire. The coordinator writes the columns in order and the
     * shard's thread reads them in order: no object per task, and the lines move between the cores as a stream.
     */
    static final class Batch {
        String[] models;
        String[] keys;
        Message[] messages;
        PayloadReading[] readings;
        long[] times;
        long[] positions;
        int[] ordinals;
        int size;
        /** instead of tasks: work that touches no instance (reading payloads), run on the shard's thread */
        Runnable job;
        CompletableFuture<Void> done;

        /** @param capacity what the columns hold before they grow (a quiet service hands over a few tasks at a time) */
        Batch(int capacity) {
            models = new String[capacity];
            keys = new String[capacity];
            messages = new Message[capacity];
            readings = new PayloadReading[capacity];
            times = new long[capacity];
            positions = new long[capacity];
            ordinals = new int[capacity];
        }

        void add(String model, String key, Message message, PayloadReading reading, long time, long position,
                 int ordinal) {
            if (size == models.length) {
                grow();
            }
            models[size] = model;
            keys[size] = key;
            messages[size] = message;
            readings[size] = reading;
            times[size] = time;
            positions[size] = position;
            ordinals[size] = ordinal;
            size++;
        }

        private void grow() {
            int capacity = Math.max(8, size * 2);
            models = Arrays.copyOf(models, capacity);
            keys = Arrays.copyOf(keys, capacity);
            messages = Arrays.copyOf(messages, capacity);
            readings = Arrays.copyOf(readings, capacity);
            times = Arrays.copyOf(times, capacity);
            positions = Arrays.copyOf(positions, capacity);
            ordinals = Arrays.copyOf(ordinals, capacity);
        }
    }

    /**
     * Handed over at this many pending tasks when the shard's thread waits for work: a full batch would keep it
     * idle while the coordinator routes (and runs shard 0's cycles for) thousands of messages to fill it.
     */
    static final int EARLY_BATCH = 64;

    private static final Batch STOP = new Batch(0);

    final int index;
    final Engine engine;
    /** What this shard's cycles printed, by position (only when the output is ordered). */
    final OrderedOutput.ShardSlots slots;
    private final BlockingQueue<Batch> queue;
    private final Thread thread;
    private final Runnable timerChanged;
    private Batch pending = new Batch(8);
    private CompletableFuture<Void> lastHandedOver = CompletableFuture.completedFuture(null);
    /** The next timer due on this shard as last seen by its thread, Long.MAX_VALUE for none ... */
    private volatile long nextDue = Long.MAX_VALUE;
    /** ... and the shard's time then: an advance handed over later is not reflected in it yet. */
    private volatile long nextDueSeenAt = Long.MIN_VALUE;
    /** The shard's thread found its queue empty and waits for work (written by it, read by the coordinator). */
    private volatile boolean idle;

    Shard(int index, EngineOptions options, boolean inline, OrderedOutput.ShardSlots slots, Runnable timerChanged) {
        this(index, new Engine(options, new VirtualClock(0)), inline, slots, timerChanged);
    }

    /** @param engine an engine on a {@link VirtualClock} that the shard's tasks move */
    Shard(int index, Engine engine, boolean inline, OrderedOutput.ShardSlots slots, Runnable timerChanged) {
        this.index = index;
        this.engine = engine;
        this.slots = slots;
        if (slots != null) {
            engine.setTimerObserver(slots::timer);
        }
        this.timerChanged = timerChanged;
        if (inline) {
            queue = null;
            thread = null;
        } else {
            queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
            thread = new Thread(this::loop, "engine-shard-" + index);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether this shard runs on the coordinator's thread (it has no thread of its own). */
    boolean inline() {
        return thread == null;
    }

    /** A message's cycle for a model at {@code time}; called by the coordinator only. */
    void submit(String model, String key, Message message, PayloadReading reading, long time, long position,
                int ordinal) {
        if (thread == null) {
            run(model, key, message, reading, time, position, ordinal);
            return;
        }
        pending.add(model, key, message, reading, time, position, ordinal);
        if (pending.size >= BATCH || pending.size >= EARLY_BATCH && idle) {
            handOver();
        }
    }

    /** A move of the shard's clock to {@code time} (timers due on the way fire); called by the coordinator only. */
    void submitAdvance(long time, long position) {
        submit(null, null, null, null, time, position, 0);
    }

    /** Hands the pending tasks to the thread; the future completes when they (and all before them) ran. */
    CompletableFuture<Void> handOver() {
        if (thread == null || pending.size == 0) {
            return lastHandedOver;
        }
        Batch batch = pending;
        batch.done = new CompletableFuture<>();
        pending = new Batch(Math.min(BATCH, Math.max(8, batch.size * 2))); // about what the last one needed
        lastHandedOver = batch.done;
        enqueue(batch);
        return batch.done;
    }

    /**
     * Runs {@code job} on this shard's thread (it has one), after the work handed over before it. The job runs
     * beside the coordinator: it must not touch any instance.
     */
    void execute(Runnable job) {
        handOver(); // the tasks before it first: the shard has them to run while the coordinator waits
        Batch batch = new Batch(0);
        batch.job = job;
        batch.done = new CompletableFuture<>();
        lastHandedOver = batch.done;
        enqueue(batch);
    }

    /** The future of everything handed over so far. */
    CompletableFuture<Void> idle() {
        handOver();
        return lastHandedOver;
    }

    /** @param direct ask the engine itself (the caller knows the thread is idle) */
    long nextDue(boolean direct) {
        if (thread == null || direct) {
            Long due = engine.nextTimerDue();
            return due == null ? Long.MAX_VALUE : due;
        }
        return nextDue;
    }

    long nextDueSeenAt() {
        return thread == null ? Long.MAX_VALUE : nextDueSeenAt;
    }

    /**
     * Publishes the engine's next timer due; by the shard's thread after its work, or by the coordinator after
     * changing the idle shard's instances directly. Whether it changed.
     */
    boolean publishNextDue() {
        Long due = engine.nextTimerDue();
        long next = due == null ? Long.MAX_VALUE : due;
        boolean changed = next != nextDue;
        nextDue = next;
        nextDueSeenAt = engine.now();
        return changed;
    }

    private void loop() {
        while (true) {
            Batch batch;
            try {
                batch = queue.poll();
                if (batch == null) {
                    idle = true;
                    batch = queue.take();
                    idle = false;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (batch == STOP) {
                return;
            }
            Throwable failure = null;
            try {
                if (batch.job != null) {
                    batch.job.run();
                }
                for (int i = 0; i < batch.size; i++) {
                    run(batch.models[i], batch.keys[i], batch.messages[i], batch.readings[i], batch.times[i],
                            batch.positions[i], batch.ordinals[i]);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            // published before the batch is answered: once idle, this thread no longer reads the engine, which the
            // coordinator may then change directly (a restore's timer, read half-made, was dropped from the schedule)
            boolean changed = false;
            try {
                changed = publishNextDue();
            } catch (RuntimeException | Error e) {
                // the batch must still be answered, or whoever waits for it (quiesce) waits forever
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure == null) {
                batch.done.complete(null);
            } else {
                batch.done.completeExceptionally(failure);
            }
            if (changed) {
                timerChanged.run();
            }
        }
    }

    /** One task on this thread (message null: only the clock moves). */
    void run(String model, String key, Message message, PayloadReading reading, long time, long position,
             int ordinal) {
        engine.advanceTo(time); // timers due first, each in its own slot (OrderedOutput)
        if (message != null) {
            if (slots != null) {
                slots.message(position, ordinal);
            }
            engine.deliver(model, key, message, reading, time);
        }
    }

    private void enqueue(Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing work to shard " + index, e);
        }
    }

    void stop() {
        if (thread != null) {
            enqueue(STOP);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
