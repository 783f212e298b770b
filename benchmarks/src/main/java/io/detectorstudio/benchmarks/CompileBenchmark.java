package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.expr.CompiledExpression;
import io.detectorstudio.engine.expr.ExpressionCompiler;
import io.detectorstudio.engine.expr.ExpressionOptions;
import io.detectorstudio.engine.expr.SymbolTable;
import java.util.ArrayList;
import java.util.List;
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

/** Parse + compile every expression of a typical model (the motor model: conditions and values). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CompileBenchmark {

    private final List<String> expressions = new ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        JsonNode model = new ObjectMapper().readTree(CompileBenchmark.class.getResourceAsStream("/motor.json"));
        collect(model, null);
    }

    private void collect(JsonNode node, String field) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey()));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, null));
        } else if ("condition".equals(field) || "value".equals(field)) {
            expressions.add(node.asText());
        }
    }

    @Benchmark
    public List<CompiledExpression> parseAndCompileMotorModel() {
        ExpressionCompiler compiler = new ExpressionCompiler(new SymbolTable(), ExpressionOptions.DEFAULTS);
        List<CompiledExpression> out = new ArrayList<>(expressions.size());
        for (String e : expressions) {
            out.add(compiler.compile(e));
        }
        return out;
    }
}
