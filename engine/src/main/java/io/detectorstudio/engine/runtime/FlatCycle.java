package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.ExactLongs;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.FlatPlan.FlatAction;
import io.detectorstudio.engine.runtime.FlatPlan.FlatEvent;
import io.detectorstudio.engine.runtime.FlatPlan.FlatState;
import io.detectorstudio.engine.runtime.FlatShapes.IntegerValue;
import io.detectorstudio.engine.runtime.FlatShapes.Term;

/**
 * Runs an untraced message cycle of an existing instance by its state's {@link FlatPlan}: the steps of
 * {@link Cycle}'s {@code run} in the same order — onInput events and the transition chosen before their actions
 * (BATCH) or event by event (SERIAL), then the transition's actions, onExit, the state change and onEnter — with
 * conditions and setVariable values computed on {@code long}s: the operands are loaded into registers when the
 * cycle starts and a setVariable updates its variable's register as well as the instance.
 * Actions other than a flat setVariable go to the cycle's general runner ({@link Cycle#perform}).
 */
final class FlatCycle {

    private final Cycle cycle;
    private long[] registers = new long[0];
    /** the reading's values, the instance and the state of the cycle running (set for its duration only) */
    private Value[] values;
    private DetectorInstance instance;
    private int[] variableRegisters;
    /** whether setVariable actions go to the sink as records: then they run on the general runner */
    private boolean setVariablesRecorded;

    FlatCycle(Cycle cycle) {
        this.cycle = cycle;
    }

    /**
     * Runs the cycle when the instance's state is flat and its operands are Integers; false, having changed
     * nothing, otherwise.
     */
    boolean run(FlatPlan plan, CompiledModel model, DetectorInstance instance, Value[] values) {
        FlatState state = plan.state(model, instance.stateName);
        if (state == null) {
            return false;
        }
        if (registers.length < plan.registers) {
            registers = new long[plan.registers];
        }
        if (!state.load(values, instance, registers)) {
            return false;
        }
        this.values = values;
        this.instance = instance;
        this.variableRegisters = state.variableRegisters();
        this.setVariablesRecorded = cycle.setVariablesRecorded();
        FlatEvent transition;
        if (plan.serial) {
            for (FlatEvent event : state.onInput()) {
                if (holds(event.condition())) {
                    execute(event);
                }
            }
            transition = selectTransition(state);
        } else {
            long firing = checkAll(state.onInput());
            transition = selectTransition(state); // before the actions, as the group's conditions
            executeFiring(state.onInput(), firing);
        }
        if (transition != null) {
            execute(transition);
            runGroup(plan, state.onExit());
            instance.stateName = transition.nextState();
            runGroup(plan, transition.nextOnEnter());
        }
        this.values = null;
        this.instance = null;
        this.variableRegisters = null;
        return true;
    }

    private FlatEvent selectTransition(FlatState state) {
        for (FlatEvent t : state.transitions()) {
            if (holds(t.condition())) {
                return t;
            }
        }
        return null;
    }

    private void runGroup(FlatPlan plan, FlatEvent[] events) {
        if (plan.serial) {
            for (FlatEvent event : events) {
                if (holds(event.condition())) {
                    execute(event);
                }
            }
        } else {
            executeFiring(events, checkAll(events));
        }
    }

    /** BATCH: the events whose condition holds, as bits by index (a group has at most 64). */
    private long checkAll(FlatEvent[] events) {
        long firing = 0;
        for (int i = 0; i < events.length; i++) {
            if (holds(events[i].condition())) {
                firing |= 1L << i;
            }
        }
        return firing;
    }

    private void executeFiring(FlatEvent[] events, long firing) {
        for (long left = firing; left != 0; left &= left - 1) {
            execute(events[Long.numberOfTrailingZeros(left)]);
        }
    }

    private boolean holds(Term[] condition) {
        for (Term term : condition) {
            long v = registers[term.register()];
            boolean holds = switch (term.op()) {
                case FlatShapes.LT -> v < term.constant();
                case FlatShapes.LE -> v <= term.constant();
                case FlatShapes.GT -> v > term.constant();
                default -> v >= term.constant();
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private void execute(FlatEvent event) {
        for (FlatAction action : event.actions()) {
            if (action.value() != null && !setVariablesRecorded) {
                setVariable(action.slot(), action.value());
            } else {
                cycle.perform(action.general(), event.name(), values);
                if (action.value() != null && variableRegisters[action.slot()] >= 0) {
                    // a recorded setVariable of a variable read here: an Integer, as the flat one would have set
                    registers[variableRegisters[action.slot()]] = instance.variable(action.slot()).asLong();
                }
            }
        }
    }

    /**
     * {@code operand op constant} as {@code Arithmetic} computes it for Integers; an overflow is an invalid value
     * there, which a setVariable does not store.
     */
    private void setVariable(int slot, IntegerValue value) {
        long x = value.register() < 0 ? value.constant() : registers[value.register()];
        long y = value.constant();
        long result = switch (value.op()) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            default -> x;
        };
        if (value.op() != 0 && !ExactLongs.fits(value.op(), x, y, result)) {
            return;
        }
        instance.setInteger(slot, result);
        toRegister(slot, result);
    }

    /** Keeps the register of a variable just set (if one reads it) current. */
    private void toRegister(int slot, long value) {
        int register = variableRegisters[slot];
        if (register >= 0) {
            registers[register] = value;
        }
    }
}
