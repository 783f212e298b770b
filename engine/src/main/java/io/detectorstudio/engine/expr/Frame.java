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

    /** The variable in this slot, or {@link Value#UNDEFINED} (or null) when it was never set. */
    public abstract Value variable(int slot);

    /** The payload visible for the input in this slot (§C.7), or null. */
    public abstract JsonNode input(int slot);

    /** {@code timeout(name)}: true once after the timer expired; the call consumes it (§B.4). */
    public abstract boolean consumeTimeout(String timerName);

    /** "Message" or "Timer". */
    public abstract String triggerType();

    /** The input whose message caused this evaluation, or null on a timer cycle. */
    public abstract String currentInput();
}
