package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.editor.graph.TransitionKeys;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Printer;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.model.JsonPaths;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.simulator.scenario.ScenarioRecorder;
import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.Hit;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Position;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionInput;
import io.detectorstudio.simulator.session.SessionListener;
import io.detectorstudio.simulator.session.SubStep;
import io.detectorstudio.simulator.session.WatchContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The workbench's view of one simulator {@link Session}, as JavaFX observables (FX thread only): the instances at
 * the session's position, the selected key, every emitted action and every trace record up to the position, the
 * virtual time, the state and transition to highlight, and a status line. Every operation reads the whole state
 * again afterwards, so stepping back and forth needs no bookkeeping beyond dropping what lies past the position.
 */
public final class SimulationModel {

    /** An action as emitted, with the cycle that emitted it. */
    public record EmittedAction(int cycle, ObjectNode action) {
        public String summary() {
            String type = action.path("type").asText();
            String target = "";
            for (String f : List.of("targetArn", "mqttTopic", "functionArn", "queueUrl", "inputName", "variableName",
                    "timerName", "deliveryStreamName", "tableName")) {
                if (action.has(f)) {
                    target = action.path(f).asText();
                    break;
                }
            }
            return "#" + cycle + "  " + type + "  " + target + "  (" + action.path("stateName").asText() + " / "
                    + action.path("eventName").asText() + ")";
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private final Session session;
    private final ObservableList<InstanceState> instances = FXCollections.observableArrayList();
    // everything the session presented; the views show what lies up to the position (step back hides, step shows)
    private final ObservableList<EmittedAction> allActions = FXCollections.observableArrayList();
    private final ObservableList<ObjectNode> allTrace = FXCollections.observableArrayList();
    private final FilteredList<EmittedAction> actions = new FilteredList<>(allActions);
    private final FilteredList<ObjectNode> trace = new FilteredList<>(allTrace);
    private final ObservableList<String> watchExpressions = FXCollections.observableArrayList();
    private final StringProperty selectedKey = new SimpleStringProperty();
    private final LongProperty now = new SimpleLongProperty();
    private final ReadOnlyObjectWrapper<String> lastTransition = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> status = new SimpleObjectProperty<>("");
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(Position.START);
    private final AtomicInteger messageIds = new AtomicInteger();

    public SimulationModel(Session session) {
        this.session = session;
        session.addListener(new SessionListener() {
            @Override
            public void cycleStarted(int cycle, ObjectNode record) {
                // a new cycle with this number: what was computed after the position before is gone
                allActions.removeIf(a -> a.cycle() >= cycle);
                allTrace.removeIf(r -> r.path("seq").asInt() >= cycle);
            }

            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                allTrace.add(record);
            }

            @Override
            public void actionEmitted(ObjectNode action) {
                allActions.add(new EmittedAction(session.position().cycle(), action));
            }

            @Override
            public void breakpointHit(Hit hit) {
                status.set(stopped(hit));
            }
        });
        refresh();
    }

    public Session session() {
        return session;
    }

    public ObservableList<InstanceState> instances() {
        return instances;
    }

    /** Actions emitted up to the position, oldest first. */
    public ObservableList<EmittedAction> actions() {
        return actions;
    }

    /** Trace records (trace.md) up to the position. */
    public ObservableList<ObjectNode> trace() {
        return trace;
    }

    public ObservableList<String> watchExpressions() {
        return watchExpressions;
    }

    public StringProperty selectedKeyProperty() {
        return selectedKey;
    }

    public LongProperty nowProperty() {
        return now;
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

    // ---------------------------------------------------------------- operations

    /** Sends one message; the key field (if any) selects its instance. */
    public List<MessageError> send(String inputName, JsonNode payload) {
        Message m = new Message(inputName, "gui-" + messageIds.incrementAndGet(), payload, null);
        List<MessageError> errors = session.send(m);
        String key = session.model().keyed() ? keyOf(payload) : null;
        if (key != null) {
            selectedKey.set(key);
        }
        status.set(errors.isEmpty() ? stopOr("Sent " + inputName + " " + payload)
                : errors.get(0).errorCode() + ": " + errors.get(0).errorMessage());
        refresh();
        return errors;
    }

    private String keyOf(JsonNode payload) {
        String keyPath = session.config().model().path("key").asText(null);
        if (keyPath == null) {
            return null;
        }
        JsonNode at = payload;
        for (String segment : JsonPaths.segments(keyPath)) {
            at = at.path(segment);
        }
        return at.isMissingNode() || at.isNull() ? null : at.asText();
    }

    /** Advances virtual time; returns the breakpoint that stopped it on the way, if one did. */
    public Optional<Hit> advanceBy(long millis) {
        session.advanceBy(millis);
        status.set(stopOr("Advanced " + Durations.format(millis)));
        refresh();
        return session.stoppedAt();
    }

    public boolean runToNextTimer() {
        boolean ran = session.runToNextTimer();
        status.set(ran ? stopOr("Ran to the next timer") : "No timer is running");
        refresh();
        return ran;
    }

    /** The status after a run: where a breakpoint stopped it, else {@code done}. */
    private String stopOr(String done) {
        return session.stoppedAt().map(SimulationModel::stopped).orElse(done);
    }

    /** Where a breakpoint stopped the session, and how to go on. */
    static String stopped(Hit hit) {
        var at = hit.position();
        return "Breakpoint: " + hit.description() + (hit.keyValue() == null ? "" : " (" + hit.keyValue() + ")")
                + " at cycle " + at.cycle() + (at.complete() ? "" : ", step " + at.subStep())
                + " — Continue (F9) or Step (F8) goes on";
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
        InstanceState s = selected();
        if (s == null) {
            status.set("No instance to update");
            return null;
        }
        ObjectNode entry = JSON.objectNode();
        if (s.keyValue() != null) {
            entry.put("key", s.keyValue());
        }
        ObjectNode state = entry.putObject("state");
        state.put("stateName", s.stateName());
        var vars = state.putArray("variables");
        s.variables().forEach((n, v) -> vars.addObject().put("name", n)
                .put("value", n.equals(variable) ? literal : literalOf(v)));
        if (variable != null && !s.variables().containsKey(variable)) {
            vars.addObject().put("name", variable).put("value", literal);
        }
        var timers = state.putArray("timers");
        long at = session.now();
        s.timers().forEach((n, expiry) -> timers.addObject().put("name", n)
                .put("seconds", n.equals(timer) ? seconds : s.secondsLeft(n, at)));
        if (timer != null && !s.timers().containsKey(timer)) {
            timers.addObject().put("name", timer).put("seconds", seconds);
        }
        MessageError error = session.update(entry);
        status.set(error == null ? stopOr("Updated " + (variable != null ? variable + " = " + literal : timer + " = " + seconds + "s"))
                : error.errorCode() + ": " + error.errorMessage());
        refresh();
        return error;
    }

    /** The expression literal of a value (strings quoted and escaped), as BatchUpdateDetector takes it. */
    static String literalOf(Value v) {
        return Printer.literal(v);
    }

    public void stepBack() {
        session.stepBack();
        status.set("Back to cycle " + session.position().cycle());
        refresh();
    }

    /**
     * One cycle forward — through the history ahead when the past is shown, the rest of an operation a breakpoint
     * interrupted, else the next scripted input — stopping at a breakpoint inside it.
     */
    public Optional<Hit> stepForward() {
        Optional<Hit> hit = session.stepCycle();
        status.set(hit.map(SimulationModel::stopped).orElse("At cycle " + session.position().cycle()));
        refresh();
        return hit;
    }

    /** Runs the history ahead, the rest of an interrupted operation and the script until a breakpoint or the end. */
    public Optional<Hit> resume() {
        Optional<Hit> hit = session.resume();
        status.set(hit.map(SimulationModel::stopped).orElse("Ran to the end (cycle "
                + session.position().cycle() + ")"));
        refresh();
        return hit;
    }

    public void enqueue(List<? extends SessionInput> inputs) {
        session.enqueue(inputs);
        status.set(inputs.size() + " inputs queued: Step or Continue runs them");
    }

    public void addBreakpoint(Breakpoint b) {
        session.addBreakpoint(b);
        status.set("Breakpoint added: " + describe(b));
    }

    public static String describe(Breakpoint b) {
        if (b instanceof Breakpoint.StateEntered e) {
            return "enter " + e.stateName();
        } else if (b instanceof Breakpoint.StateExited e) {
            return "exit " + e.stateName();
        } else if (b instanceof Breakpoint.EventFired e) {
            return "fired " + (e.stateName() == null ? "" : e.stateName() + " / ") + e.eventName();
        } else if (b instanceof Breakpoint.ConditionBecameTrue c) {
            return "became true " + c.eventName();
        } else if (b instanceof Breakpoint.ActionType a) {
            return "action " + a.type();
        } else if (b instanceof Breakpoint.Watch w) {
            return "watch " + w.expression();
        }
        return b.toString();
    }

    /** The session's history as a scenario file ({@code model} relative to the scenario, or the model inline). */
    public ObjectNode recordScenario(String name, JsonNode model) {
        return ScenarioRecorder.record(session.config(), session.history(), name, model);
    }

    /** A watch expression's value on the selected instance (variables; the shown cycle's input if any). */
    public Value evaluateWatch(String expression) {
        var parsed = Parser.parse(expression);
        if (!parsed.problems().isEmpty()) {
            return Value.invalid(parsed.problems().get(0).message());
        }
        return new Evaluator(WatchContext.of(selected(), session.currentRecord())).evaluate(parsed.expr());
    }

    /**
     * The diagram key of the transition the cycle took among its first {@code presented} sub-steps (stopped inside
     * a cycle, a transition not yet evaluated is not shown), or null. Transitions are evaluated in order, so earlier
     * evaluations of the same name give the key's number.
     */
    static String transitionTaken(List<SubStep> steps, int presented) {
        Map<String, Integer> seen = new HashMap<>();
        String taken = null;
        for (int i = 0; i < Math.min(presented, steps.size()); i++) {
            SubStep s = steps.get(i);
            if (s.kind() == SubStep.Kind.CONDITION && "transition".equals(s.group())) {
                int occurrence = seen.merge(s.stateName() + "\u0000" + s.eventName(), 1, Integer::sum);
                if (s.fired()) {
                    taken = TransitionKeys.of(s.stateName(), s.eventName(), occurrence);
                }
            }
        }
        return taken;
    }

    /** Reads instances, time, position and the last transition from the session. */
    public void refresh() {
        instances.setAll(session.instances());
        now.set(session.now());
        position.set(session.position());
        int cycle = session.position().cycle();
        actions.setPredicate(a -> a.cycle() <= cycle);
        trace.setPredicate(r -> r.path("seq").asInt() <= cycle);
        lastTransition.set(transitionTaken(session.currentSubSteps(), session.position().subStep()));
        if (selectedKey.get() != null && instances.stream().noneMatch(i -> selectedKey.get().equals(i.keyValue()))) {
            selectedKey.set(instances.isEmpty() ? null : instances.get(0).keyValue());
        }
        List<InstanceState> copy = new ArrayList<>(instances);
        if (selectedKey.get() == null && !copy.isEmpty()) {
            selectedKey.set(copy.get(0).keyValue());
        }
    }
}
