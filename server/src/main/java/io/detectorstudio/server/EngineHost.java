package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.data.IotEventsData;
import io.detectorstudio.engine.data.ServiceException;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.DetectorState;
import io.detectorstudio.engine.runtime.shard.ShardedEngine;
import io.detectorstudio.engine.runtime.EngineLog;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.PerformedAction;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The engine's coordinating thread. Every operation that reads or changes the engine or the resource registry runs
 * here, one at a time; the detectors' cycles run on the {@link ShardedEngine}'s shards (shard 0 on this thread, the
 * others on worker threads), each detector on the one shard that owns it, in the order this thread routed its
 * messages — so the cycles of an instance are serial (§C.5), a call's messages keep their per-key order, and a
 * BatchUpdateDetector (which waits until the shards are idle) cannot lose a message's update. A call is answered
 * when its shards' work is done and its log records are durable. Between tasks the thread has the shards fire
 * timers on the wall clock (§C.5).
 *
 * <p>A change is a log record ({@link #apply}): applied to the engine at the current engine time and handed to the
 * {@link Journal}; the task's answer is released only when the journal has made it durable (group commit). On
 * start the last checkpoint is loaded and the log replayed at the recorded times — the engine is deterministic
 * given its inputs and clock, so the state is exactly what was acknowledged — then timers that fell due while the
 * server was down fire, in time order. Actions are not delivered again during the replay.
 */
public final class EngineHost implements AutoCloseable {

    /** Work for the engine thread; it may apply log records and queue other durable writes. */
    @FunctionalInterface
    public interface Task<T> {
        T run(Tx tx);
    }

    /** What a task can do on the engine thread. */
    public final class Tx {
        private final List<Journal.Op> writes = new ArrayList<>();
        private final List<ObjectNode> records = new ArrayList<>();
        private final List<Journal.Request> requests = new ArrayList<>();
        private final List<Long> seqs = new ArrayList<>();

        /** Applies a change record (see {@link EngineHost}) and logs it once it did not fail as a whole. */
        public JsonNode apply(ObjectNode record) {
            return apply(record, null, null);
        }

        /**
         * As {@link #apply(ObjectNode)}, for a BatchPutMessage record whose request was prepared already; with
         * {@code received} the log stores the request's bytes as received instead of the record's request member.
         */
        public JsonNode apply(ObjectNode record, IotEventsData.PreparedBatch prepared, Journal.Request received) {
            record.put("t", engine.now());
            JsonNode result = applyRecord(record, prepared);
            seqs.add(++seq);
            records.add(record);
            requests.add(received);
            recordsSinceCheckpoint++;
            return result;
        }

        /** Queues a write of the resource tables, committed with this task's log records. */
        public void write(Journal.Op op) {
            writes.add(op);
        }

        public ShardedEngine engine() {
            return engine;
        }

        public IotEventsData data() {
            return data;
        }

        public long now() {
            return engine.now();
        }
    }

    private record Queued<T>(Task<T> task, CompletableFuture<T> result) { }

    private static final Queued<Void> STOP = new Queued<>(null, null);
    /** a shard's next timer changed: look at the clock again */
    private static final Queued<Void> WAKE = new Queued<>(null, null);

    private final VirtualClock clock;
    private final ShardedEngine engine;
    private final IotEventsData data;
    private final Journal journal;
    private final LongSupplier wallClock;
    private final long checkpointIntervalMillis;
    private final BlockingQueue<Queued<?>> queue = new LinkedBlockingQueue<>();
    private final Metrics metrics;
    /** the models as the engine runs them (name → version and request), for checkpoints */
    private final Map<String, Store.ModelVersion> models = new LinkedHashMap<>();
    private volatile ActionSink deliveries = ActionSink.NONE;
    private volatile boolean replaying;
    private long seq;
    private long recordsSinceCheckpoint;
    private long lastCheckpoint;
    private Thread thread;

    /** @param threads the shards (worker threads) the detectors are spread over; 1 = all on this host's thread */
    public EngineHost(Journal journal, EngineOptions options, LongSupplier wallClock, long checkpointIntervalMillis,
                      Metrics metrics, EngineLog log, int threads) {
        this.journal = journal;
        this.wallClock = wallClock;
        this.checkpointIntervalMillis = checkpointIntervalMillis;
        this.metrics = metrics;
        this.clock = new VirtualClock(0);
        this.engine = new ShardedEngine(options, clock, threads);
        this.data = new IotEventsData(engine);
        // the shards call these from their threads: one at a time, so sinks written for one thread stay correct
        engine.setLog(entry -> {
            synchronized (sinkLock) {
                log.log(entry);
            }
        });
        engine.setActionSink(new ActionSink() {
            @Override
            public void accept(ObjectNode action) {
                synchronized (sinkLock) {
                    deliveries.accept(action);
                }
            }

            @Override
            public void performed(PerformedAction action) {
                if (!replaying) {
                    metrics.actions.increment();
                    synchronized (sinkLock) {
                        deliveries.performed(action);
                    }
                }
            }
        });
        engine.setTimerChanged(() -> queue.offer(WAKE));
    }

    private final Object sinkLock = new Object();

    /**
     * The seam for action delivery (issue 17): every action the detectors perform goes to this sink, from the
     * shards' threads one at a time (never concurrently), after its cycle ran and not again on replay. It must not
     * block (queue slow deliveries).
     */
    public void setActionSink(ActionSink sink) {
        this.deliveries = sink;
    }

    /** §C.13 evaluation summaries, one per cycle, on the engine thread (a debug log: tracing costs time). */
    public void setCycleListener(io.detectorstudio.engine.runtime.CycleListener listener) {
        engine.setCycleListener(record -> {
            if (!replaying) {
                synchronized (sinkLock) {
                    listener.cycleFinished(record);
                }
            }
        });
    }

    /**
     * Loads the checkpoint, replays the log after it and starts the thread, which first fires the timers that fell
     * due while the server was down.
     *
     * @param inputs the inputs that exist (their messages are accepted even if no model reads them)
     */
    public void start(Iterable<String> inputs) throws SQLException {
        var connection = journal.connectionForStartup();
        Store.Checkpoint cp = Store.readCheckpoint(connection);
        inputs.forEach(engine::declareInput);
        engine.advanceTo(cp.clock());
        cp.models().forEach((name, m) -> {
            engine.putModel(m.request().deepCopy(), m.version());
            models.put(name, m);
        });
        cp.detectors().forEach((model, states) -> {
            if (engine.hasModel(model)) {
                states.forEach(s -> engine.restoreDetector(model, s));
            }
        });
        long window = engine.options().deduplicationWindowMillis();
        engine.restoreSeenMessageIds(Store.recentMessageIds(connection, cp.seq(), cp.clock() - window));
        List<ObjectNode> log = Store.readLog(connection, cp.seq());
        replaying = true;
        for (ObjectNode record : log) {
            engine.advanceTo(record.path("t").asLong());
            try {
                applyRecord(record, null);
            } catch (ServiceException e) {
                // it failed the same way when it was first applied, and changed nothing then either
            }
        }
        engine.quiesce(); // every replayed cycle has run before actions count again
        replaying = false;
        seq = Store.maxLogSeq(connection);
        recordsSinceCheckpoint = log.size();
        lastCheckpoint = wallClock.getAsLong();
        metrics.replayed.add(log.size());
        thread = new Thread(this::loop, "serve-engine");
        thread.start();
    }

    /** Runs a task on the engine thread; the future completes when its changes are durable. */
    public <T> CompletableFuture<T> call(Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        queue.add(new Queued<>(task, result));
        return result;
    }

    private void loop() {
        while (true) {
            Queued<?> next;
            try {
                Long due = engine.nextTimerDue();
                long wait = due == null ? 1000 : Math.max(0, Math.min(1000, due - wallClock.getAsLong()));
                next = wait == 0 ? queue.poll() : queue.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            fireDueTimers();
            if (next == STOP) {
                checkpoint();
                return;
            }
            if (next != null && next != WAKE) {
                run(next);
            }
            if (recordsSinceCheckpoint > 0 && wallClock.getAsLong() - lastCheckpoint >= checkpointIntervalMillis) {
                checkpoint();
            }
        }
    }

    /** Moves the engine to the wall clock; timers due on the way fire, and a tick record makes that durable. */
    private void fireDueTimers() {
        long now = wallClock.getAsLong();
        Long due = engine.nextTimerDue();
        if (due != null && due <= now) {
            Tx tx = new Tx();
            ObjectNode tick = Store.JSON.createObjectNode().put("op", "tick");
            engine.advanceTo(now); // every shard fires its timers due by now
            tx.apply(tick);
            flush(tx, null, null);
        } else {
            engine.moveClockTo(now); // no timer due: the shards catch up with their next work
        }
    }

    private <T> void run(Queued<T> q) {
        Tx tx = new Tx();
        T value;
        try {
            value = q.task.run(tx);
        } catch (ServiceException e) {
            flush(tx, null, null);
            q.result.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            flush(tx, null, null);
            q.result.completeExceptionally(e);
            return;
        }
        flush(tx, engine.flush(), () -> q.result.complete(value));
    }

    /** Hands the task's records to the journal; {@code whenDurable} runs once they and its shards' work are done. */
    private void flush(Tx tx, CompletableFuture<Void> shardsDone, Runnable whenDurable) {
        if (tx.records.isEmpty() && tx.writes.isEmpty()) {
            if (whenDurable != null) {
                (shardsDone == null ? CompletableFuture.completedFuture(null) : shardsDone)
                        .whenComplete((ok, error) -> whenDurable.run());
            }
            return;
        }
        CompletableFuture<Void> last = null;
        for (int i = 0; i < tx.records.size(); i++) {
            boolean isLast = i == tx.records.size() - 1;
            last = journal.append(tx.seqs.get(i), tx.records.get(i), tx.requests.get(i), isLast ? tx.writes : List.of());
        }
        if (tx.records.isEmpty()) {
            last = journal.append(0, null, null, tx.writes);
        }
        if (whenDurable != null) { // a failed commit fails the next calls (503)
            CompletableFuture.allOf(last, shardsDone).whenComplete((ok, error) -> whenDurable.run());
        }
    }

    /** The engine's state now, written in the journal's order, so the log it covers can go. */
    private void checkpoint() {
        Map<String, List<DetectorState>> detectors = new LinkedHashMap<>();
        for (String name : models.keySet()) {
            detectors.put(name, engine.detectorStates(name));
        }
        Store.Checkpoint cp = new Store.Checkpoint(seq, engine.now(), new LinkedHashMap<>(models), detectors);
        long window = engine.options().deduplicationWindowMillis();
        journal.append(0, null, null, List.of(c -> Store.writeCheckpoint(c, cp, window)));
        recordsSinceCheckpoint = 0;
        lastCheckpoint = wallClock.getAsLong();
        metrics.checkpoints.increment();
    }

    /** The engine change a log record describes; also used for replay. */
    private JsonNode applyRecord(ObjectNode record, IotEventsData.PreparedBatch prepared) {
        JsonNode request = record.path("request");
        switch (record.path("op").asText()) {
            case "put": {
                ObjectNode answer = prepared != null ? data.batchPutMessage(prepared) : data.batchPutMessage(request);
                metrics.messages.add(request.path("messages").size());
                return answer;
            }
            case "update":
                return data.batchUpdateDetector(request);
            case "delete":
                return data.batchDeleteDetector(request);
            case "model":
                engine.putModel(((ObjectNode) request).deepCopy(), record.path("version").asText());
                models.put(request.path("detectorModelName").asText(),
                        new Store.ModelVersion(record.path("version").asText(), (ObjectNode) request));
                return null;
            case "dropModel":
                engine.deleteModel(record.path("name").asText());
                models.remove(record.path("name").asText());
                return null;
            case "input":
                engine.declareInput(record.path("name").asText());
                return null;
            case "tick":
                return null;
            default:
                throw new IllegalStateException("unknown log record " + record);
        }
    }

    /** Finishes queued work, writes a checkpoint, stops the thread. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        queue.add(STOP);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        engine.close();
    }
}
