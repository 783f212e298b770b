package io.detectorstudio.engine.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The binary operators other than {@code &&}/{@code ||} on already evaluated operands (§B.3, §B.6). */
final class Operators {

    /** §B.1 [GAP]: division of decimals keeps 16 significant digits, half-even. */
    static final MathContext DIVISION = MathContext.DECIMAL64;

    private Operators() {
    }

    /** {@code ==} and {@code !=}: with undefined, == is false and != is true (§B.6 rule 7, the "never set" idiom). */
    static Value equality(boolean notEqual, Value left, Value right) {
        Value failure = invalidOf(left, right);
        if (failure != null) {
            return failure;
        }
        if (left.type() == Value.Type.UNDEFINED || right.type() == Value.Type.UNDEFINED) {
            return Value.bool(notEqual);
        }
        Boolean equal = equal(left, right);
        if (equal == null) {
            return Value.invalid("cannot compare " + left.type() + " with " + right.type());
        }
        return Value.bool(notEqual != equal);
    }

    /** {@code < <= > >=} on numbers or on strings; null or undefined operands give undefined (§B.6 rule 6). */
    static Value compare(String op, Value left, Value right) {
        Value failure = invalidOf(left, right);
        if (failure != null) {
            return failure;
        }
        if (absent(left) || absent(right)) {
            return Value.UNDEFINED;
        }
        int c;
        if (left.isNumber() && right.isNumber()) {
            c = compareNumbers(left, right);
        } else if (left.type() == Value.Type.STRING && right.type() == Value.Type.STRING) {
            c = left.asString().compareTo(right.asString()); // [GAP] §B.3: code point order
        } else {
            return Value.invalid("'" + op + "' cannot compare " + left.type() + " with " + right.type());
        }
        return Value.bool(switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        });
    }

    /** {@code + - * /}: Integer arithmetic with overflow checks, Decimal otherwise, {@code +} joins two strings. */
    static Value arithmetic(String op, Value left, Value right, ExpressionOptions options) {
        Value failure = invalidOf(left, right);
        if (failure != null) {
            return failure;
        }
        if (absent(left) || absent(right)) {
            return Value.UNDEFINED;
        }
        if (op.equals("+") && left.type() == Value.Type.STRING && right.type() == Value.Type.STRING) {
            return Value.string(left.asString() + right.asString());
        }
        return numeric(op, left, right, options);
    }

    /** {@code | & ^} on Integers. */
    static Value bitwise(String op, Value left, Value right) {
        Value failure = invalidOf(left, right);
        if (failure != null) {
            return failure;
        }
        if (absent(left) || absent(right)) {
            return Value.UNDEFINED;
        }
        if (left.type() != Value.Type.INTEGER || right.type() != Value.Type.INTEGER) {
            return Value.invalid("'" + op + "' needs Integer operands but got " + left.type() + " and "
                    + right.type());
        }
        long a = left.asLong();
        long b = right.asLong();
        return Value.integer(op.equals("|") ? a | b : op.equals("&") ? a & b : a ^ b);
    }

    private static boolean absent(Value v) {
        return v.type() == Value.Type.UNDEFINED || v.type() == Value.Type.NULL;
    }

    private static Value invalidOf(Value a, Value b) {
        return a.type() == Value.Type.INVALID ? a : b.type() == Value.Type.INVALID ? b : null;
    }

    /** null when the types cannot be compared (§B.1 incompatible pairs). */
    private static Boolean equal(Value a, Value b) {
        if (a.isNumber() && b.isNumber()) {
            return compareNumbers(a, b) == 0;
        }
        if (a.type() == Value.Type.NULL || b.type() == Value.Type.NULL) {
            return a.type() == b.type();
        }
        if (a.type() != b.type()) {
            return null;
        }
        return a.equals(b);
    }

    static int compareNumbers(Value a, Value b) {
        if (a.type() == Value.Type.INTEGER && b.type() == Value.Type.INTEGER) {
            return Long.compare(a.asLong(), b.asLong());
        }
        return Decimals.compare(a, b);
    }

    private static Value numeric(String op, Value left, Value right, ExpressionOptions options) {
        if (!left.isNumber() || !right.isNumber()) {
            return Value.invalid("'" + op + "' cannot combine " + left.type() + " and " + right.type()
                    + (left.type() == Value.Type.STRING || right.type() == Value.Type.STRING
                    ? "; use convert(String, …) to make text" : ""));
        }
        if (left.type() == Value.Type.INTEGER && right.type() == Value.Type.INTEGER) {
            long a = left.asLong();
            long b = right.asLong();
            try {
                return Value.integer(switch (op) {
                    case "+" -> Math.addExact(a, b);
                    case "-" -> Math.subtractExact(a, b);
                    case "*" -> Math.multiplyExact(a, b);
                    default -> {
                        if (b == 0) {
                            throw new ArithmeticException("division by zero");
                        }
                        yield divideIntegers(a, b, options);
                    }
                });
            } catch (ArithmeticException e) {
                return Value.invalid(e.getMessage().contains("zero") ? "division by zero" : "integer overflow");
            }
        }
        return bigDecimal(op, left.asDecimal(), right.asDecimal());
    }

    /**
     * Decimal arithmetic in BigDecimal: the definition. Compact operands take {@link Decimals} first
     * ({@link Arithmetic}), which gives the same or defers to this.
     */
    static Value bigDecimal(String op, BigDecimal a, BigDecimal b) {
        return switch (op) {
            case "+" -> Value.decimal(a.add(b));
            case "-" -> Value.decimal(a.subtract(b));
            case "*" -> Value.decimal(a.multiply(b));
            default -> b.signum() == 0 ? Value.invalid("division by zero") : Value.decimal(a.divide(b, DIVISION));
        };
    }

    /** Integer division: truncation toward zero, or half-up when the option says so (§B.3 [GAP]). */
    static long divideIntegers(long a, long b, ExpressionOptions options) {
        if (!options.integerDivisionRoundsHalfUp()) {
            return a / b;
        }
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 0, RoundingMode.HALF_UP).longValue();
    }
}
