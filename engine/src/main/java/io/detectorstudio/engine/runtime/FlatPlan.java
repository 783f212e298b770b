package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.CompiledModel.CompiledEvent;
import io.detectorstudio.engine.runtime.CompiledModel.CompiledState;
import io.detectorstudio.engine.runtime.FlatShapes.IntegerValue;
import io.detectorstudio.engine.runtime.FlatShapes.Operand;
import io.detectorstudio.engine.runtime.FlatShapes.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's message cycles on one input, compiled flat where the model allows it: per state, its onInput events,
 * transitions, onExit and its transitions' targets' onEnter, when every condition and setVariable value among them
 * is one of {@link FlatShapes} and every other action has no expression (timers with literal seconds, external
 * actions with the default payload and literal fields). {@link FlatCycle} runs such a state's cycle on {@code long}s;
 * a state that does not fit is null here and runs on the general path, as does every cycle whose operands are not
 * all Integers when it starts ({@link FlatState#load}).
 */
final class FlatPlan {

    /** An event: its condition's terms (none: always), its actions, and for a transition its target. */
    record FlatEvent(String name, Term[] condition, FlatAction[] actions, String nextState,
                     FlatEvent[] nextOnEnter) { }

    /** A setVariable of an Integer value ({@code value} set), or an action for the general runner ({@code general}). */
    record FlatAction(int slot, IntegerValue value, CompiledAction general) { }

    /**
     * A state's flat cycle and its registers: register {@code r} holds {@code operands[r]} — a place in the
     * message's reading or a variable slot — loaded when a cycle starts ({@link #load}); {@code variableRegisters}
     * gives each variable slot's register (−1: none reads it), so that a setVariable keeps its register current.
     * Every flat setVariable sets an Integer, so operands that were Integers when the cycle started stay Integers
     * to its end.
     */
    record FlatState(FlatEvent[] onInput, FlatEvent[] transitions, FlatEvent[] onExit, Operand[] operands,
                     int[] variableRegisters) {

        /**
         * Loads every operand into {@code registers}; false (the cycle is not flat) when one is not an Integer: a
         * reading or a variable that is missing, or of another type.
         */
        boolean load(Value[] values, DetectorInstance instance, long[] registers) {
            for (int r = 0; r < operands.length; r++) {
                Operand operand = operands[r];
                Value v = operand.variable() ? instance.variable(operand.index()) : values[operand.index()];
                if (v == null || v.type() != Value.Type.INTEGER) {
                    return false;
                }
                registers[r] = v.asLong();
            }
            return true;
        }
    }

    /** the BATCH conditions of a group are remembered in one {@code long}: a larger group is not flat */
    private static final int MAX_GROUP = 64;

    final boolean serial;
    /** the most registers a state uses */
    final int registers;
    /** by the model's state order ({@link CompiledModel#stateIndex}); null where the state is not flat */
    private final FlatState[] states;

    private FlatPlan(boolean serial, FlatState[] states) {
        this.serial = serial;
        this.states = states;
        int most = 0;
        for (FlatState state : states) {
            most = state == null ? most : Math.max(most, state.operands().length);
        }
        this.registers = most;
    }

    /** The plan of the model's cycles on messages of this input; null when no state is flat. */
    static FlatPlan compile(CompiledModel model, int inputSlot) {
        List<CompiledState> list = model.stateList();
        FlatState[] states = new FlatState[list.size()];
        boolean any = false;
        for (int s = 0; s < states.length; s++) {
            states[s] = state(model, inputSlot, list.get(s));
            any |= states[s] != null;
        }
        return any ? new FlatPlan(model.serial, states) : null;
    }

    /** The flat cycle of the instance's current state, or null. */
    FlatState state(CompiledModel model, String stateName) {
        int index = model.stateIndex(stateName);
        return index < 0 ? null : states[index];
    }

    private static FlatState state(CompiledModel model, int inputSlot, CompiledState state) {
        FlatShapes shapes = new FlatShapes(model.symbols, inputSlot, model.pathsRead(inputSlot));
        FlatEvent[] onInput = events(model, shapes, state.onInput(), false);
        FlatEvent[] transitions = events(model, shapes, state.transitions(), true);
        FlatEvent[] onExit = events(model, shapes, state.onExit(), false);
        if (onInput == null || transitions == null || onExit == null) {
            return null;
        }
        int[] variableRegisters = new int[model.symbols.variableCount()];
        for (int slot = 0; slot < variableRegisters.length; slot++) {
            variableRegisters[slot] = shapes.variableRegister(slot);
        }
        return new FlatState(onInput, transitions, onExit, shapes.operands.toArray(Operand[]::new),
                variableRegisters);
    }

    private static FlatEvent[] events(CompiledModel model, FlatShapes shapes, CompiledEvent[] events,
                                      boolean transitions) {
        if (events.length > MAX_GROUP) {
            return null;
        }
        FlatEvent[] out = new FlatEvent[events.length];
        for (int i = 0; i < events.length; i++) {
            CompiledEvent event = events[i];
            Term[] condition = shapes.condition(event.conditionText());
            FlatAction[] actions = actions(shapes, event.actions());
            FlatEvent[] nextOnEnter = null;
            if (transitions) {
                CompiledState next = model.state(event.nextState());
                if (next == null) { // a target that is no state: the general path says what happens
                    return null;
                }
                nextOnEnter = events(model, shapes, next.onEnter(), false);
            }
            if (condition == null || actions == null || (transitions && nextOnEnter == null)) {
                return null;
            }
            out[i] = new FlatEvent(event.name(), condition, actions,
                    transitions ? model.state(event.nextState()).name() : null, nextOnEnter);
        }
        return out;
    }

    private static FlatAction[] actions(FlatShapes shapes, CompiledAction[] actions) {
        List<FlatAction> out = new ArrayList<>();
        for (CompiledAction action : actions) {
            if (action instanceof CompiledAction.SetVariable set) {
                IntegerValue value = shapes.value(set.valueText());
                if (value == null) {
                    return null;
                }
                out.add(new FlatAction(set.slot(), value, set));
            } else if (withoutExpressions(action)) {
                out.add(new FlatAction(-1, null, action));
            } else {
                return null;
            }
        }
        return out.toArray(FlatAction[]::new);
    }

    /** An action that evaluates nothing: it reads no operand, and changes no variable. */
    private static boolean withoutExpressions(CompiledAction action) {
        return action instanceof CompiledAction.SetTimer t ? t.duration() == null
                : action instanceof CompiledAction.External e ? e.evaluatedFields().isEmpty() && e.content() == null
                : true; // resetTimer, clearTimer, an unknown or malformed action
    }
}
