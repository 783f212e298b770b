package io.detectorstudio.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** What an expression can see while it is evaluated; the runtime and the {@code eval} command implement it. */
public interface EvaluationContext {

    /** The current value of a variable, or {@link Value#UNDEFINED} if it was never set. */
    Value variable(String name);

    /** The payload of the input's message visible in this cycle (§C.7), or null if there is none. */
    JsonNode input(String inputName);

    /**
     * {@code timeout(name)}: true once, on the first check after the timer expired (§B.4); the call consumes it.
     */
    boolean consumeTimeout(String timerName);

    /** "Message" or "Timer". */
    String triggerType();

    /** The input whose message caused this evaluation, or null on a timer cycle. */
    String currentInput();
}
