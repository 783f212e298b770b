package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.Frame;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.CompiledModel.CompiledEvent;
import io.detectorstudio.engine.runtime.CompiledModel.CompiledState;
import io.detectorstudio.engine.runtime.CycleRecord.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One evaluation cycle of one instance (§C.3): onInput events and transition selection, then transition actions,
 * onExit, the state change and onEnter — with BATCH or SERIAL condition visibility (§C.4). It is the
 * {@link Frame} the compiled expressions read. The engine keeps one and {@link #reset}s it for every cycle, so a
 * message allocates only what its actions produce; the {@link CycleRecord} (conditions and actions in execution
 * order, the instance after) is built only when someone listens.
 */
final class Cycle extends Frame {

    private static final CompiledEvent[] NO_EVENTS = new CompiledEvent[0];

    private final CycleHost engine;
    /** the host's {@link EngineOptions#retainInputValues}: its options do not change */
    private final boolean retainInputValues;
    private final ActionRunner actions = new ActionRunner(this);
    private final FlatCycle flat = new FlatCycle(this);
    private CompiledModel model;
    private DetectorInstance instance;
    private Message message;
    /** the model's slot of the message's input, or -1 */
    private int messageSlot;
    private String timerName;
    private long now;
    private long sequence;
    private int actionIndex;
    /** whether the message's reading was given to the frame in this cycle ({@link #presetInputValues}) */
    private boolean inputsPreset;
    /**
     * BATCH: the indexes of the events whose condition held in the current group; their actions run after every
     * condition of the group was checked, so conditions see the variables as they were when the group started
     * (conditions change no variable). Indexes, not events: a reference stored into this long-lived object would
     * cost a garbage collector's write barrier per event.
     */
    private int[] firing = new int[8];
    /** the conditions and actions of the cycle, in order, when someone listens; null otherwise */
    private List<CycleRecord.Step> steps;

    Cycle(CycleHost engine) {
        this.engine = engine;
        this.retainInputValues = engine.options().retainInputValues();
    }

    /**
     * A message cycle of one instance (§C.2/§C.3), then the message's values are retained (§C.7). The one path
     * every host takes, so §C lives here and nowhere else.
     */
    CycleRecord message(CompiledModel model, DetectorInstance instance, boolean created, Message m, long now,
                       long sequence) {
        return message(model, instance, created, m, model.symbols.existingInputSlot(m.inputName()), now, sequence);
    }

    /** {@link #message} with the model's slot of the message's input already known (the engine's routes hold it). */
    CycleRecord message(CompiledModel model, DetectorInstance instance, boolean created, Message m, int inputSlot,
                        long now, long sequence) {
        return message(model, instance, created, m, inputSlot, now, sequence, null);
    }

    /**
     * {@link #message} with the values at the input's paths already read ({@link PayloadReader}; by
     * {@link CompiledModel#pathsRead} order, null = not read), so no reference reads the payload.
     */
    CycleRecord message(CompiledModel model, DetectorInstance instance, boolean created, Message m, int inputSlot,
                        long now, long sequence, io.detectorstudio.engine.expr.Value[] values) {
        reset(model, instance, m, inputSlot, null, now, sequence);
        int[] paths = model.pathsRead(inputSlot);
        CycleRecord record = null;
        FlatPlan plan = created || steps != null || values == null ? null : model.flatPlan(inputSlot);
        if (plan != null && flat.run(plan, model, instance, values)) {
            finished();
        } else {
            presetInputValues(values);
            record = run(created);
        }
        if (retainInputValues) {
            for (int i = 0; i < paths.length; i++) { // values read or converted for this cycle are not read again
                Value value = values != null && values[i] != null ? values[i]
                        : model.pathReader(paths[i]).evaluate(this);
                instance.retain(paths[i], value);
            }
        }
        return record;
    }

    /** Gives the frame the values the reading holds (null: none), once per cycle. */
    private void presetInputValues(Value[] values) {
        if (values != null && !inputsPreset) {
            int[] paths = model.pathsRead(messageSlot);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    presetInputValue(paths[i], values[i]);
                }
            }
        }
        inputsPreset = true;
    }

    /** The cycle of an expired timer (§C.5): the timer leaves the instance, its timeout() holds once. */
    CycleRecord timer(CompiledModel model, DetectorInstance instance, String timer, long at, long sequence) {
        instance.removeTimer(timer); // [GAP] §C.5: an expired timer is no longer listed
        instance.expired(timer);
        reset(model, instance, null, -1, timer, at, sequence);
        return run(false);
    }

    private void reset(CompiledModel model, DetectorInstance instance, Message message, int messageSlot, String timerName,
               long now, long sequence) {
        if (this.model != model) { // the same model cycle after cycle: no reference store (and its write barrier)
            this.model = model;
        }
        this.instance = instance;
        this.message = message;
        this.messageSlot = messageSlot;
        this.timerName = timerName;
        this.now = now;
        this.sequence = sequence;
        this.actionIndex = 0;
        this.inputsPreset = false;
        inputsChanged();
        this.steps = engine.tracing() ? new ArrayList<>() : null;
    }

    /** Runs the cycle; {@code created} means the instance is new and its initial state's onEnter runs first (§C.2). */
    private CycleRecord run(boolean created) {
        String from = instance.stateName;
        CompiledState state = state();
        if (created) {
            runGroup("onEnter", state.onEnter());
        }
        CompiledEvent transition;
        if (model.serial) {
            for (CompiledEvent event : state.onInput()) {
                if (check("onInput", event, false)) {
                    execute(event, "onInput");
                }
            }
            transition = selectTransition(state);
        } else {
            CompiledEvent[] events = state.onInput();
            int count = checkAll("onInput", events);
            transition = selectTransition(state); // before the actions, as the group's conditions
            executeFiring(events, count, "onInput");
        }
        if (transition != null) {
            execute(transition, "transition");
            runGroup("onExit", state.onExit());
            CompiledState next = model.state(transition.nextState());
            instance.stateName = next != null ? next.name() : transition.nextState();
            if (next != null) {
                runGroup("onEnter", next.onEnter());
            }
        }
        finished();
        return steps != null ? record(created, from) : null;
    }

    private void finished() {
        instance.lastUpdateTime = now;
        instance.cycles++;
    }

    private CompiledState state() {
        return model.state(instance.stateName);
    }

    private CompiledEvent selectTransition(CompiledState state) {
        for (CompiledEvent t : state.transitions()) {
            if (check("onInput", t, true)) {
                return t;
            }
        }
        return null;
    }

    private void runGroup(String group, CompiledEvent[] events) {
        if (events.length == 0) {
            return;
        }
        if (model.serial) {
            for (CompiledEvent event : events) {
                if (check(group, event, false)) {
                    execute(event, group);
                }
            }
            return;
        }
        executeFiring(events, checkAll(group, events), group);
    }

    /** BATCH: checks every event's condition, remembering which held ({@link #firing}); how many did. */
    private int checkAll(String group, CompiledEvent[] events) {
        int count = 0;
        for (int i = 0; i < events.length; i++) {
            if (check(group, events[i], false)) {
                if (count == firing.length) {
                    firing = Arrays.copyOf(firing, count * 2);
                }
                firing[count++] = i;
            }
        }
        return count;
    }

    private void executeFiring(CompiledEvent[] events, int count, String group) {
        for (int i = 0; i < count; i++) {
            execute(events[firing[i]], group);
        }
    }

    /** Evaluates an event's condition; {@code transition}: one of the state's transitionEvents (group onInput). */
    private boolean check(String group, CompiledEvent event, boolean transition) {
        if (steps == null) {
            return event.condition() == null || event.condition().test(this);
        }
        Result result;
        String error = null;
        if (event.condition() == null) {
            result = Result.TRUE; // §B.6 rule 2: no condition means true
        } else {
            Value v = event.condition().evaluate(this);
            if (v.type() == Value.Type.BOOLEAN) {
                result = v.isTrue() ? Result.TRUE : Result.FALSE;
            } else if (v.type() == Value.Type.INVALID) {
                result = Result.INVALID;
                error = v.reason();
            } else {
                result = Result.UNDEFINED;
                error = v.isDefined() ? "the condition is " + v.type() + ", not a Boolean" : null;
            }
        }
        String stepGroup = transition ? "transition" : group;
        steps.add(new CycleRecord.Evaluation(stepGroup, instance.stateName, event.name(), indexOf(stepGroup, event),
                transition, event.nextState(), event.condition() == null ? null : event.conditionText(), result, error));
        return result == Result.TRUE; // §B.6 rule 1: anything but true does not fire
    }

    private void execute(CompiledEvent event, String group) {
        int eventIndex = steps == null ? -1 : indexOf(group, event);
        int index = 0;
        for (CompiledAction action : event.actions()) {
            if (action instanceof CompiledAction.Unknown) {
                continue; // never performed: not an action type (the service rejects the model)
            }
            if (steps == null && action instanceof CompiledAction.SetVariable set
                    && !engine.emitsVariableActions()) {
                actions.setVariableUnrecorded(set);
                continue;
            }
            PerformedAction done = actions.run(action, event.name());
            if (steps != null) {
                steps.add(new CycleRecord.Action(group, eventIndex, index, done));
            }
            index++;
            engine.emit(done);
        }
    }

    /** The event's place in its group of the instance's current state (for the record only). */
    private int indexOf(String group, CompiledEvent event) {
        CompiledState s = state();
        CompiledEvent[] list = s == null ? NO_EVENTS : switch (group) {
            case "onEnter" -> s.onEnter();
            case "onInput" -> s.onInput();
            case "transition" -> s.transitions();
            default -> s.onExit();
        };
        for (int i = 0; i < list.length; i++) {
            if (list[i] == event) {
                return i;
            }
        }
        return -1;
    }

    // ---- what FlatCycle and ActionRunner need

    /** Whether setVariable actions go to the host as records (then they run on {@link ActionRunner#run}). */
    boolean setVariablesRecorded() {
        return engine.emitsVariableActions();
    }

    /**
     * An action of a {@link FlatCycle} that is not a flat setVariable, performed as {@link #execute} performs it
     * untraced; {@code values} are the message's reading, given to the frame before the first such action.
     */
    void perform(CompiledAction action, String eventName, Value[] values) {
        if (!(action instanceof CompiledAction.Unknown)) { // never performed, as in execute
            presetInputValues(values);
            engine.emit(actions.run(action, eventName));
        }
    }

    /** Whether this cycle's actions may be described (a record is built, or the sink may ask for JSON). */
    boolean actionsDescribed() {
        return steps != null || engine.describesActions();
    }

    CompiledModel model() {
        return model;
    }

    DetectorInstance instance() {
        return instance;
    }

    long now() {
        return now;
    }

    /**
     * The instance's own number for this cycle (cycles it ran before): generated ids derive from it rather than
     * from an engine-wide count, so a host that runs only this instance ({@link ModelRunner}) gives the same ids.
     */
    long instanceCycle() {
        return instance.cycles;
    }

    int nextActionIndex() {
        return actionIndex++;
    }

    String inputName() {
        return message == null ? null : message.inputName();
    }

    String messageId() {
        return message == null ? null : message.messageId();
    }

    String timerName() {
        return timerName;
    }

    /** §C.10: an iotEvents action sends its payload as a new message, processed after this cycle. */
    void forward(String inputName, JsonNode payload) {
        String id = Values.generatedId(model.name, instance.keyValue, now, instance.cycles,
                "forward/" + nextActionIndex());
        engine.forward(new Message(inputName, id, payload, now));
    }

    void scheduled(Timer timer) {
        engine.scheduled(model.name, instance, timer);
    }

    // ---- Frame: what the compiled expressions read

    @Override
    public Value variable(int slot) {
        return instance.variable(slot);
    }

    @Override
    public JsonNode input(int slot) {
        return slot == messageSlot ? message.payload() : null;
    }

    @Override
    public Value retainedInput(int pathSlot) {
        return retainInputValues ? instance.retained(pathSlot) : null;
    }

    @Override
    public boolean consumeTimeout(String name) {
        return instance.consumeExpiry(name);
    }

    @Override
    public String triggerType() {
        return message != null ? "Message" : "Timer";
    }

    @Override
    public String currentInput() {
        return message != null ? message.inputName() : null;
    }

    private CycleRecord record(boolean created, String from) {
        CycleRecord.Trigger trigger = message != null
                ? new CycleRecord.MessageTrigger(message.inputName(), message.messageId(), message.payload())
                : new CycleRecord.TimerTrigger(timerName);
        return new CycleRecord(sequence, now, model.name, model.keyPath != null ? instance.keyValue : null, trigger,
                created, created ? null : from, instance.stateName, steps,
                new CycleRecord.State(instance.stateName, instance.variables(), instance.timerExpiries()));
    }
}
