package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.simulator.faults.DeliveryFaults;
import io.detectorstudio.simulator.session.Presenter.Move;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Its parts: {@link History} (operations, checkpoints, frames, replay), {@link InputFeed} (new inputs, the
 * script, delivery faults), {@link Presenter} (the position, sub-step by sub-step, and the listeners) and
 * {@link BreakpointMatcher}; the session decides when to stop.
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
    private final History history;
    private final BreakpointMatcher matcher;
    private final InputFeed feed;
    private final Presenter presenter;
    private Hit stoppedAt;
    private volatile boolean pauseRequested;

    public Session(Config config) {
        this.config = config;
        this.index = new ModelIndex(config.model());
        this.history = new History(config, index);
        this.matcher = new BreakpointMatcher(index);
        this.feed = new InputFeed(config, history);
        this.presenter = new Presenter(history, index, matcher);
    }

    public Config config() {
        return config;
    }

    public ModelIndex model() {
        return index;
    }

    public void addListener(SessionListener listener) {
        presenter.addListener(listener);
    }

    public void removeListener(SessionListener listener) {
        presenter.removeListener(listener);
    }

    /** Receives each trace record (trace.md, seq numbered by the session) when its cycle is first computed. */
    public void setTraceSink(Consumer<ObjectNode> sink) {
        history.setTraceSink(sink);
    }

    // ---------------------------------------------------------------- inputs applied at once

    /** One BatchPutMessage call; returns its per-entry errors. Stops at a breakpoint ({@link #stoppedAt()}). */
    public List<MessageError> send(List<Message> batch) {
        applyNow(new SessionInput.Send(batch));
        return feed.errors();
    }

    public List<MessageError> send(Message message) {
        return send(List.of(message));
    }

    /**
     * Moves virtual time to {@code millis}, firing every timer (and delayed message) due on the way; stops at a
     * breakpoint, showing the time of the cycle that hit.
     */
    public void advanceTo(long millis) {
        applyNow(new SessionInput.Advance(millis));
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
        applyNow(new SessionInput.Update(entry));
        List<MessageError> errors = feed.errors();
        return errors.isEmpty() ? null : errors.get(0);
    }

    /** The breakpoint the last input, step or run stopped at; empty when it ran through. */
    public Optional<Hit> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    // ---------------------------------------------------------------- script and stepping

    /** Adds inputs the stepping methods consume, in order ({@link SessionInput.AdvanceBy} is relative). */
    public void enqueue(List<? extends SessionInput> inputs) {
        feed.enqueue(inputs);
    }

    public int pendingInputs() {
        return feed.scriptLength();
    }

    /** Presents one sub-step (a condition or an action), or the next cycle if it has none. */
    public Optional<Hit> stepSubStep() {
        pauseRequested = false;
        return stop(step(true).hit());
    }

    /** Presents the sub-steps of the current group (onEnter, onInput, transition, onExit) up to the next group. */
    public Optional<Hit> stepGroup() {
        pauseRequested = false;
        Move m = step(true);
        while (m.moved() && m.hit() == null && !position().complete()) {
            Frame f = history.frame(position().cycle());
            int presented = position().subStep();
            if (!f.steps().get(presented).group().equals(f.steps().get(presented - 1).group())) {
                break;
            }
            m = step(true);
        }
        return stop(m.hit());
    }

    /** Finishes the current cycle, or presents the whole next one. */
    public Optional<Hit> stepCycle() {
        pauseRequested = false;
        Move m = step(true);
        while (m.moved() && m.hit() == null && !position().complete()) {
            m = step(true);
        }
        return stop(m.hit());
    }

    /**
     * Runs until a breakpoint hits, everything is presented (history ahead of the position, cycles of an interrupted
     * operation, the script) or {@link #pause()} is called.
     */
    public Optional<Hit> resume() {
        pauseRequested = false;
        Move m;
        do {
            m = step(true);
        } while (m.moved() && m.hit() == null && !pauseRequested);
        return stop(m.hit());
    }

    public void pause() {
        pauseRequested = true;
    }

    /** Whether nothing is left to present: no computed cycle ahead, no operation to redo, no script. */
    public boolean exhausted() {
        return atLiveEnd() && feed.drained();
    }

    // ---------------------------------------------------------------- time travel

    /** One cycle back: to the end of the previous cycle (from the middle of a cycle: to just before it). */
    public void stepBack() {
        if (position().cycle() > 0) {
            goToCycle(position().cycle() - 1);
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
        stoppedAt = null;
        presenter.jumpTo(new Position(cycle, cycle == 0 ? 0 : history.frame(cycle).steps().size(), true));
    }

    /** How many message ids the checkpoints hold together (for tests of their sharing). */
    long checkpointMessageIds() {
        return history.checkpointMessageIds();
    }

    /** The engine's de-duplication memory now (for tests). */
    Map<String, Long> seenMessageIds() {
        return history.engine().seenMessageIds();
    }

    /** Cycles known to the session, including those ahead of the position. */
    public int cycleCount() {
        return history.cycleCount();
    }

    /**
     * Cycles the companion models ran in this session so far (counting from the session's start, never going back:
     * what one input caused in every model is this and {@link #cycleCount} before and after it).
     */
    public int companionCycleCount() {
        return history.companionCycles();
    }

    // ---------------------------------------------------------------- inspection

    public Position position() {
        return presenter.position();
    }

    /**
     * The virtual time at the position: stopped at a breakpoint, the time of the cycle that hit (an advance's
     * time beyond it comes with Continue or the next input).
     */
    public long now() {
        Position at = position();
        if (at.cycle() == history.engineCycles() && at.complete() && stoppedAt == null) {
            return history.engine().now();
        }
        return at.cycle() == 0 ? config.startMillis() : history.frame(at.cycle()).timeMillis();
    }

    /** The trace record of the cycle at the position, or null before the first. */
    public ObjectNode currentRecord() {
        Frame f = history.frame(position().cycle());
        return position().cycle() == 0 || f == null ? null : f.record();
    }

    /** The sub-steps of the cycle at the position ({@link Position#subStep()} of them are presented). */
    public List<SubStep> currentSubSteps() {
        Frame f = history.frame(position().cycle());
        return position().cycle() == 0 || f == null ? List.of() : f.steps();
    }

    /** Every instance at the position, in creation order; mid-cycle, the cycle's instance as far as presented. */
    public List<InstanceState> instances() {
        return history.instancesAt(position());
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

    // ---------------------------------------------------------------- running

    /** A new input: applied to the engine whole, then presented up to the first breakpoint. */
    private void applyNow(SessionInput input) {
        prepareLive();
        feed.clearErrors();
        feed.apply(input);
        Move m;
        do {
            m = step(false);
        } while (m.moved() && m.hit() == null);
        stop(m.hit());
    }

    /**
     * Before a new input: operations after the one at the position are discarded (the past was shown), and the rest
     * of the operation at the position — cycles a breakpoint stopped short of, or that a step back went before — is
     * presented, without stopping, so the new input's cycles come next.
     */
    private void prepareLive() {
        stoppedAt = null;
        if (atLiveEnd()) {
            return;
        }
        history.discardAfter(history.opOf(position().cycle()));
        while (step(false).moved()) {
            // the interrupted operation's hits are reported to the listeners, not stopped at
        }
    }

    /** Whether the position shows the end of everything recorded and run. */
    private boolean atLiveEnd() {
        return position().complete() && position().cycle() == history.engineCycles() && history.atEnd();
    }

    /** One sub-step forward; {@code consumeScript}: the script and held-back messages may supply the next cycle. */
    private Move step(boolean consumeScript) {
        return presenter.advance(() -> feed.computeNext(consumeScript));
    }

    private Optional<Hit> stop(Hit hit) {
        stoppedAt = hit;
        return Optional.ofNullable(hit);
    }
}
