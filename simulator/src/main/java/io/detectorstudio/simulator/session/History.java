package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.CycleRecord;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.MessageIdMemory;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a session applied and how to get back to any moment of it: every operation (with the cycle count after it),
 * an {@link Engine#snapshot()} before an operation at least every {@code checkpointInterval} cycles, and the frames
 * of the last cycles. {@link #replayTo} restores the nearest checkpoint into a new engine and re-runs the operations
 * since, silently. It knows nothing of positions or breakpoints: the session presents its frames.
 */
final class History {

    private record Checkpoint(int op, Engine.Snapshot snapshot, int cycle) {
    }

    private final Session.Config config;
    private final ModelIndex index;
    private final String modelName;
    private final List<SessionInput> ops = new ArrayList<>();
    /** per operation, the cycle count after it (as many as {@link #ops}; an int each: a replay records 200,000) */
    private int[] opEnd = new int[64];
    private final TreeMap<Integer, Checkpoint> checkpoints = new TreeMap<>();
    private final TreeMap<Integer, Frame> frames = new TreeMap<>();
    private final Map<String, InstanceState> latest = new LinkedHashMap<>();
    private final int frameCapacity;
    private Engine engine;
    private int executed;
    private int engineCycles;
    private int companionCycles;
    private boolean replaying;
    private Consumer<ObjectNode> traceSink;

    History(Session.Config config, ModelIndex index) {
        this.config = config;
        this.index = index;
        this.modelName = index.name();
        this.frameCapacity = Math.max(2 * config.checkpointInterval(), 64);
        this.engine = newEngine(config.startMillis());
        checkpoints.put(0, new Checkpoint(0, engine.snapshot(), 0));
    }

    private Engine newEngine(long timeMillis) {
        Engine e = new Engine(config.options(), new VirtualClock(timeMillis));
        e.putModel(config.model());
        config.companions().forEach(e::putModel);
        config.inputNames().forEach(e::declareInput);
        e.setCycleListener(this::onCycle);
        return e;
    }

    void setTraceSink(Consumer<ObjectNode> sink) {
        this.traceSink = sink;
    }

    Engine engine() {
        return engine;
    }

    /** Cycles the engine has run (the frames reach this far). */
    int engineCycles() {
        return engineCycles;
    }

    /** Cycles the companion models have run (only ever grows: for counting the cycles one input caused). */
    int companionCycles() {
        return companionCycles;
    }

    /** Cycles known, including those of operations after the engine's (to redo). */
    int cycleCount() {
        return ops.isEmpty() ? 0 : opEnd[ops.size() - 1];
    }

    /** Whether every recorded operation has been executed on the engine. */
    boolean atEnd() {
        return executed == ops.size();
    }

    List<SessionInput> operations() {
        return List.copyOf(ops);
    }

    Frame frame(int cycle) {
        return frames.get(cycle);
    }

    /** Whether the frames kept cover every cycle from {@code cycle} to the engine's last. */
    boolean framesCover(int cycle) {
        if (cycle == engineCycles) {
            return true;
        }
        return !frames.isEmpty() && (cycle == 0 ? frames.firstKey() == 1 : cycle >= frames.firstKey());
    }

    /** Drops the oldest frames beyond the capacity, never those at or after {@code position}. */
    void evict(int position) {
        while (frames.size() > frameCapacity && frames.firstKey() < position) {
            frames.pollFirstEntry();
        }
    }

    /** Executes a new operation and appends it, with a checkpoint before it when one is due. */
    List<MessageError> record(SessionInput op) {
        Checkpoint last = checkpoints.lastEntry().getValue();
        if (engineCycles - last.cycle() >= config.checkpointInterval()) {
            checkpoints.put(executed, new Checkpoint(executed, engine.snapshot(), engineCycles));
        }
        List<MessageError> errors = execute(op);
        if (ops.size() == opEnd.length) {
            opEnd = Arrays.copyOf(opEnd, opEnd.length * 2);
        }
        opEnd[ops.size()] = engineCycles;
        ops.add(op);
        return errors;
    }

    /** Re-executes the next recorded operation silently; false when the engine is at the end. */
    boolean redoNext() {
        if (atEnd()) {
            return false;
        }
        replaying = true;
        try {
            execute(ops.get(executed));
        } finally {
            replaying = false;
        }
        return true;
    }

    /**
     * The engine state right after operation {@code op} (-1: before any), from the nearest checkpoint before it,
     * so that the frames of {@code op}'s cycles are there again.
     */
    void replayTo(int op) {
        Checkpoint cp = checkpoints.floorEntry(Math.max(op, 0)).getValue();
        engine = newEngine(cp.snapshot().timeMillis());
        engine.restore(cp.snapshot());
        engineCycles = cp.cycle();
        executed = cp.op();
        frames.clear();
        latest.clear();
        engine.instances(modelName).forEach(i -> latest.put(keyOf(i.keyValue()), InstanceState.of(i)));
        while (executed <= op) {
            redoNext();
        }
    }

    /**
     * How many message ids (for de-duplication) the checkpoints hold together; they share them, so this grows with
     * the ids seen, not with ids × checkpoints (for tests).
     */
    long checkpointMessageIds() {
        return MessageIdMemory.Mark.retained(checkpoints.values().stream().map(cp -> cp.snapshot().seenMessageIds())
                .toList());
    }

    /** The operation that produced cycle {@code cycle}; -1 for cycle 0. */
    int opOf(int cycle) {
        if (cycle == 0) {
            return -1;
        }
        int lo = 0;
        int hi = ops.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (opEnd[mid] >= cycle) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Forgets every operation after {@code keep} (the engine replayed to right after it when it ran further). */
    void discardAfter(int keep) {
        if (executed - 1 > keep) {
            replayTo(keep);
        }
        while (ops.size() > keep + 1) {
            ops.remove(ops.size() - 1);
        }
        checkpoints.tailMap(keep + 1, false).clear();
        frames.tailMap(engineCycles, false).clear();
    }

    private List<MessageError> execute(SessionInput op) {
        List<MessageError> errors;
        if (op instanceof SessionInput.Send s) {
            errors = engine.put(s.batch());
        } else if (op instanceof SessionInput.Advance a) {
            engine.advanceTo(a.toMillis());
            errors = List.of();
        } else if (op instanceof SessionInput.Update u) {
            errors = applyUpdate(u.entry());
        } else {
            throw new IllegalStateException("relative advance in the history: " + op);
        }
        executed++;
        return errors;
    }

    private List<MessageError> applyUpdate(JsonNode entry) {
        String key = entry.hasNonNull("key") ? entry.get("key").asText() : null;
        Updates.Parsed parsed = Updates.parse(entry);
        String named = entry.path("model").asText(modelName);
        if (!named.equals(modelName)) { // a companion's detector (a scenario with several models names it)
            MessageError error = engine.update(named, key, parsed.stateName(), parsed.variables(), parsed.timers());
            return error == null ? List.of() : List.of(error);
        }
        DetectorInstance instance = engine.instance(modelName, key);
        String from = instance == null ? null : instance.stateName();
        MessageError error = engine.update(modelName, key, parsed.stateName(), parsed.variables(), parsed.timers());
        if (error != null) {
            return List.of(error);
        }
        engineCycles++;
        InstanceState after = InstanceState.of(engine.instance(modelName, key));
        addFrame(Updates.record(engineCycles, engine.now(), modelName, index.keyed() ? key : null, entry, from, after),
                null, key, after, List.of());
        return List.of();
    }

    /** The engine's report of a cycle: numbered in the session, written as its trace line, kept as a frame. */
    private void onCycle(CycleRecord cycle) {
        if (!modelName.equals(cycle.detectorModelName())) {
            companionCycles++;
            return; // a companion model's cycle: it ran, the session presents this model's cycles
        }
        engineCycles++;
        CycleRecord numbered = cycle.withSeq(engineCycles);
        ObjectNode json = numbered.toJson();
        CycleRecord.State state = cycle.state();
        InstanceState after = new InstanceState(cycle.keyValue(), state.stateName(), state.variables(), state.timers());
        addFrame(json, numbered, cycle.keyValue(), after, CycleSteps.of(numbered, json, index));
    }

    private void addFrame(ObjectNode record, CycleRecord cycle, String key, InstanceState after, List<SubStep> steps) {
        InstanceState before = latest.get(keyOf(key));
        latest.put(keyOf(key), after);
        frames.put(engineCycles, new Frame(engineCycles, engine.now(), record, cycle, keyOf(key), before, after, steps));
        if (!replaying && traceSink != null) {
            traceSink.accept(record);
        }
    }

    /** Every instance at {@code at}, in creation order; mid-cycle, the cycle's instance as far as presented. */
    List<InstanceState> instancesAt(Position at) {
        if (at.complete() && at.cycle() == engineCycles) {
            return List.copyOf(latest.values()); // the usual case, after a send: nothing to undo
        }
        // every change to this model's instances is a frame, which keeps the state after it: the latest of each is
        // the engine's instance as it is now, in creation order; undoing the frames after the position gives the
        // instances there (a snapshot per send need not copy every instance from the engine)
        Map<String, InstanceState> out = new LinkedHashMap<>(latest);
        for (Frame f : frames.subMap(at.cycle(), false, engineCycles, true).descendingMap().values()) {
            if (f.before() == null) {
                out.remove(f.key());
            } else {
                out.put(f.key(), f.before());
            }
        }
        if (!at.complete()) {
            Frame f = frame(at.cycle());
            out.put(f.key(), f.partial(index, at.subStep()));
        }
        return List.copyOf(out.values());
    }

    static String keyOf(String keyValue) {
        return keyValue == null ? "" : keyValue;
    }
}
