package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.expr.CompiledExpression;
import io.detectorstudio.engine.expr.ExpressionCompiler;
import io.detectorstudio.engine.expr.ExpressionOptions;
import io.detectorstudio.engine.expr.Frame;
import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload E of shared/reference/performance-anchors.md: one expression evaluated over and over on values as the
 * engine holds them (variables in slots, inputs as parsed Jackson trees whose values the frame converts once per
 * cycle; {@code …NewCycle} pays that conversion in every evaluation). Each {@code …HandWritten} benchmark is the
 * same expression as plain Java over the same frame: the ceiling, measured in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ExpressionBenchmark {

    static final String E1 = "$input.PressureInput.sensorData.pressure > 70 && $variable.pressureThresholdBreached <= 1";
    static final String E2 = "$variable.pressureThresholdBreached + 3";
    static final String E3 = "(($variable.avg * 9) + $input.T.sensorData.temperature) / 10";
    static final String E4 = "startsWith($input.S.status, \"off\") && $input.S.status != \"offline2\"";

    private SlotFrame frame;
    private CompiledExpression e1;
    private CompiledExpression e2;
    private CompiledExpression e3;
    private CompiledExpression e4;
    private int pressureSlot;
    private int breachedSlot;
    private int temperatureSlot;
    private int avgSlot;
    private double[] avgDouble;

    /** Variables and inputs in arrays, as the runtime's cycle presents them. */
    static final class SlotFrame extends Frame {
        Value[] variables;
        JsonNode[] inputs;

        @Override
        public Value variable(int slot) {
            return variables[slot];
        }

        @Override
        public JsonNode input(int slot) {
            return inputs[slot];
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
            return "PressureInput";
        }
    }

    @Setup
    public void setUp() throws Exception {
        SymbolTable symbols = new SymbolTable();
        ExpressionCompiler compiler = new ExpressionCompiler(symbols, ExpressionOptions.DEFAULTS);
        e1 = compiler.compile(E1);
        e2 = compiler.compile(E2);
        e3 = compiler.compile(E3);
        e4 = compiler.compile(E4);
        ObjectMapper json = new ObjectMapper();
        frame = new SlotFrame();
        frame.variables = new Value[symbols.variableCount()];
        frame.variables[symbols.variableSlot("pressureThresholdBreached")] = Value.integer(2);
        frame.variables[symbols.variableSlot("avg")] = Value.decimal(new BigDecimal("20.312"));
        frame.inputs = new JsonNode[symbols.inputCount()];
        frame.inputs[symbols.inputSlot("PressureInput")] = json.readTree("{\"sensorData\":{\"pressure\":80}}");
        frame.inputs[symbols.inputSlot("T")] = json.readTree("{\"sensorData\":{\"temperature\":23.12}}");
        frame.inputs[symbols.inputSlot("S")] = json.readTree("{\"status\":\"offline\"}");
        pressureSlot = symbols.inputSlot("PressureInput");
        breachedSlot = symbols.variableSlot("pressureThresholdBreached");
        temperatureSlot = symbols.inputSlot("T");
        avgSlot = symbols.variableSlot("avg");
        avgDouble = new double[symbols.variableCount()];
        avgDouble[avgSlot] = 20.312;
        check(e1.evaluate(frame), Value.FALSE);
        check(e2.evaluate(frame), Value.integer(5));
        check(e3.evaluate(frame), Value.decimal(new BigDecimal("20.5928")));
        check(e4.evaluate(frame), Value.TRUE);
    }

    private static void check(Value got, Value want) {
        if (!got.equals(want)) {
            throw new IllegalStateException("expected " + want + " but got " + got);
        }
    }

    @Benchmark
    public Value e1() {
        return e1.evaluate(frame);
    }

    @Benchmark
    public Value e2() {
        return e2.evaluate(frame);
    }

    @Benchmark
    public Value e3() {
        return e3.evaluate(frame);
    }

    @Benchmark
    public Value e4() {
        return e4.evaluate(frame);
    }

    /** E3 as the first expression of a cycle: the input value converted from the tree in the evaluation. */
    @Benchmark
    public Value e3NewCycle() {
        frame.inputsChanged();
        return e3.evaluate(frame);
    }

    /** E1 as the first expression of a cycle. */
    @Benchmark
    public Value e1NewCycle() {
        frame.inputsChanged();
        return e1.evaluate(frame);
    }

    /** E1 by hand over the same slots and tree: the ceiling. */
    @Benchmark
    public boolean e1HandWritten() {
        JsonNode pressure = frame.inputs[pressureSlot].get("sensorData").get("pressure");
        Value breached = frame.variables[breachedSlot];
        return pressure.longValue() > 70 && breached.asLong() <= 1;
    }

    /** E3 by hand over the same tree, the variable as a {@code double} slot (not the language's Decimal): the ceiling. */
    @Benchmark
    public double e3HandWritten() {
        double temperature = frame.inputs[temperatureSlot].get("sensorData").get("temperature").doubleValue();
        return (avgDouble[avgSlot] * 9 + temperature) / 10;
    }
}
