package io.detectorstudio.engine.expr;

import io.detectorstudio.engine.expr.CompiledExpression.Node;

/**
 * {@code + - * /} (§B.3). Integers and compact Decimals are computed in the frame's number registers with
 * {@code long} arithmetic ({@link ExactLongs}, {@link Decimals}); everything else — strings, undefined, overflow,
 * decimals beyond a long — goes to {@link Operators#arithmetic}, the definition, which gives the same.
 * <p>One class per operator, each {@link #number} small: the JIT then inlines a whole arithmetic tree into its
 * root, as each class's operand call sites see few node kinds. (One class for all four was too big to inline and,
 * being recursive, was inlined into itself at most once: a call per operator per evaluation.) So each operator's
 * {@code number} evaluates its operands itself rather than through a shared helper, whose call sites every
 * operator would share again.
 */
abstract class Arithmetic extends Node {

    final String op;
    final Node left;
    final Node right;
    private final ExpressionOptions options;
    /**
     * The last number this node returned: a result equal in value and scale is that same immutable object
     * (a one-entry cache like {@link Value#integer}'s), so re-evaluating on unchanged data allocates nothing.
     * Its fields are final, so a frame on another thread may read it without a lock.
     */
    private Value last;
    /** a right operand that is a compact number literal ({@code * 9}, {@code / 10}): its kind, else -1 */
    final int rightConstantKind;
    final long rightConstantUnscaled;
    final int rightConstantScale;

    private Arithmetic(String op, Node left, Node right, ExpressionOptions options) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.options = options;
        Value constant = right instanceof Nodes.Constant c && c.value().isCompactNumber() ? c.value() : null;
        this.rightConstantKind = constant == null ? -1 : constant.type() == Value.Type.INTEGER ? INTEGER : DECIMAL;
        this.rightConstantUnscaled = constant == null ? 0 : constant.unscaled();
        this.rightConstantScale = constant == null ? 0 : constant.scale();
    }

    static Arithmetic of(String op, Node left, Node right, ExpressionOptions options) {
        return switch (op) {
            case "+" -> new Sum(op, left, right, options, false);
            case "-" -> new Sum(op, left, right, options, true);
            case "*" -> new Product(op, left, right, options);
            default -> new Quotient(op, left, right, options);
        };
    }

    @Override
    final Value eval(Frame frame) {
        int kind = number(frame);
        if (kind == OTHER) {
            return frame.other;
        }
        if (kind == INTEGER && Value.isShared(frame.unscaled)) {
            // a shared small Integer (what last would hold for it): nothing to remember — storing it into
            // this long-lived node would cost G1's write barrier a StoreLoad fence and a dirty card each time
            return Value.integer(frame.unscaled);
        }
        Value previous = last;
        if (previous != null && previous.unscaled() == frame.unscaled && previous.scale() == frame.scale
                && previous.type() == (kind == INTEGER ? Value.Type.INTEGER : Value.Type.DECIMAL)
                && previous.isCompactNumber()) {
            return previous;
        }
        Value made = frame.loaded(kind);
        last = made;
        return made;
    }

    /** The right operand literal straight into the registers, no call. */
    final int loadRightConstant(Frame frame) {
        frame.unscaled = rightConstantUnscaled;
        frame.scale = rightConstantScale;
        return rightConstantKind;
    }

    static int integer(Frame frame, long result) {
        frame.unscaled = result;
        frame.scale = 0;
        return INTEGER;
    }

    /**
     * What the registers could not take, by the definition: the left operand as saved, the right one still in the
     * registers (the fast paths write them only when they succeed).
     */
    final int general(Frame frame, int leftKind, Value leftOther, long x, int xs, int rightKind) {
        Value l = leftKind == OTHER ? leftOther : leftKind == INTEGER ? Value.integer(x) : Value.decimal(x, xs);
        return frame.load(Operators.arithmetic(op, l, frame.loaded(rightKind), options));
    }

    /** {@code +} and {@code -}. */
    static final class Sum extends Arithmetic {
        private final boolean subtract;

        Sum(String op, Node left, Node right, ExpressionOptions options, boolean subtract) {
            super(op, left, right, options);
            this.subtract = subtract;
        }

        @Override
        int number(Frame frame) {
            int leftKind = left.number(frame);
            Value leftOther = frame.other;
            long x = frame.unscaled;
            int xs = frame.scale;
            int rightKind = rightConstantKind >= 0 ? loadRightConstant(frame) : right.number(frame);
            if (leftKind == INTEGER && rightKind == INTEGER) {
                long y = frame.unscaled;
                long result = subtract ? x - y : x + y;
                if (ExactLongs.fits(subtract ? '-' : '+', x, y, result)) {
                    return integer(frame, result);
                }
            } else if (leftKind != OTHER && rightKind != OTHER
                    && Decimals.add(frame, x, xs, frame.unscaled, frame.scale, subtract)) {
                return DECIMAL;
            }
            return general(frame, leftKind, leftOther, x, xs, rightKind);
        }
    }

    /** {@code *}. */
    static final class Product extends Arithmetic {
        Product(String op, Node left, Node right, ExpressionOptions options) {
            super(op, left, right, options);
        }

        @Override
        int number(Frame frame) {
            int leftKind = left.number(frame);
            Value leftOther = frame.other;
            long x = frame.unscaled;
            int xs = frame.scale;
            int rightKind = rightConstantKind >= 0 ? loadRightConstant(frame) : right.number(frame);
            if (leftKind == INTEGER && rightKind == INTEGER) {
                long y = frame.unscaled;
                long result = x * y;
                if (ExactLongs.fits('*', x, y, result)) {
                    return integer(frame, result);
                }
            } else if (leftKind != OTHER && rightKind != OTHER
                    && Decimals.multiply(frame, x, xs, frame.unscaled, frame.scale)) {
                return DECIMAL;
            }
            return general(frame, leftKind, leftOther, x, xs, rightKind);
        }
    }

    /**
     * {@code /}: Decimal division in registers; Integer division (truncating or half-up, an option) and division
     * by zero by the definition. A divisor literal that is a power of ten ({@code / 10}, {@code / 1000}) is known
     * at compile time, and its quotient is exact: a shift of the scale.
     */
    static final class Quotient extends Arithmetic {
        /** k when the right operand is the literal 10^k (at any scale), else -1 */
        private final int rightPower;

        Quotient(String op, Node left, Node right, ExpressionOptions options) {
            super(op, left, right, options);
            this.rightPower = rightConstantKind >= 0 ? Decimals.powerOfTen(rightConstantUnscaled) : -1;
        }

        @Override
        int number(Frame frame) {
            int leftKind = left.number(frame);
            Value leftOther = frame.other;
            long x = frame.unscaled;
            int xs = frame.scale;
            int rightKind = rightConstantKind >= 0 ? loadRightConstant(frame) : right.number(frame);
            if ((leftKind == DECIMAL && rightKind != OTHER) || (rightKind == DECIMAL && leftKind != OTHER)) {
                long y = frame.unscaled;
                int ys = frame.scale;
                if (rightPower >= 0 ? Decimals.divideByPowerOfTen(frame, x, xs, rightPower, ys)
                        : y != 0 && Decimals.divide(frame, x, xs, y, ys)) {
                    return DECIMAL;
                }
            }
            return general(frame, leftKind, leftOther, x, xs, rightKind);
        }
    }
}
