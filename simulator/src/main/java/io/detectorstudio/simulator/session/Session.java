package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.MapContext;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.VirtualClock;
import io.detectorstudio.simulator.faults.DeliveryFaults;
import io.detectorstudio.simulator.faults.FaultyDelivery;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A debugging session over one detector model on the engine with a virtual clock.
 *
 * <p><b>Inputs.</b> {@link #send}, {@link #advanceTo}, {@link #runToNextTimer} and {@link #update} apply at once and
 * present every cycle they cause. A script ({@link #enqueue}, e.g. a scenario's steps) is consumed by the stepping
 * methods instead: {@link #stepCycle}, {@link #stepGroup}, {@link #stepSubStep} and {@link #resume} move through the
 * cycles one sub-step at a time (see {@link CycleSteps}) and stop at {@link Breakpoint}s.
 *
 * <p><b>Time travel.</b> The engine runs whole operations; the session keeps every operation, an
 * {@link Engine#snapshot()} before an operation at least every {@code checkpointInterval} cycles, and the frames
 * (trace record, the instance before and after) of the last cycles. Going back within those frames is instant; going
 * further restores the nearest checkpoint and replays the operations since, silently. The state of every instance at a
 * cycle is the live state with the frames after it undone. An input given while the session shows the past discards
 * every later operation first. Memory: the operations, one snapshot (every instance) per checkpoint interval, and at
 * most {@code max(2 × interval, 64)} frames plus those of the newest operation.
 *
 * <p>Not thread-safe, except {@link #pause()}, which may be called from another thread while {@link #resume()} runs.
 */
public final class Session {

    /**
     * How a session is set up.
     *
     * @param checkpointInterval cycles between engine snapshots (time-travel cost vs memory)
     * @param companions the project's other models, run in the same engine: a message reaches every model that
     *                   reads its input and their iotEvents actions feed this model (issue 14 item 9); the session
     *                   presents, steps and breaks on {@code model}'s cycles
     */
    public record Config(ObjectNode model, List<String> inputNames, long startMillis, EngineOptions options,
                         int checkpointInterval, DeliveryFaults faults, List<ObjectNode> companions) {
        public Config {
            inputNames = List.copyOf(inputNames);
            companions = List.copyOf(companions);
            if (checkpointInterval < 1) {
                throw new IllegalArgumentException("checkpointInterval must be at least 1");
            }
        }

        public static Config of(ObjectNode model) {
            return new Config(model, List.of(), 0, EngineOptions.DEFAULTS, 100, DeliveryFaults.NONE, List.of());
        }

        public Config withInputs(List<String> names) {
            return new Config(model, names, startMillis, options, checkpointInterval, faults, companions);
        }

        public Config withStart(long millis) {
            return new Config(model, inputNames, millis, options, checkpointInterval, faults, companions);
        }

        public Config withOptions(EngineOptions o) {
            return new Config(model, inputNames, startMillis, o, checkpointInterval, faults, companions);
        }

        public Config withCheckpointInterval(int cycles) {
            return new Config(model, inputNames, startMillis, options, cycles, faults, companions);
        }

        public Config withFaults(DeliveryFaults f) {
            return new Config(model, inputNames, startMillis, options, checkpointInterval, f, companions);
        }

        /** The project's other models (same detectorModelName as {@code model}: left out). */
        public Config withCompanions(List<ObjectNode> models) {
            String name = model.path("detectorModelName").asText("");
            return new Config(model, inputNames, startMillis, options, checkpointInterval, faults, models.stream()
                    .filter(m -> !m.path("detectorModelName").asText("").equals(name)).toList());
        }
    }

    private record Checkpoint(int op, Engine.Snapshot snapshot, int cycle) {
    }

    /** One cycle (or update) as the session saw it. */
    private record Frame(int cycle, long timeMillis, ObjectNode record, String key, InstanceState before,
                         InstanceState after, List<SubStep> steps) {
    }

    private final Config config;
    private final ModelIndex index;
    private final String modelName;
    private final List<SessionInput> ops = new ArrayList<>();
    private final List<Integer> opEnd = new ArrayList<>();
    private final TreeMap<Integer, Checkpoint> checkpoints = new TreeMap<>();
    private final TreeMap<Integer, Frame> frames = new TreeMap<>();
    private final Map<String, InstanceState> latest = new LinkedHashMap<>();
    private final Deque<SessionInput> pending = new ArrayDeque<>();
    private final List<Breakpoint> breakpoints = new CopyOnWriteArrayList<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Breakpoint, Map<String, Value>> watchValues = new HashMap<>();
    private final Map<String, Boolean> lastConditions = new HashMap<>();
    private final FaultyDelivery faulty;
    private final int frameCapacity;
    private Engine engine;
    private int executed;
    private int engineCycles;
    private boolean replaying;
    private Position position = Position.START;
    /** The instance of the cycle being presented, as the sub-steps shown so far left it. */
    private InstanceState shown;
    private List<MessageError> lastErrors = new ArrayList<>();
    private Consumer<ObjectNode> traceSink;
    private volatile boolean pauseRequested;

    public Session(Config config) {
        this.config = config;
        this.index = new ModelIndex(config.model());
        this.modelName = index.name();
        this.frameCapacity = Math.max(2 * config.checkpointInterval(), 64);
        this.engine = newEngine(config.startMillis());
        checkpoints.put(0, new Checkpoint(0, engine.snapshot(), 0));
        this.faulty = config.faults().active() ? new FaultyDelivery(config.faults(), new FaultyDelivery.Target() {
            @Override
            public void deliver(List<Message> batch) {
                lastErrors.addAll(record(new SessionInput.Send(batch)));
            }

            @Override
            public void advanceTo(long millis) {
                record(new SessionInput.Advance(millis));
            }

            @Override
            public long now() {
                return engine.now();
            }
        }) : null;
    }

    private Engine newEngine(long timeMillis) {
        Engine e = new Engine(config.options(), new VirtualClock(timeMillis));
        e.putModel(config.model());
        config.companions().forEach(e::putModel);
        config.inputNames().forEach(e::declareInput);
        e.setCycleListener(this::onCycle);
        return e;
    }

    public Config config() {
        return config;
    }

    public ModelIndex model() {
        return index;
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Receives each trace record (trace.md, seq numbered by the session) when its cycle is first computed. */
    public void setTraceSink(Consumer<ObjectNode> sink) {
        this.traceSink = sink;
    }

    // ---------------------------------------------------------------- inputs applied at once

    /** One BatchPutMessage call; returns its per-entry errors. */
    public List<MessageError> send(List<Message> batch) {
        prepareLive();
        lastErrors = new ArrayList<>();
        applyFresh(new SessionInput.Send(batch));
        presentAll();
        return List.copyOf(lastErrors);
    }

    public List<MessageError> send(Message message) {
        return send(List.of(message));
    }

    /** Moves virtual time to {@code millis}, firing every timer (and delayed message) due on the way. */
    public void advanceTo(long millis) {
        prepareLive();
        applyFresh(new SessionInput.Advance(millis));
        presentAll();
    }

    public void advanceBy(long millis) {
        prepareLive();
        advanceTo(engine.now() + millis);
    }

    /** Advances to the next timer due, firing it; false when no timer is running. */
    public boolean runToNextTimer() {
        prepareLive();
        Long due = engine.nextTimerDue();
        if (due == null) {
            return false;
        }
        advanceTo(due);
        return true;
    }

    /** BatchUpdateDetector with the scenario's entry shape; returns the error or null. */
    public MessageError update(JsonNode entry) {
        prepareLive();
        lastErrors = new ArrayList<>();
        applyFresh(new SessionInput.Update(entry));
        presentAll();
        return lastErrors.isEmpty() ? null : lastErrors.get(0);
    }

    // ---------------------------------------------------------------- script and stepping

    /** Adds inputs the stepping methods consume, in order ({@link SessionInput.AdvanceBy} is relative). */
    public void enqueue(List<? extends SessionInput> inputs) {
        pending.addAll(inputs);
    }

    public int pendingInputs() {
        return pending.size();
    }

    /** Presents one sub-step (a condition or an action), or the next cycle if it has none. */
    public Optional<Hit> stepSubStep() {
        pauseRequested = false;
        return Optional.ofNullable(advanceOne(true).hit);
    }

    /** Presents the sub-steps of the current group (onEnter, onInput, transition, onExit) up to the next group. */
    public Optional<Hit> stepGroup() {
        pauseRequested = false;
        Move m = advanceOne(true);
        while (m.moved && m.hit == null && !position.complete()) {
            Frame f = frames.get(position.cycle());
            if (!f.steps().get(position.subStep()).group().equals(f.steps().get(position.subStep() - 1).group())) {
                break;
            }
            m = advanceOne(true);
        }
        return Optional.ofNullable(m.hit);
    }

    /** Finishes the current cycle, or presents the whole next one. */
    public Optional<Hit> stepCycle() {
        pauseRequested = false;
        Move m = advanceOne(true);
        while (m.moved && m.hit == null && !position.complete()) {
            m = advanceOne(true);
        }
        return Optional.ofNullable(m.hit);
    }

    /** Runs until a breakpoint hits, the inputs are exhausted or {@link #pause()} is called. */
    public Optional<Hit> resume() {
        pauseRequested = false;
        Move m;
        do {
            m = advanceOne(true);
        } while (m.moved && m.hit == null && !pauseRequested);
        return Optional.ofNullable(m.hit);
    }

    public void pause() {
        pauseRequested = true;
    }

    /** Whether nothing is left to present: no computed cycle ahead, no operation to redo, no script. */
    public boolean exhausted() {
        return position.complete() && position.cycle() == engineCycles && executed == ops.size()
                && pending.isEmpty() && (faulty == null || !faulty.holding());
    }

    // ---------------------------------------------------------------- time travel

    /** One cycle back: to the end of the previous cycle (from the middle of a cycle: to just before it). */
    public void stepBack() {
        if (position.cycle() > 0) {
            goToCycle(position.cycle() - 1);
        }
    }

    /** Shows the state right after cycle {@code cycle} (0 = before the first), restoring every instance exactly. */
    public void goToCycle(int cycle) {
        if (cycle < 0 || cycle > cycleCount()) {
            throw new IllegalArgumentException("cycle " + cycle + " is outside 0–" + cycleCount());
        }
        if (cycle > engineCycles) {
            replaying = true;
            try {
                while (engineCycles < cycle && executed < ops.size()) {
                    execute(ops.get(executed));
                }
            } finally {
                replaying = false;
            }
        } else if (!shownFromFrames(cycle)) {
            replayTo(opOf(cycle));
        }
        position = new Position(cycle, cycle == 0 ? 0 : frames.get(cycle).steps().size(), true);
        shown = null;
        watchValues.clear();
        lastConditions.clear();
        evict();
        listeners.forEach(l -> l.positionChanged(position));
    }

    /** Whether the frames kept cover every cycle from {@code cycle} to the engine's last. */
    private boolean shownFromFrames(int cycle) {
        if (cycle == engineCycles) {
            return true;
        }
        return !frames.isEmpty() && (cycle == 0 ? frames.firstKey() == 1 : cycle >= frames.firstKey());
    }

    /** Cycles known to the session, including those ahead of the position. */
    public int cycleCount() {
        return opEnd.isEmpty() ? 0 : opEnd.get(opEnd.size() - 1);
    }

    // ---------------------------------------------------------------- inspection

    public Position position() {
        return position;
    }

    /** The virtual time at the position. */
    public long now() {
        if (position.cycle() == engineCycles && position.complete()) {
            return engine.now();
        }
        return position.cycle() == 0 ? config.startMillis() : frames.get(position.cycle()).timeMillis();
    }

    /** The trace record of the cycle at the position, or null before the first. */
    public ObjectNode currentRecord() {
        Frame f = frames.get(position.cycle());
        return position.cycle() == 0 || f == null ? null : f.record();
    }

    /** The sub-steps of the cycle at the position ({@link Position#subStep()} of them are presented). */
    public List<SubStep> currentSubSteps() {
        Frame f = frames.get(position.cycle());
        return position.cycle() == 0 || f == null ? List.of() : f.steps();
    }

    /** Every instance at the position, in creation order; mid-cycle, the cycle's instance as far as presented. */
    public List<InstanceState> instances() {
        Map<String, InstanceState> out = new LinkedHashMap<>();
        for (DetectorInstance i : engine.instances(modelName)) {
            out.put(keyOf(i.keyValue()), InstanceState.of(i));
        }
        for (Frame f : frames.subMap(position.cycle(), false, engineCycles, true).descendingMap().values()) {
            if (f.before() == null) {
                out.remove(f.key());
            } else {
                out.put(f.key(), f.before());
            }
        }
        if (!position.complete()) {
            Frame f = frames.get(position.cycle());
            out.put(f.key(), partial(f, position.subStep()));
        }
        return List.copyOf(out.values());
    }

    /** The instance with this key (null for a model without key) at the position, or null. */
    public InstanceState instance(String keyValue) {
        for (InstanceState s : instances()) {
            if (keyOf(s.keyValue()).equals(keyOf(keyValue))) {
                return s;
            }
        }
        return null;
    }

    /** Every operation applied so far (messages as delivered, absolute advances, updates), oldest first. */
    public List<SessionInput> history() {
        return List.copyOf(ops);
    }

    // ---------------------------------------------------------------- breakpoints

    public void addBreakpoint(Breakpoint breakpoint) {
        breakpoints.add(breakpoint);
    }

    public void removeBreakpoint(Breakpoint breakpoint) {
        breakpoints.remove(breakpoint);
        watchValues.remove(breakpoint);
    }

    public List<Breakpoint> breakpoints() {
        return List.copyOf(breakpoints);
    }

    // ---------------------------------------------------------------- engine side

    private static String keyOf(String keyValue) {
        return keyValue == null ? "" : keyValue;
    }

    private void onCycle(ObjectNode record) {
        if (!modelName.equals(record.path("detectorModelName").asText())) {
            return; // a companion model's cycle: it ran, the session presents this model's cycles
        }
        engineCycles++;
        record.put("seq", engineCycles);
        String key = record.hasNonNull("keyValue") ? record.get("keyValue").asText() : null;
        DetectorInstance instance = engine.instance(modelName, key);
        addFrame(record, key, instance == null ? null : InstanceState.of(instance));
    }

    private void addFrame(ObjectNode record, String key, InstanceState after) {
        InstanceState before = latest.get(keyOf(key));
        latest.put(keyOf(key), after);
        frames.put(engineCycles, new Frame(engineCycles, engine.now(), record, keyOf(key), before, after,
                CycleSteps.of(record, index)));
        if (!replaying && traceSink != null) {
            traceSink.accept(record);
        }
    }

    /** Applies a new input: expands relative advances, passes messages through the faults when configured. */
    private void applyFresh(SessionInput input) {
        if (input instanceof SessionInput.AdvanceBy by) {
            input = new SessionInput.Advance(engine.now() + by.millis());
        }
        if (faulty == null) {
            lastErrors.addAll(record(input));
            return;
        }
        if (input instanceof SessionInput.Send s) {
            faulty.send(s.batch());
        } else if (input instanceof SessionInput.Advance a) {
            faulty.advanceTo(a.toMillis());
        } else {
            faulty.flush();
            lastErrors.addAll(record(input));
        }
    }

    /** Executes a new operation and appends it to the history, with a checkpoint before it when one is due. */
    private List<MessageError> record(SessionInput op) {
        Checkpoint last = checkpoints.lastEntry().getValue();
        if (engineCycles - last.cycle() >= config.checkpointInterval()) {
            checkpoints.put(executed, new Checkpoint(executed, engine.snapshot(), engineCycles));
        }
        List<MessageError> errors = execute(op);
        ops.add(op);
        opEnd.add(engineCycles);
        return errors;
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
        DetectorInstance instance = engine.instance(modelName, key);
        String from = instance == null ? null : instance.stateName();
        MessageError error = engine.update(modelName, key, parsed.stateName(), parsed.variables(), parsed.timers());
        if (error != null) {
            return List.of(error);
        }
        engineCycles++;
        InstanceState after = InstanceState.of(engine.instance(modelName, key));
        addFrame(Updates.record(engineCycles, engine.now(), modelName, index.keyed() ? key : null, entry, from, after),
                key, after);
        return List.of();
    }

    /**
     * The engine state right after operation {@code op} (-1: before any), from the nearest checkpoint before it,
     * so that the frames of {@code op}'s cycles are there again.
     */
    private void replayTo(int op) {
        Checkpoint cp = checkpoints.floorEntry(Math.max(op, 0)).getValue();
        engine = newEngine(cp.snapshot().timeMillis());
        engine.restore(cp.snapshot());
        engineCycles = cp.cycle();
        executed = cp.op();
        frames.clear();
        latest.clear();
        engine.instances(modelName).forEach(i -> latest.put(keyOf(i.keyValue()), InstanceState.of(i)));
        replaying = true;
        try {
            while (executed <= op) {
                execute(ops.get(executed));
            }
        } finally {
            replaying = false;
        }
    }

    /** The operation that produced cycle {@code cycle}; -1 for cycle 0. */
    private int opOf(int cycle) {
        if (cycle == 0) {
            return -1;
        }
        int lo = 0;
        int hi = opEnd.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (opEnd.get(mid) >= cycle) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Before a new input: if the session shows the past, discard every operation after the position's. */
    private void prepareLive() {
        if (!position.complete()) {
            finishSilently();
        }
        if (position.cycle() == engineCycles && executed == ops.size()) {
            return;
        }
        int keep = opOf(position.cycle());
        if (executed - 1 > keep || position.cycle() < engineCycles) {
            replayTo(keep);
        }
        while (ops.size() > keep + 1) {
            ops.remove(ops.size() - 1);
            opEnd.remove(opEnd.size() - 1);
        }
        checkpoints.tailMap(keep + 1, false).clear();
        frames.tailMap(engineCycles, false).clear();
    }

    private void finishSilently() {
        Frame f = frames.get(position.cycle());
        position = new Position(f.cycle(), f.steps().size(), true);
        shown = null;
    }

    // ---------------------------------------------------------------- presentation

    private record Move(boolean moved, Hit hit) {
    }

    private static final Move STUCK = new Move(false, null);

    private void presentAll() {
        while (advanceOne(false).moved) {
            // every cycle of a live input is shown; breakpoints are reported, not stopped at
        }
    }

    /** Moves one sub-step forward; computes the next cycle (history, then script) when needed. */
    private Move advanceOne(boolean consumeScript) {
        List<Hit> hits = new ArrayList<>();
        if (!position.complete()) {
            present(frames.get(position.cycle()), position.subStep(), hits);
        } else {
            int next = position.cycle() + 1;
            if (!ensureComputed(next, consumeScript)) {
                return STUCK;
            }
            Frame f = frames.get(next);
            start(f, hits);
            if (f.steps().isEmpty()) {
                position = new Position(next, 0, true);
                finish(f, hits);
            } else {
                present(f, 0, hits);
            }
        }
        evict();
        Hit hit = hits.isEmpty() ? null : hits.get(0);
        hits.forEach(h -> listeners.forEach(l -> l.breakpointHit(h)));
        return new Move(true, hit);
    }

    private boolean ensureComputed(int cycle, boolean consumeScript) {
        while (engineCycles < cycle) {
            if (executed < ops.size()) {
                replaying = true;
                try {
                    execute(ops.get(executed));
                } finally {
                    replaying = false;
                }
            } else if (consumeScript && !pending.isEmpty()) {
                applyFresh(pending.poll());
            } else if (consumeScript && faulty != null && faulty.holding()) {
                faulty.finish();
            } else {
                return false;
            }
        }
        return true;
    }

    private void evict() {
        while (frames.size() > frameCapacity && frames.firstKey() < position.cycle()) {
            frames.pollFirstEntry();
        }
    }

    private void start(Frame f, List<Hit> hits) {
        listeners.forEach(l -> l.cycleStarted(f.cycle(), f.record()));
        shown = initial(f);
        JsonNode trigger = f.record().path("trigger");
        if ("Timer".equals(trigger.path("type").asText())) {
            String timer = trigger.path("timerName").asText();
            listeners.forEach(l -> l.timerFired(f.key(), timer));
        }
        for (Breakpoint b : breakpoints) {
            if (b instanceof Breakpoint.Watch w) {
                watchValues.computeIfAbsent(w, k -> new HashMap<>()).computeIfAbsent(f.key(), k -> evaluate(w, shown, f));
            }
        }
    }

    private void present(Frame f, int i, List<Hit> hits) {
        SubStep step = f.steps().get(i);
        position = new Position(f.cycle(), i + 1, i + 1 == f.steps().size());
        listeners.forEach(l -> l.subStep(position, step));
        if (step.kind() == SubStep.Kind.ACTION) {
            listeners.forEach(l -> l.actionEmitted(step.detail()));
        }
        stepHits(f, step, hits);
        InstanceState now = position.complete() ? f.after() : partial(f, i + 1);
        changes(f.key(), shown, now);
        shown = now;
        watches(f, hits);
        if (position.complete()) {
            finish(f, hits);
        }
    }

    private void finish(Frame f, List<Hit> hits) {
        changes(f.key(), shown, f.after());
        shown = f.after();
        watches(f, hits);
        for (Breakpoint b : breakpoints) {
            String why = null;
            if (b instanceof Breakpoint.StateEntered e && entered(f).contains(e.stateName())) {
                why = "entered " + e.stateName();
            } else if (b instanceof Breakpoint.StateExited e && exited(f).contains(e.stateName())) {
                why = "left " + e.stateName();
            }
            if (why != null) {
                hits.add(new Hit(b, position, keyValue(f), why));
            }
        }
        listeners.forEach(l -> l.cycleFinished(f.cycle(), f.record()));
    }

    private List<String> entered(Frame f) {
        List<String> out = new ArrayList<>();
        if (f.record().path("created").asBoolean()) {
            out.add(index.initialState());
        }
        for (SubStep s : f.steps()) {
            if (s.kind() == SubStep.Kind.CONDITION && s.group().equals("transition") && s.fired()) {
                out.add(s.detail().path("nextState").asText());
            }
        }
        return out;
    }

    private static List<String> exited(Frame f) {
        List<String> out = new ArrayList<>();
        for (SubStep s : f.steps()) {
            if (s.kind() == SubStep.Kind.CONDITION && s.group().equals("transition") && s.fired()) {
                out.add(s.stateName());
            }
        }
        return out;
    }

    private static String keyValue(Frame f) {
        return f.key().isEmpty() ? null : f.key();
    }

    private void stepHits(Frame f, SubStep step, List<Hit> hits) {
        String conditionKey = f.key() + "\u0000" + step.stateName() + "\u0000" + step.group() + "\u0000" + step.eventName();
        boolean wasTrue = step.kind() == SubStep.Kind.CONDITION && Boolean.TRUE.equals(lastConditions.get(conditionKey));
        if (step.kind() == SubStep.Kind.CONDITION) {
            lastConditions.put(conditionKey, step.fired());
        }
        for (Breakpoint b : breakpoints) {
            String why = null;
            if (b instanceof Breakpoint.EventFired e && step.fired() && matches(e.stateName(), step.stateName())
                    && matches(e.eventName(), step.eventName())) {
                why = (step.group().equals("transition") ? "transition " : "event ") + step.eventName() + " fired";
            } else if (b instanceof Breakpoint.ConditionBecameTrue c && step.fired() && !wasTrue
                    && matches(c.stateName(), step.stateName()) && matches(c.eventName(), step.eventName())) {
                why = "condition of " + step.eventName() + " became true";
            } else if (b instanceof Breakpoint.ActionType a && step.kind() == SubStep.Kind.ACTION
                    && matches(a.type(), step.actionType())) {
                why = step.actionType() + " action of " + step.eventName();
            }
            if (why != null) {
                hits.add(new Hit(b, position, keyValue(f), why));
            }
        }
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private void watches(Frame f, List<Hit> hits) {
        for (Breakpoint b : breakpoints) {
            if (!(b instanceof Breakpoint.Watch w)) {
                continue;
            }
            Map<String, Value> values = watchValues.computeIfAbsent(w, k -> new HashMap<>());
            Value now = evaluate(w, shown, f);
            Value before = values.put(f.key(), now);
            if (before != null && !before.equals(now)) {
                hits.add(new Hit(b, position, keyValue(f), w.expression() + " changed from " + before.toText()
                        + " to " + now.toText()));
            }
        }
    }

    private static Value evaluate(Breakpoint.Watch w, InstanceState state, Frame f) {
        MapContext context = new MapContext();
        if (state != null) {
            state.variables().forEach(context::variable);
        }
        JsonNode trigger = f.record().path("trigger");
        if ("Message".equals(trigger.path("type").asText())) {
            context.input(trigger.path("inputName").asText(), trigger.path("payload"));
            context.trigger("Message", trigger.path("inputName").asText());
        } else {
            context.trigger("Timer", null);
        }
        return new Evaluator(context).evaluate(w.parsed());
    }

    private void changes(String key, InstanceState before, InstanceState after) {
        if (after == null) {
            return;
        }
        String k = key.isEmpty() ? null : key;
        if (before != null && !before.stateName().equals(after.stateName())) {
            listeners.forEach(l -> l.stateChanged(k, before.stateName(), after.stateName()));
        }
        Map<String, Value> oldVars = before == null ? Map.of() : before.variables();
        after.variables().forEach((name, v) -> {
            Value old = oldVars.getOrDefault(name, Value.UNDEFINED);
            if (!old.equals(v)) {
                listeners.forEach(l -> l.variableChanged(k, name, old, v));
            }
        });
        Map<String, Long> oldTimers = before == null ? Map.of() : before.timers();
        after.timers().forEach((name, at) -> {
            if (!at.equals(oldTimers.get(name))) {
                listeners.forEach(l -> l.timerSet(k, name, at));
            }
        });
        oldTimers.keySet().stream().filter(name -> !after.timers().containsKey(name))
                .forEach(name -> listeners.forEach(l -> l.timerCleared(k, name)));
    }

    /** The cycle's instance as it was when the cycle started (a fired timer already gone). */
    private InstanceState initial(Frame f) {
        InstanceState base = f.before() != null ? f.before()
                : new InstanceState(keyValue(f), index.initialState(), Map.of(), Map.of());
        JsonNode trigger = f.record().path("trigger");
        if ("Timer".equals(trigger.path("type").asText())) {
            Map<String, Long> timers = new LinkedHashMap<>(base.timers());
            timers.remove(trigger.path("timerName").asText());
            base = base.with(base.stateName(), base.variables(), timers);
        }
        return base;
    }

    /** The cycle's instance after its first {@code presented} sub-steps: their variable and timer actions applied. */
    private InstanceState partial(Frame f, int presented) {
        InstanceState base = initial(f);
        Map<String, Value> vars = new LinkedHashMap<>(base.variables());
        Map<String, Long> timers = new LinkedHashMap<>(base.timers());
        String state = base.stateName();
        for (int i = 0; i < presented; i++) {
            SubStep s = f.steps().get(i);
            state = s.stateName();
            if (s.kind() != SubStep.Kind.ACTION || s.detail().has("error")) {
                continue;
            }
            ObjectNode a = s.detail();
            switch (a.path("type").asText()) {
                case "setVariable" -> vars.put(a.path("variableName").asText(), Evaluator.fromJson(a.path("value")));
                case "setTimer", "resetTimer" -> {
                    if (a.has("seconds")) {
                        timers.put(a.path("timerName").asText(),
                                Instant.parse(a.path("time").asText()).toEpochMilli() + a.path("seconds").asLong() * 1000);
                    }
                }
                case "clearTimer" -> timers.remove(a.path("timerName").asText());
                default -> { }
            }
        }
        return base.with(state, vars, timers);
    }
}
