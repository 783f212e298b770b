package io.detectorstudio.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * Evaluates an AST against an {@link EvaluationContext} that answers by name — for the {@code eval} command,
 * scenario values, previews and tests. It compiles the tree with {@link ExpressionCompiler} and runs it on a frame
 * over the context, so there is one implementation of §B; the runtime keeps its compiled expressions instead.
 * It never throws: failures become invalid values with a reason.
 */
public final class Evaluator {

    private final ExpressionCompiler compiler;
    private final ContextFrame frame;

    public Evaluator(EvaluationContext context) {
        this(context, ExpressionOptions.DEFAULTS);
    }

    public Evaluator(EvaluationContext context, ExpressionOptions options) {
        SymbolTable symbols = new SymbolTable();
        this.compiler = new ExpressionCompiler(symbols, options);
        this.frame = new ContextFrame(context, symbols);
    }

    /** A condition: true only when the expression evaluates to the Boolean true (§B.6 rule 1). */
    public boolean test(Expr expr) {
        return evaluate(expr).isTrue();
    }

    public Value evaluate(Expr e) {
        frame.inputsChanged(); // the context may have changed since the last call
        return compiler.compile(e).evaluate(frame);
    }

    /** §B.1: integral JSON numbers are Integer, others Decimal with their written scale; objects/arrays undefined. */
    public static Value fromJson(JsonNode node) {
        if (node instanceof IntNode i) { // the common case first: no chain of type tests
            return Value.integer(i.intValue());
        }
        if (node instanceof TextNode t) {
            return Value.string(t.textValue());
        }
        if (node == null || node.isMissingNode() || node.isContainerNode()) {
            return Value.UNDEFINED;
        }
        if (node.isNull()) {
            return Value.NULL;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Value.integer(node.longValue()) : Value.decimal(node.decimalValue());
        }
        if (node.isNumber()) {
            if (node.isBigDecimal()) {
                return Value.decimal(node.decimalValue());
            }
            String text = node.asText(); // a double's shortest text: what was written, as BigDecimal reads it
            Value fast = Decimals.parse(text);
            return fast != null ? fast : Value.decimal(new BigDecimal(text));
        }
        if (node.isBoolean()) {
            return Value.bool(node.booleanValue());
        }
        return Value.string(node.asText());
    }

    /** A frame that asks the context by name for each slot. */
    private static final class ContextFrame extends Frame {
        private final EvaluationContext context;
        private final SymbolTable symbols;

        ContextFrame(EvaluationContext context, SymbolTable symbols) {
            this.context = context;
            this.symbols = symbols;
        }

        @Override
        public Value variable(int slot) {
            return context.variable(symbols.variableName(slot));
        }

        @Override
        public JsonNode input(int slot) {
            return context.input(symbols.inputName(slot));
        }

        @Override
        public boolean consumeTimeout(String timerName) {
            return context.consumeTimeout(timerName);
        }

        @Override
        public String triggerType() {
            return context.triggerType();
        }

        @Override
        public String currentInput() {
            return context.currentInput();
        }
    }
}
