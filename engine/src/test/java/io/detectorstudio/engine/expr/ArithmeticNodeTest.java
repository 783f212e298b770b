package io.detectorstudio.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One compiled arithmetic node evaluated again and again, as a model's setVariable is: its results are right
 * whichever it returned before — a shared small Integer (not remembered) or another number (remembered, and returned
 * again while the result repeats) — across both edges of {@link Value#integer}'s cache.
 */
class ArithmeticNodeTest {

    @Test
    void eachEvaluationGivesItsOwnResultAcrossTheEdgesOfTheSharedIntegers() {
        CompiledExpression minusOne = new ExpressionCompiler(new SymbolTable(), ExpressionOptions.DEFAULTS)
                .compile("$variable.x - 1");
        Value[] x = new Value[1];
        Frame frame = new Frame() {
            @Override
            public Value variable(int slot) {
                return x[0];
            }

            @Override
            public JsonNode input(int slot) {
                return null;
            }

            @Override
            public boolean consumeTimeout(String timerName) {
                return false;
            }

            @Override
            public String triggerType() {
                return "Message";
            }

            @Override
            public String currentInput() {
                return null;
            }
        };
        List<Long> operands = new ArrayList<>();
        for (long v = -200; v <= 1200; v++) {
            operands.add(v);
        }
        operands.addAll(List.of(5000L, 5000L, 3L, 5000L, 1025L, 1026L, 1025L, -127L, -128L, -127L, 3L, 3L));
        for (long v : operands) {
            x[0] = Value.integer(v);
            Value result = minusOne.evaluate(frame);
            assertThat(result.type()).as("%d - 1", v).isEqualTo(Value.Type.INTEGER);
            assertThat(result.asLong()).as("%d - 1", v).isEqualTo(v - 1);
            if (Value.isShared(v - 1)) {
                assertThat(result).as("%d - 1", v).isSameAs(Value.integer(v - 1));
            }
        }
    }
}
