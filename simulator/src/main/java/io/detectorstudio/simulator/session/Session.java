package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.simulator.faults.DeliveryFaults;
import io.detectorstudio.simulator.faults.FaultyDelivery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A debugging session over one detector model on the engine with a virtual clock.
 *
 * <p><b>Inputs.</b> {@link #send}, {@link #advanceTo}, {@link #runToNextTimer} and {@link #update} apply the
 * operation to the engine at once (the engine runs it whole) and then present the cycles it caused one sub-step at
 * a time (see {@link CycleSteps}), stopping at the first {@link Breakpoint} that hits. A script ({@link #enqueue},
 * e.g. a scenario's steps) is consumed by the stepping methods: {@link #stepCycle}, {@link #stepGroup},
 * {@link #stepSubStep} and {@link #resume}, which also move through recorded history ahead of the position and stop
 * at breakpoints there. So every way of running stops at a breakpoint; {@link #stoppedAt()} says where.
 *
 * <p><b>Stopped inside an operation.</b> A breakpoint may stop a send (or an advance firing several timers) after
 * some of its cycles, even inside one. The engine has already run the whole operation; its remaining cycles wait
 * ahead of the position: {@link #resume()} and the steps present them (stopping at further breakpoints), and a new
 * input presents them first, reporting their hits without stopping there (the user chose to go on), before its own
 * cycles, where it stops again. Nothing is lost, and {@link #instances()}/{@link #now()} show the stopping point.
 *
 * <p><b>Time travel.</b> {@link History} keeps every operation, checkpoints and recent frames; going back within
 * the frames is instant, further back replays from a checkpoint. The state of every instance at a cycle is the
 * live state with the frames after it undone. An input given while the session shows the past discards every
 * operation after the one at the position first. Memory: the operations, one snapshot (every instance) per checkpoint
 * interval, and at most {@code max(2 × interval, 64)} frames plus those of the newest operation.
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

    private final Config config;
    private final ModelIndex index;
    private final String modelName;
    private final History history;
    private final BreakpointMatcher matcher;
    private final Deque<SessionInput> pending = new ArrayDeque<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final FaultyDelivery faulty;
    private Position position = Position.START;
    /** The instance of the cycle being presented, as the sub-steps shown so far left it. */
    private InstanceState shown;
    private List<MessageError> lastErrors = new ArrayList<>();
    private Hit stoppedAt;
    private volatile boolean pauseRequested;

    public Session(Config config) {
        this.config = config;
        this.index = new ModelIndex(config.model());
        this.modelName = index.name();
        this.history = new History(config, index);
        this.matcher = new BreakpointMatcher(index);
        this.faulty = config.faults().active() ? new FaultyDelivery(config.faults(), new FaultyDelivery.Target() {
            @Override
            public void deliver(List<Message> batch) {
                lastErrors.addAll(history.record(new SessionInput.Send(batch)));
            }

            @Override
            public void advanceTo(long millis) {
                history.record(new SessionInput.Advance(millis));
            }

            @Override
            public long now() {
                return history.engine().now();
            }
        }) : null;
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
        history.setTraceSink(sink);
    }

    // ---------------------------------------------------------------- inputs applied at once

    /** One BatchPutMessage call; returns its per-entry errors. Stops at a breakpoint ({@link #stoppedAt()}). */
    public List<MessageError> send(List<Message> batch) {
        prepareLive();
        lastErrors = new ArrayList<>();
        applyFresh(new SessionInput.Send(batch));
        presentUntilBreakpoint();
        return List.copyOf(lastErrors);
    }

    public List<MessageError> send(Message message) {
        return send(List.of(message));
    }

    /**
     * Moves virtual time to {@code millis}, firing every timer (and delayed message) due on the way; stops at a
     * breakpoint, showing the time of the cycle that hit.
     */
    public void advanceTo(long millis) {
        prepareLive();
        applyFresh(new SessionInput.Advance(millis));
        presentUntilBreakpoint();
    }

    /** Advances from the time of the last operation (the stopping point's operation, when stopped inside one). */
    public void advanceBy(long millis) {
        prepareLive();
        advanceTo(history.engine().now() + millis);
    }

    /** Advances to the next timer due, firing it; false when no timer is running. */
    public boolean runToNextTimer() {
        prepareLive();
        Long due = history.engine().nextTimerDue();
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
        presentUntilBreakpoint();
        return lastErrors.isEmpty() ? null : lastErrors.get(0);
    }

    /** The breakpoint the last input, step or run stopped at; empty when it ran through. */
    public Optional<Hit> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
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
        return stop(advanceOne(true).hit);
    }

    /** Presents the sub-steps of the current group (onEnter, onInput, transition, onExit) up to the next group. */
    public Optional<Hit> stepGroup() {
        pauseRequested = false;
        Move m = advanceOne(true);
        while (m.moved && m.hit == null && !position.complete()) {
            Frame f = history.frame(position.cycle());
            if (!f.steps().get(position.subStep()).group().equals(f.steps().get(position.subStep() - 1).group())) {
                break;
            }
            m = advanceOne(true);
        }
        return stop(m.hit);
    }

    /** Finishes the current cycle, or presents the whole next one. */
    public Optional<Hit> stepCycle() {
        pauseRequested = false;
        Move m = advanceOne(true);
        while (m.moved && m.hit == null && !position.complete()) {
            m = advanceOne(true);
        }
        return stop(m.hit);
    }

    /**
     * Runs until a breakpoint hits, everything is presented (history ahead of the position, cycles of an interrupted
     * operation, the script) or {@link #pause()} is called.
     */
    public Optional<Hit> resume() {
        pauseRequested = false;
        Move m;
        do {
            m = advanceOne(true);
        } while (m.moved && m.hit == null && !pauseRequested);
        return stop(m.hit);
    }

    public void pause() {
        pauseRequested = true;
    }

    /** Whether nothing is left to present: no computed cycle ahead, no operation to redo, no script. */
    public boolean exhausted() {
        return position.complete() && position.cycle() == history.engineCycles() && history.atEnd()
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
        if (cycle > history.engineCycles()) {
            while (history.engineCycles() < cycle && history.redoNext()) {
                // silently forward through the recorded operations
            }
        } else if (!history.framesCover(cycle)) {
            history.replayTo(history.opOf(cycle));
        }
        position = new Position(cycle, cycle == 0 ? 0 : history.frame(cycle).steps().size(), true);
        shown = null;
        stoppedAt = null;
        matcher.forget();
        history.evict(position.cycle());
        listeners.forEach(l -> l.positionChanged(position));
    }

    /** Cycles known to the session, including those ahead of the position. */
    public int cycleCount() {
        return history.cycleCount();
    }

    // ---------------------------------------------------------------- inspection

    public Position position() {
        return position;
    }

    /**
     * The virtual time at the position: stopped at a breakpoint, the time of the cycle that hit (an advance's
     * time beyond it comes with Continue or the next input).
     */
    public long now() {
        if (position.cycle() == history.engineCycles() && position.complete() && stoppedAt == null) {
            return history.engine().now();
        }
        return position.cycle() == 0 ? config.startMillis() : history.frame(position.cycle()).timeMillis();
    }

    /** The trace record of the cycle at the position, or null before the first. */
    public ObjectNode currentRecord() {
        Frame f = history.frame(position.cycle());
        return position.cycle() == 0 || f == null ? null : f.record();
    }

    /** The sub-steps of the cycle at the position ({@link Position#subStep()} of them are presented). */
    public List<SubStep> currentSubSteps() {
        Frame f = history.frame(position.cycle());
        return position.cycle() == 0 || f == null ? List.of() : f.steps();
    }

    /** Every instance at the position, in creation order; mid-cycle, the cycle's instance as far as presented. */
    public List<InstanceState> instances() {
        Map<String, InstanceState> out = new LinkedHashMap<>();
        for (DetectorInstance i : history.engine().instances(modelName)) {
            out.put(History.keyOf(i.keyValue()), InstanceState.of(i));
        }
        for (Frame f : history.framesAfterNewestFirst(position.cycle())) {
            if (f.before() == null) {
                out.remove(f.key());
            } else {
                out.put(f.key(), f.before());
            }
        }
        if (!position.complete()) {
            Frame f = history.frame(position.cycle());
            out.put(f.key(), f.partial(index, position.subStep()));
        }
        return List.copyOf(out.values());
    }

    /** The instance with this key (null for a model without key) at the position, or null. */
    public InstanceState instance(String keyValue) {
        for (InstanceState s : instances()) {
            if (History.keyOf(s.keyValue()).equals(History.keyOf(keyValue))) {
                return s;
            }
        }
        return null;
    }

    /** Every operation applied so far (messages as delivered, absolute advances, updates), oldest first. */
    public List<SessionInput> history() {
        return history.operations();
    }

    // ---------------------------------------------------------------- breakpoints

    public void addBreakpoint(Breakpoint breakpoint) {
        matcher.add(breakpoint);
    }

    public void removeBreakpoint(Breakpoint breakpoint) {
        matcher.remove(breakpoint);
    }

    public List<Breakpoint> breakpoints() {
        return matcher.all();
    }

    // ---------------------------------------------------------------- applying inputs

    /** Applies a new input: expands relative advances, passes messages through the faults when configured. */
    private void applyFresh(SessionInput input) {
        if (input instanceof SessionInput.AdvanceBy by) {
            input = new SessionInput.Advance(history.engine().now() + by.millis());
        }
        if (faulty == null) {
            lastErrors.addAll(history.record(input));
            return;
        }
        if (input instanceof SessionInput.Send s) {
            faulty.send(s.batch());
        } else if (input instanceof SessionInput.Advance a) {
            faulty.advanceTo(a.toMillis());
        } else {
            faulty.flush();
            lastErrors.addAll(history.record(input));
        }
    }

    /**
     * Before a new input: operations after the one at the position are discarded (the past was shown), and the rest
     * of the operation at the position — cycles a breakpoint stopped short of, or that a step back went before — is
     * presented, without stopping, so the new input's cycles come next.
     */
    private void prepareLive() {
        stoppedAt = null;
        if (position.complete() && position.cycle() == history.engineCycles() && history.atEnd()) {
            return;
        }
        history.discardAfter(history.opOf(position.cycle()));
        while (advanceOne(false).moved) {
            // the interrupted operation's hits are reported to the listeners, not stopped at
        }
    }

    // ---------------------------------------------------------------- presentation

    private record Move(boolean moved, Hit hit) {
    }

    private static final Move STUCK = new Move(false, null);

    private void presentUntilBreakpoint() {
        Move m;
        do {
            m = advanceOne(false);
        } while (m.moved && m.hit == null);
        stop(m.hit);
    }

    private Optional<Hit> stop(Hit hit) {
        stoppedAt = hit;
        return Optional.ofNullable(hit);
    }

    /** Moves one sub-step forward; computes the next cycle (history, then script) when needed. */
    private Move advanceOne(boolean consumeScript) {
        List<Hit> hits = new ArrayList<>();
        if (!position.complete()) {
            present(history.frame(position.cycle()), position.subStep(), hits);
        } else {
            int next = position.cycle() + 1;
            if (!ensureComputed(next, consumeScript)) {
                return STUCK;
            }
            Frame f = history.frame(next);
            start(f);
            if (f.steps().isEmpty()) {
                position = new Position(next, 0, true);
                finish(f, hits);
            } else {
                present(f, 0, hits);
            }
        }
        history.evict(position.cycle());
        Hit hit = hits.isEmpty() ? null : hits.get(0);
        hits.forEach(h -> listeners.forEach(l -> l.breakpointHit(h)));
        return new Move(true, hit);
    }

    private boolean ensureComputed(int cycle, boolean consumeScript) {
        while (history.engineCycles() < cycle) {
            if (history.redoNext()) {
                continue;
            }
            if (consumeScript && !pending.isEmpty()) {
                applyFresh(pending.poll());
            } else if (consumeScript && faulty != null && faulty.holding()) {
                faulty.finish();
            } else {
                return false;
            }
        }
        return true;
    }

    private void start(Frame f) {
        listeners.forEach(l -> l.cycleStarted(f.cycle(), f.record()));
        shown = f.initial(index);
        String timer = f.firedTimer();
        if (timer != null) {
            listeners.forEach(l -> l.timerFired(f.key(), timer));
        }
        matcher.cycleStarted(f, shown);
    }

    private void present(Frame f, int i, List<Hit> hits) {
        SubStep step = f.steps().get(i);
        position = new Position(f.cycle(), i + 1, i + 1 == f.steps().size());
        listeners.forEach(l -> l.subStep(position, step));
        if (step.kind() == SubStep.Kind.ACTION) {
            listeners.forEach(l -> l.actionEmitted(step.detail()));
        }
        matcher.subStep(f, step, position, hits);
        InstanceState now = position.complete() ? f.after() : f.partial(index, i + 1);
        changes(f.keyValue(), shown, now);
        shown = now;
        matcher.watches(f, shown, position, hits);
        if (position.complete()) {
            finish(f, hits);
        }
    }

    private void finish(Frame f, List<Hit> hits) {
        changes(f.keyValue(), shown, f.after());
        shown = f.after();
        matcher.watches(f, shown, position, hits);
        matcher.cycleFinished(f, position, hits);
        listeners.forEach(l -> l.cycleFinished(f.cycle(), f.record()));
    }

    private void changes(String k, InstanceState before, InstanceState after) {
        if (after == null) {
            return;
        }
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
}
