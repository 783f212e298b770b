package io.detectorstudio.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a compiled expression reads while it runs: variables and input payloads by the slot the {@link SymbolTable}
 * gave their names at compile time, so the hot path never looks a name up. The runtime's cycle is a frame;
 * {@link Evaluator} adapts any {@link EvaluationContext}.
 */
public abstract class Frame {

    /** References that resolved to undefined so far; {@code ||} compares it before and after an operand (§B.6 rule 3). */
    int undefinedTouches;

    /** Number registers of {@link CompiledExpression.Node#number}: an unscaled value and its scale. */
    long unscaled;
    int scale;
    /** The value of {@link CompiledExpression.Node#number} when it is not a compact number. */
    Value other;

    /**
     * The values read at each {@code $input} path ({@link SymbolTable#inputPathSlot}), valid in their epoch. A
     * small Integer (one {@link Value#integer} shares) is kept as its place in that cache ({@code inputSmall},
     * −1 for any other value, which {@code inputValues} holds): an {@code int} store, where storing a reference
     * into this long-lived frame costs a garbage collector's write barrier (G1: a StoreLoad fence) per message.
     */
    private Value[] inputValues = new Value[0];
    private int[] inputSmall = new int[0];
    private int[] inputEpochs = new int[0];
    private int epoch = 1;

    /**
     * Forgets the input values read so far. A frame calls it whenever {@link #input} may answer differently (a
     * new cycle, message or instance); until then each {@code $input} path is converted to a value once.
     */
    public final void inputsChanged() {
        epoch++;
    }

    /**
     * Gives a {@code $input} path slot its value for the current cycle, read beforehand (e.g. straight from JSON
     * bytes): references then read it as if they had converted it from {@link #input}'s payload.
     */
    protected final void presetInputValue(int pathSlot, Value value) {
        keepInputValue(pathSlot, value);
    }

    final Value inputValue(int pathSlot) {
        if (pathSlot >= inputEpochs.length || inputEpochs[pathSlot] != epoch) {
            return null;
        }
        int small = inputSmall[pathSlot];
        return small >= 0 ? Value.shared(small) : inputValues[pathSlot];
    }

    final void keepInputValue(int pathSlot, Value value) {
        if (pathSlot >= inputEpochs.length) {
            inputValues = java.util.Arrays.copyOf(inputValues, pathSlot + 1);
            inputSmall = java.util.Arrays.copyOf(inputSmall, pathSlot + 1);
            inputEpochs = java.util.Arrays.copyOf(inputEpochs, pathSlot + 1);
        }
        int small = Value.sharedIndex(value);
        if (small < 0) {
            inputValues[pathSlot] = value;
        }
        inputSmall[pathSlot] = small;
        inputEpochs[pathSlot] = epoch;
    }

    /** Puts a value into the number registers; returns its {@link CompiledExpression.Node#number} kind. */
    final int load(Value v) {
        if (v.isCompactNumber()) {
            unscaled = v.unscaled();
            scale = v.scale();
            return v.type() == Value.Type.INTEGER ? CompiledExpression.Node.INTEGER : CompiledExpression.Node.DECIMAL;
        }
        other = v;
        return CompiledExpression.Node.OTHER;
    }

    /** The value a {@link CompiledExpression.Node#number} call of this kind left. */
    final Value loaded(int kind) {
        return switch (kind) {
            case CompiledExpression.Node.INTEGER -> Value.integer(unscaled);
            case CompiledExpression.Node.DECIMAL -> Value.decimal(unscaled, scale);
            default -> other;
        };
    }

    /** The variable in this slot, or {@link Value#UNDEFINED} (or null) when it was never set. */
    public abstract Value variable(int slot);

    /** The payload visible for the input in this slot (§C.7), or null. */
    public abstract JsonNode input(int slot);

    /**
     * The value kept at this {@code $input} path slot from an earlier message (§C.7) when {@link #input} has no
     * payload for its input, or null (undefined).
     */
    public Value retainedInput(int pathSlot) {
        return null;
    }

    /** {@code timeout(name)}: true once after the timer expired; the call consumes it (§B.4). */
    public abstract boolean consumeTimeout(String timerName);

    /** "Message" or "Timer". */
    public abstract String triggerType();

    /** The input whose message caused this evaluation, or null on a timer cycle. */
    public abstract String currentInput();
}
