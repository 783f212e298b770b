package io.detectorstudio.engine.expr;

/**
 * An expression compiled for repeated evaluation: a tree of small node objects whose references hold slots
 * (see {@link ExpressionCompiler}). Thread-safe and reusable; all run-time state lives in the {@link Frame}
 * (an arithmetic node remembers the immutable value it last returned, to return it again for an equal result).
 */
public final class CompiledExpression {

    private final Node root;
    private final String text;

    CompiledExpression(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /** The value per §B; never throws — a failure is an invalid value with the reason. */
    public Value evaluate(Frame frame) {
        try {
            return root.eval(frame);
        } catch (RuntimeException unexpected) {
            return Value.invalid("evaluation failed: " + unexpected);
        }
    }

    /** A condition: true only when the expression evaluates to the Boolean true (§B.6 rule 1). */
    public boolean test(Frame frame) {
        return evaluate(frame) == Value.TRUE;
    }

    /** The source text this was compiled from (null when compiled from a tree). */
    public String text() {
        return text;
    }

    /** One node of a compiled expression. */
    abstract static class Node {
        /** {@link #number} left an Integer in the frame's number registers. */
        static final int INTEGER = 0;
        /** {@link #number} left a compact Decimal (unscaled long and scale) in the frame's number registers. */
        static final int DECIMAL = 1;
        /** {@link #number} left any other value in {@link Frame#other}. */
        static final int OTHER = 2;

        abstract Value eval(Frame frame);

        /**
         * The value as {@link #eval}, but an Integer or compact Decimal is left in the frame's registers instead
         * of a {@link Value}, so that arithmetic on arithmetic makes no intermediate objects.
         */
        int number(Frame frame) {
            return frame.load(eval(frame));
        }
    }
}
