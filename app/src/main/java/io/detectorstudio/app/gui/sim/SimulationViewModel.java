package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.BackgroundWork;
import io.detectorstudio.editor.diagram.DiagramHighlight;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.simulator.scenario.ScenarioRecorder;
import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.Hit;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Position;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionInput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The simulation workbench's state and commands over one simulator {@link Session}, without a toolkit: the
 * instances at the session's position, the selected key, the emitted actions and trace records up to the
 * position, the virtual time, the diagram highlight, breakpoints, watches and a status line. Quick commands (send,
 * step, step back, advance, update) run on the UI thread; Continue, Play, trace replay and scenario reading run
 * on the {@link BackgroundWork}'s worker ({@link SimulationRuns}) and publish their state at most once per UI
 * update; {@link #pause()} stops them between cycles. Observables change on the UI thread only. {@link #published()}
 * counts the state updates: a view that shows several observables refreshes once per update by listening to it.
 */
public final class SimulationViewModel {

    private final SessionOwner owner;
    private final SimulationRuns runs;
    private final String keyPath;
    private final ObservableList<InstanceState> instances = FXCollections.observableArrayList();
    private final ObservableList<EmittedAction> actions = FXCollections.observableArrayList();
    private final ObservableList<TraceRow> trace = FXCollections.observableArrayList();
    private final ObservableList<String> watchExpressions = FXCollections.observableArrayList();
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    private final Watches watches = new Watches();
    private final StringProperty selectedKey = new SimpleStringProperty();
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<String> lastTransition = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> status = new SimpleObjectProperty<>("");
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(Position.START);
    private final ReadOnlyObjectWrapper<DiagramHighlight> highlight = new ReadOnlyObjectWrapper<>(DiagramHighlight.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper published = new ReadOnlyLongWrapper();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final IntegerProperty speed = new SimpleIntegerProperty(10);
    private final AtomicInteger messageIds = new AtomicInteger();
    private ObjectNode currentRecord;
    private int cycleCount;

    public SimulationViewModel(Session session, BackgroundWork work) {
        this.owner = new SessionOwner(session, work, this::apply);
        this.runs = new SimulationRuns(this, owner);
        this.keyPath = session.model().keyed() ? session.config().model().path("key").asText(null) : null;
        selectedKey.addListener(o -> updateHighlight());
        playing.addListener((obs, was, on) -> {
            if (!on && owner.busy()) {
                pause();
            }
        });
        owner.publishNow(null);
    }

    /** The session, for what the workbench does not wrap; only while nothing {@link #runningProperty() runs}. */
    public Session session() {
        return owner.session();
    }

    // ---------------------------------------------------------------- observables

    public ObservableList<InstanceState> instances() {
        return instances;
    }

    /** Actions emitted up to the position, oldest first. */
    public ObservableList<EmittedAction> actions() {
        return actions;
    }

    /** Trace records (trace.md) up to the position. */
    public ObservableList<TraceRow> trace() {
        return trace;
    }

    public ObservableList<String> watchExpressions() {
        return watchExpressions;
    }

    /** The breakpoints set, in the order they were added. */
    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    public StringProperty selectedKeyProperty() {
        return selectedKey;
    }

    public ReadOnlyLongProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** The transition (key {@code from/event}) the shown cycle took, or null. */
    public ReadOnlyObjectProperty<String> lastTransitionProperty() {
        return lastTransition.getReadOnlyProperty();
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** What the diagram should show: the selected instance's state and the transition its last cycle took. */
    public ReadOnlyObjectProperty<DiagramHighlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** True while Continue, Play, a trace replay or reading a scenario has the session. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Counts the state updates published (one per command; at most one per UI update during a run). */
    public ReadOnlyLongProperty published() {
        return published.getReadOnlyProperty();
    }

    /** Whether the clock plays: each {@link #playTick()} advances it {@code 250 ms × speed}. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Virtual seconds per real second while playing. */
    public IntegerProperty speedProperty() {
        return speed;
    }

    /** Cycles known to the session at the last update, including those ahead of the position. */
    public int cycleCount() {
        return cycleCount;
    }

    /** The virtual time and cycle shown, for the clock. */
    public String clockText() {
        return Instant.ofEpochMilli(now.get()) + "  ·  cycle " + position.get().cycle() + " of " + cycleCount;
    }

    /** The selected instance at the position (the only one when nothing is selected), or null. */
    public InstanceState selected() {
        String key = selectedKey.get();
        for (InstanceState s : instances) {
            if (key == null ? instances.size() == 1 : key.equals(s.keyValue())) {
                return s;
            }
        }
        return key == null && !instances.isEmpty() ? instances.get(0) : null;
    }

    /** A watch expression's value on the selected instance (variables; the shown cycle's input if any). */
    public Value evaluateWatch(String expression) {
        return watches.evaluate(expression, selected(), currentRecord);
    }

    // ---------------------------------------------------------------- quick commands (UI thread)

    /** Sends one message; the key field (if any) selects its instance. */
    public List<MessageError> send(String inputName, JsonNode payload) {
        Message m = new Message(inputName, "gui-" + messageIds.incrementAndGet(), payload, null);
        List<MessageError> errors = quick(s -> s.send(m), e -> {
            String key = DetectorUpdates.keyOf(keyPath, payload);
            Optional.ofNullable(key).ifPresent(selectedKey::set);
            // the payload itself is in the trace (writing it out here cost a third of the workbench's own work)
            return e.isEmpty() ? stopOr("Sent " + inputName + (key == null ? "" : " to " + key))
                    : e.get(0).errorCode() + ": " + e.get(0).errorMessage();
        });
        return errors == null ? List.of() : errors;
    }

    /** Advances virtual time; returns the breakpoint that stopped it on the way, if one did. */
    public Optional<Hit> advanceBy(long millis) {
        return Optional.ofNullable(quick(s -> {
            s.advanceBy(millis);
            return s.stoppedAt();
        }, hit -> stopOr("Advanced " + Durations.format(millis)))).flatMap(hit -> hit);
    }

    public boolean runToNextTimer() {
        return Boolean.TRUE.equals(quick(Session::runToNextTimer,
                ran -> ran ? stopOr("Ran to the next timer") : "No timer is running"));
    }

    /** BatchUpdateDetector on the selected instance: one variable set to {@code literal} (expression literal). */
    public MessageError setVariable(String name, String literal) {
        return update(name, literal, null, null);
    }

    /** BatchUpdateDetector on the selected instance: one timer set to {@code seconds} from now. */
    public MessageError setTimer(String name, long seconds) {
        return update(null, null, name, seconds);
    }

    private MessageError update(String variable, String literal, String timer, Long seconds) {
        InstanceState selected = selected();
        if (selected == null) {
            status.set("No instance to update");
            return null;
        }
        ObjectNode entry = DetectorUpdates.entry(selected, now.get(), variable, literal, timer, seconds);
        Optional<MessageError> error = quick(s -> Optional.ofNullable(s.update(entry)),
                e -> e.map(m -> m.errorCode() + ": " + m.errorMessage()).orElseGet(() -> stopOr("Updated "
                        + (variable != null ? variable + " = " + literal : timer + " = " + seconds + "s"))));
        return error == null ? null : error.orElse(null);
    }

    public void stepBack() {
        quick(s -> {
            s.stepBack();
            return s.position();
        }, at -> "Back to cycle " + at.cycle());
    }

    /**
     * One cycle forward — through the history ahead when the past is shown, the rest of an operation a breakpoint
     * interrupted, else the next scripted input — stopping at a breakpoint inside it.
     */
    public Optional<Hit> stepForward() {
        Optional<Hit> hit = quick(Session::stepCycle, h -> h.map(SimulationTexts::stopped)
                .orElse("At cycle " + owner.session().position().cycle()));
        return hit == null ? Optional.empty() : hit;
    }

    /** Reads the whole state again (after the session was driven directly). */
    public void refresh() {
        if (!owner.busy()) {
            owner.publishNow(null);
        }
    }

    // ---------------------------------------------------------------- runs (worker) and edits

    /**
     * Continue: runs the history ahead, the rest of an interrupted operation and the script until a breakpoint, the
     * end or {@link #pause()}, on the worker. While something runs, Continue (F9) pauses it.
     */
    public void resume() {
        if (owner.busy()) {
            pause();
        } else {
            start(runs::resume);
        }
    }

    /** Stops Continue, Play or a replay after the cycle it is in. */
    public void pause() {
        playing.set(false);
        owner.cancel();
    }

    /** One tick of the playing clock: advances {@code 250 ms × speed} on the worker, unless the last one still runs. */
    public void playTick() {
        if (playing.get() && !owner.busy()) {
            start(() -> runs.advance(250L * speed.get()));
        }
    }

    /** Re-drives the session from a trace file (trace.md), on the worker; Pause stops it. */
    public void replayTrace(Path file, Runnable done, Consumer<String> failed) {
        start(() -> runs.replay(file, done, failed));
    }

    /** Reads a scenario on the worker and queues its inputs: Step and Continue walk through it. */
    public void loadScenario(Path file, Consumer<String> failed) {
        start(() -> runs.scenario(file, failed));
    }

    public void enqueue(List<? extends SessionInput> inputs) {
        owner.edit(s -> s.enqueue(inputs));
        status.set(inputs.size() + " inputs queued: Step or Continue runs them");
    }

    public void addBreakpoint(Breakpoint b) {
        owner.edit(s -> s.addBreakpoint(b));
        breakpoints.add(b);
        status.set("Breakpoint added: " + SimulationTexts.describe(b));
    }

    public void removeBreakpoint(Breakpoint b) {
        owner.edit(s -> s.removeBreakpoint(b));
        breakpoints.remove(b);
        status.set("Breakpoint removed: " + SimulationTexts.describe(b));
    }

    /** The session's history as a scenario file ({@code model} relative to the scenario, or the model inline). */
    public ObjectNode recordScenario(String name, JsonNode model) {
        if (owner.busy()) {
            throw new IllegalStateException("the simulation is running: pause it first");
        }
        Session s = owner.session();
        return ScenarioRecorder.record(s.config(), s.history(), name, model);
    }

    // ---------------------------------------------------------------- internals

    private void start(Supplier<SimulationRuns.Job> job) {
        if (owner.busy()) {
            status.set("Running: Pause (F9) first");
            return;
        }
        SimulationRuns.Job j = job.get();
        running.set(true); // before the run: a synchronous BackgroundWork has finished it when run returns
        owner.run(j.work(), () -> {
            running.set(owner.busy());
            j.finished().run();
        });
    }

    /**
     * Runs a quick command on the session here (the UI thread) and publishes the state with the status it gives;
     * null (and says why) when a run has the session.
     */
    private <T> T quick(Function<Session, T> command, Function<T, String> statusOf) {
        if (owner.busy()) {
            status.set("Running: Pause (F9) first");
            return null;
        }
        T result = command.apply(owner.session());
        owner.publishNow(statusOf.apply(result));
        return result;
    }

    /** The status after a command: where a breakpoint stopped it, else {@code done}. */
    private String stopOr(String done) {
        return owner.session().stoppedAt().map(SimulationTexts::stopped).orElse(done);
    }

    /** Shows a snapshot (UI thread). */
    private void apply(SimulationSnapshot s) {
        s.actions().applyTo(actions);
        s.trace().applyTo(trace);
        currentRecord = s.currentRecord();
        cycleCount = s.cycleCount();
        ListReplacement.apply(instances, s.instances());
        now.set(s.now());
        position.set(s.position());
        lastTransition.set(s.lastTransition());
        if (selectedKey.get() == null || selected() == null) { // none selected, or the selected one is gone
            selectedKey.set(instances.isEmpty() ? null : instances.get(0).keyValue());
        }
        if (s.status() != null) {
            status.set(s.status());
        }
        updateHighlight();
        published.set(published.get() + 1);
    }

    private void updateHighlight() {
        InstanceState s = selected();
        DiagramHighlight next = DiagramHighlight.NONE;
        if (s != null) {
            boolean sameInstance = currentRecord != null && Objects.equals(
                    currentRecord.hasNonNull("keyValue") ? currentRecord.get("keyValue").asText() : null,
                    s.keyValue());
            next = new DiagramHighlight(Set.of(s.stateName()), sameInstance ? lastTransition.get() : null);
        }
        if (!next.equals(highlight.get())) { // an equal highlight would redraw the diagram all the same
            highlight.set(next);
        }
    }
}
