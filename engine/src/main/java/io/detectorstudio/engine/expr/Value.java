package io.detectorstudio.engine.expr;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value of the expression language (§B.1): Integer (64-bit), Decimal (BigDecimal keeping its written scale),
 * String, Boolean, JSON null, undefined (a reference to nothing) and invalid (an operation that failed, with why).
 * Immutable; the constants are shared so that conditions allocate nothing for booleans.
 */
public final class Value {

    public enum Type { INTEGER, DECIMAL, STRING, BOOLEAN, NULL, UNDEFINED, INVALID }

    public static final Value TRUE = new Value(Type.BOOLEAN, 1, null, null);
    public static final Value FALSE = new Value(Type.BOOLEAN, 0, null, null);
    public static final Value NULL = new Value(Type.NULL, 0, null, null);
    public static final Value UNDEFINED = new Value(Type.UNDEFINED, 0, null, null);

    private final Type type;
    private final long integer;
    private final BigDecimal decimal;
    /** the string value, or the reason for INVALID */
    private final String string;

    private Value(Type type, long integer, BigDecimal decimal, String string) {
        this.type = type;
        this.integer = integer;
        this.decimal = decimal;
        this.string = string;
    }

    /** Small integers are shared, like {@link Integer#valueOf}: sensor readings and counters allocate nothing. */
    private static final int CACHE_LOW = -128;
    private static final Value[] SMALL = new Value[1024 - CACHE_LOW + 1];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new Value(Type.INTEGER, i + CACHE_LOW, null, null);
        }
    }

    public static Value integer(long v) {
        if (v >= CACHE_LOW && v < CACHE_LOW + SMALL.length) {
            return SMALL[(int) v - CACHE_LOW];
        }
        return new Value(Type.INTEGER, v, null, null);
    }

    public static Value decimal(BigDecimal v) {
        return new Value(Type.DECIMAL, 0, Objects.requireNonNull(v), null);
    }

    public static Value string(String v) {
        return new Value(Type.STRING, 0, null, Objects.requireNonNull(v));
    }

    public static Value bool(boolean v) {
        return v ? TRUE : FALSE;
    }

    public static Value invalid(String why) {
        return new Value(Type.INVALID, 0, null, why);
    }

    public Type type() {
        return type;
    }

    public boolean isNumber() {
        return type == Type.INTEGER || type == Type.DECIMAL;
    }

    public boolean isTrue() {
        return this == TRUE || (type == Type.BOOLEAN && integer == 1);
    }

    public boolean isDefined() {
        return type != Type.UNDEFINED && type != Type.INVALID;
    }

    public long asLong() {
        return type == Type.INTEGER ? integer : decimal.longValue();
    }

    public BigDecimal asDecimal() {
        return type == Type.INTEGER ? BigDecimal.valueOf(integer) : decimal;
    }

    public String asString() {
        return string;
    }

    /** Why an INVALID value failed. */
    public String reason() {
        return type == Type.INVALID ? string : null;
    }

    /** Text as {@code ${…}} renders it (§B.7): strings without quotes, decimals plain with their scale. */
    public String toText() {
        return switch (type) {
            case INTEGER -> Long.toString(integer);
            case DECIMAL -> decimal.toPlainString();
            case STRING -> string;
            case BOOLEAN -> isTrue() ? "true" : "false";
            case NULL -> "null";
            case UNDEFINED -> "undefined";
            case INVALID -> "invalid";
        };
    }

    /** One-line JSON as the {@code eval} command prints it; {@code undefined} is the bare word. */
    public String toJson() {
        return switch (type) {
            case STRING -> com.fasterxml.jackson.databind.node.TextNode.valueOf(string).toString();
            default -> toText();
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Value v) || v.type != type) {
            return false;
        }
        return switch (type) {
            case INTEGER, BOOLEAN -> v.integer == integer;
            case DECIMAL -> v.decimal.compareTo(decimal) == 0;
            case STRING, INVALID -> v.string.equals(string);
            default -> true;
        };
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, integer, decimal == null ? null : decimal.stripTrailingZeros(), string);
    }

    @Override
    public String toString() {
        return type + ":" + toText();
    }
}
