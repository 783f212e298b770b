package io.detectorstudio.engine.runtime.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.Clock;
import io.detectorstudio.engine.runtime.CycleListener;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.DetectorState;
import io.detectorstudio.engine.runtime.Detectors;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineLog;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.PayloadReading;
import io.detectorstudio.engine.runtime.PerformedAction;
import io.detectorstudio.engine.runtime.PreparedMessage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine with its detector instances spread over worker threads ("shards"): the instance of (model, key)
 * lives in shard {@code hash(model, key) mod n}, and only that shard's thread runs its cycles, in the order the
 * messages were put — so a detector's cycles stay serial (§C.5) and the messages of one call keep their per-key
 * order, while different detectors run on all cores.
 *
 * <p>A front {@link Engine} without instances does everything that concerns a message as a whole — the batch
 * checks, the clock, §C.6 de-duplication, routing (§C.1) and its errors — and hands each model's cycle to the
 * owning shard ({@link Engine.Dispatcher}); the shard's engine runs it ({@link Engine#deliver}), firing its own
 * instances' timers due up to the message's time first. A shard's clock may lag the front's; it catches up at
 * its next task, and since timers fire at their due time and before any later message of the same detector, the
 * detectors end up exactly as on one engine.
 *
 * <p>One thread (the coordinator) calls every method. Work is handed to the shards in batches:
 * {@link #flush} hands it over and gives a future of its completion. Methods that read or change instances
 * directly ({@link #update}, {@link #instance}, checkpoints) first wait until every shard is idle. Shard 0 has no
 * worker thread: its work runs at once on the coordinator, so n shards keep n threads busy, not n + 1 (on two
 * cores a third thread took a core from a shard whenever it routed). With one shard everything runs on the
 * coordinator. When a model has an iotEvents action (§C.10: one detector's action is another's message) the work
 * also runs on the coordinator, one shard at a time, with the forwarded messages routed by the front.
 */
public final class ShardedEngine implements Detectors, AutoCloseable {

    private final Engine front;
    private final Shards shards;
    private final boolean threaded;
    /** a model with iotEvents actions is present: run the shards on the coordinator */
    private boolean forwarding;
    private final ForwardingModels forwardingModels = new ForwardingModels();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final ArrayDeque<Message> forwarded = new ArrayDeque<>();
    private OrderedOutput ordered;
    private OrderedOutput.ShardSlots frontSlots;
    /** the current message or advance (ordered output), -1 before the first */
    private long position = -1;
    private volatile Runnable timerChanged = () -> { };
    /** every shard was told to advance to this time (a shard's next timer seen before it is out of date) */
    private long shardsAdvancedTo = Long.MIN_VALUE;

    /**
     * @param shards at least 1; shard 0 runs on the calling thread, each other shard on a thread of its own
     * @param clock the front's clock (shards keep virtual clocks that the front's times move)
     */
    public ShardedEngine(EngineOptions options, Clock clock, int shards) {
        this(options, clock, shards, false);
    }

    private ShardedEngine(EngineOptions options, Clock clock, int count, boolean ordered) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one shard, not " + count);
        }
        this.front = new Engine(options, clock);
        this.shards = new Shards(count, options, ordered, () -> timerChanged.run());
        this.threaded = shards.threaded;
        if (ordered) {
            this.ordered = new OrderedOutput();
            this.frontSlots = new OrderedOutput.ShardSlots();
        }
        front.setDispatcher(this::dispatch, false);
    }

    /**
     * A sharded engine whose output can be replayed in one engine's order (virtual-time {@code run}): actions and
     * log entries become lines, collected per slot, and {@link #drainOrdered} gives them in order.
     */
    public static ShardedEngine ordered(EngineOptions options, Clock clock, int shards,
                                        Function<PerformedAction, String> actionLine,
                                        Function<EngineLog.Entry, String> logLine) {
        ShardedEngine e = new ShardedEngine(options, clock, shards, true);
        e.shards.eachShard(s -> {
            OrderedOutput.ShardSlots slots = s.slots;
            s.engine.setActionSink(new ActionSink() {
                @Override
                public void accept(ObjectNode action) {
                    slots.add(new OrderedOutput.Line(false, action.toString()));
                }

                @Override
                public void performed(PerformedAction action) {
                    slots.add(new OrderedOutput.Line(false, actionLine.apply(action)));
                }
            });
            s.engine.setLog(entry -> slots.add(new OrderedOutput.Line(true, logLine.apply(entry))));
        });
        e.front.setLog(entry -> {
            e.frontSlots.message(e.position, e.ordinals.getOrDefault(entry.detectorModelName(), Integer.MAX_VALUE));
            e.frontSlots.add(new OrderedOutput.Line(true, logLine.apply(entry)));
        });
        return e;
    }

    // ---- routing

    private void dispatch(String model, String key, Message message, PayloadReading reading, long now) {
        // by the hash the reading holds: the key string itself is not touched on this thread
        Shard shard = reading != null ? shards.of(model, reading.keyHash()) : shards.of(model, key);
        int ordinal = ordered == null ? 0 : ordinals.getOrDefault(model, Integer.MAX_VALUE);
        if (forwarding) { // on this thread, the shards' own idle: forwarded messages are routed between the cycles
            shard.run(model, key, message, reading, now, position, ordinal);
        } else {
            shard.submit(model, key, message, reading, now, position, ordinal);
        }
    }

    /** The shard of a detector: the same for the same (model, key) in every run. */
    int shardOf(String model, String key) {
        return shards.shardOf(model, key);
    }

    public int shardCount() {
        return shards.count();
    }

    // ---- sinks (called from the shards' threads: they must be thread-safe when there are several shards)

    /** Every action of every shard; with several shards it is called from their threads, concurrently. */
    public void setActionSink(ActionSink sink) {
        front.setActionSink(sink);
        shards.eachEngine(e -> e.setActionSink(sink));
    }

    public void setLog(EngineLog log) {
        front.setLog(log);
        shards.eachEngine(e -> e.setLog(log));
    }

    public void setCycleListener(CycleListener listener) {
        shards.eachEngine(e -> e.setCycleListener(listener));
        front.setDispatcher(this::dispatch, listener != null); // a trace shows the payload: hand it over as a tree
    }

    /** Told (from a shard's thread) when a shard's next timer changed, so a wall-clock host can wake up for it. */
    public void setTimerChanged(Runnable timerChanged) {
        this.timerChanged = timerChanged;
    }

    // ---- models and inputs: on the front (routing) and on every shard (running)

    public void putModel(ObjectNode request) {
        putModel(request, null);
    }

    public void putModel(ObjectNode request, String version) {
        quiesce();
        String name = request.path("detectorModelName").asText("");
        front.putModel(request, version);
        String actual = front.modelVersion(name);
        shards.eachEngine(e -> e.putModel(request, actual));
        if (!ordinals.containsKey(name)) {
            ordinals.put(name, ordinals.size());
        }
        forwardingModels.put(name, request);
        updateForwarding();
        published();
    }

    public void deleteModel(String name) {
        quiesce();
        front.deleteModel(name);
        shards.eachEngine(e -> e.deleteModel(name));
        forwardingModels.remove(name);
        updateForwarding();
        published();
    }

    /** After a direct change of idle shards: their next timers as they are now. */
    private void published() {
        if (threaded && !forwarding) {
            shards.published();
        }
    }

    public void declareInput(String inputName) {
        quiesce();
        front.declareInput(inputName);
        shards.eachEngine(e -> e.declareInput(inputName));
    }

    /** Whether a model has an iotEvents action anywhere (§C.10), whose messages other detectors may receive. */
    public static boolean forwards(JsonNode request) {
        return ForwardingModels.forwards(request);
    }

    private void updateForwarding() {
        forwarding = threaded && forwardingModels.any();
        // with one shard its engine routes forwarded messages itself, exactly as a single engine does
        shards.eachEngine(e -> e.setForwarder(forwarding ? forwarded::add : null));
    }

    // ---- messages and time

    @Override
    public List<MessageError> put(List<Message> batch) {
        return putAtNextPosition(() -> front.put(batch));
    }

    /** A call's messages routed by the front, at the next position of the output order. */
    private List<MessageError> putAtNextPosition(Supplier<List<MessageError>> frontPut) {
        long p = ordered == null ? position : ordered.nextPosition();
        position = p;
        List<MessageError> errors = frontPut.get();
        routeForwarded();
        if (ordered != null) {
            ordered.positionTime(p, front.now());
        }
        return errors;
    }

    /**
     * One message from its payload's JSON bytes, read for the models without a tree where the bytes allow
     * ({@link Engine#prepare(String, String, byte[], Long)}); then {@link #putPrepared}. On the coordinator, or on
     * the shards' threads for {@link ReadAhead} (reading needs the models only, which do not change meanwhile).
     *
     * @throws IOException when the bytes are not JSON
     */
    @Override
    public PreparedMessage prepare(String inputName, String messageId, byte[] payload, Long timestampMillis)
            throws IOException {
        return front.prepare(inputName, messageId, payload, timestampMillis);
    }

    /** Runs a job on every worker thread after its earlier work ({@link ReadAhead}); it must touch no instance. */
    void onWorkerThreads(Runnable job) {
        shards.onWorkerThreads(job);
    }

    /** Whether the shards have threads of their own. */
    boolean threaded() {
        return threaded;
    }

    /** BatchPutMessage of prepared messages: the same as {@link #put} of their messages, read only once. */
    @Override
    public List<MessageError> putPrepared(List<PreparedMessage> batch) {
        return putAtNextPosition(() -> front.putPrepared(batch));
    }

    /** Moves the clock; every shard fires the timers due on the way. */
    public void advanceTo(long millis) {
        if (ordered != null) {
            position = ordered.nextPosition();
        }
        front.advanceTo(millis);
        long now = front.now();
        if (ordered != null) {
            ordered.positionTime(position, now);
            return; // the shards catch up at their next task or at drainOrdered: the output order is the same
        }
        advanceShards(now);
    }

    /** Moves only the front's clock: shards catch up with their next task (no timer is due before it). */
    public void moveClockTo(long millis) {
        front.advanceTo(millis);
    }

    private void advanceShards(long now) {
        shards.advance(now, position, forwarding);
        shardsAdvancedTo = Math.max(shardsAdvancedTo, now);
        routeForwarded();
    }

    private void routeForwarded() {
        while (!forwarded.isEmpty()) {
            front.put(List.of(forwarded.poll())); // may forward more; errors are nobody's to report, as on one engine
        }
    }

    public long now() {
        return front.now();
    }

    /**
     * The time of the next timer due on any shard, or null. With worker threads it is what each shard saw after
     * its last work; a shard that was told to advance past its timer reports again when it has (see
     * {@link #setTimerChanged}).
     */
    public Long nextTimerDue() {
        long min = shards.nextDue(shardsAdvancedTo, forwarding);
        return min == Long.MAX_VALUE ? null : min;
    }

    /** Hands every pending task to its shard; the future completes when all of it has run. */
    public CompletableFuture<Void> flush() {
        if (!threaded) {
            return CompletableFuture.completedFuture(null);
        }
        return shards.flush();
    }

    /** Waits until every shard has run everything handed to it (a failure of a cycle is thrown here). */
    public void quiesce() {
        if (threaded) {
            shards.quiesce();
        }
    }

    /** Fires every timer due up to the front's time on every shard and waits for them. */
    public void settle() {
        advanceShards(front.now());
        quiesce();
    }

    // ---- ordered output (virtual-time run)

    /** A line for standard error at the current position, after the position's cycles (e.g. a message's error). */
    public void note(String errorLine) {
        frontSlots.message(position, Integer.MAX_VALUE);
        frontSlots.add(new OrderedOutput.Line(true, errorLine));
    }

    /** Number of positions (messages, advances) whose lines were not drained yet. */
    public int undrained() {
        return ordered.pending();
    }

    /** Fires what is due up to now, waits for every shard and gives every line so far in one engine's order. */
    public void drainOrdered(Consumer<OrderedOutput.Line> out) {
        settle();
        List<OrderedOutput.ShardSlots> sources = new ArrayList<>();
        sources.add(frontSlots);
        sources.addAll(shards.slots());
        ordered.drain(sources, out);
    }

    // ---- detectors, read and changed directly once the shards are idle

    @Override
    public MessageError update(String model, String keyValue, String stateName, Map<String, Value> variables,
                               Map<String, Long> timerSeconds) {
        quiesce();
        Engine owner = shards.owner(model, keyValue);
        owner.advanceTo(front.now()); // its timers start now, as on one engine
        MessageError error = owner.update(model, keyValue, stateName, variables, timerSeconds);
        routeForwarded();
        published();
        return error;
    }

    @Override
    public MessageError deleteDetector(String model, String keyValue) {
        quiesce();
        MessageError error = shards.owner(model, keyValue).deleteDetector(model, keyValue);
        published();
        return error;
    }

    @Override
    public boolean hasModel(String model) {
        return front.hasModel(model);
    }

    @Override
    public DetectorInstance instance(String model, String keyValue) {
        quiesce();
        return shards.owner(model, keyValue).instance(model, keyValue);
    }

    @Override
    public Collection<DetectorInstance> instances(String model) {
        quiesce();
        return shards.instances(model);
    }

    @Override
    public boolean isKeyed(String model) {
        return front.isKeyed(model);
    }

    @Override
    public String modelVersion(String model) {
        return front.modelVersion(model);
    }

    public boolean reads(String model, String inputName) {
        return front.reads(model, inputName);
    }

    public EngineOptions options() {
        return front.options();
    }

    /** Every instance of the model, for a checkpoint (timers due by now fired first, on every shard). */
    public List<DetectorState> detectorStates(String model) {
        settle();
        return shards.detectorStates(model);
    }

    public void restoreDetector(String model, DetectorState state) {
        quiesce();
        shards.owner(model, state.keyValue()).restoreDetector(model, state);
        published();
    }

    /** The de-duplication memory, which the front keeps for all shards. */
    public Map<String, Long> seenMessageIds() {
        return front.seenMessageIds();
    }

    public void restoreSeenMessageIds(Map<String, Long> seen) {
        front.restoreSeenMessageIds(seen);
    }

    /** Finishes the handed-over work and stops the threads. */
    @Override
    public void close() {
        try {
            quiesce();
        } finally {
            shards.stop();
        }
    }
}
