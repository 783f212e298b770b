package io.detectorstudio.engine.expr;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value of the expression language (§B.1): Integer (64-bit), Decimal (keeping its written scale), String,
 * Boolean, JSON null, undefined (a reference to nothing) and invalid (an operation that failed, with why).
 * Immutable; the constants are shared so that conditions allocate nothing for booleans.
 * <p>A Decimal whose unscaled value fits a {@code long} is held as that long and its scale ("compact"), so that
 * arithmetic on it needs no {@link BigDecimal} ({@link Decimals}); a larger one keeps its BigDecimal. Both forms
 * have the same value, scale and text as the BigDecimal would.
 */
public final class Value {

    public enum Type { INTEGER, DECIMAL, STRING, BOOLEAN, NULL, UNDEFINED, INVALID }

    public static final Value TRUE = new Value(Type.BOOLEAN, 1, null, null);
    public static final Value FALSE = new Value(Type.BOOLEAN, 0, null, null);
    public static final Value NULL = new Value(Type.NULL, 0, null, null);
    public static final Value UNDEFINED = new Value(Type.UNDEFINED, 0, null, null);

    private final Type type;
    /** the Integer, the Boolean as 0/1, or the unscaled value of a compact Decimal */
    private final long integer;
    /** the scale of a compact Decimal */
    private final int scale;
    /** a Decimal that is not compact, else null */
    private final BigDecimal decimal;
    /** the string value, or the reason for INVALID */
    private final String string;

    private Value(Type type, long integer, BigDecimal decimal, String string) {
        this(type, integer, 0, decimal, string);
    }

    private Value(Type type, long integer, int scale, BigDecimal decimal, String string) {
        this.type = type;
        this.integer = integer;
        this.scale = scale;
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

    /**
     * The place of a shared small Integer in the cache ({@link #shared}), or −1 for any other value: a value kept
     * as its place is stored as an {@code int}.
     */
    public static int sharedIndex(Value v) {
        if (v.type != Type.INTEGER || v.integer < CACHE_LOW || v.integer >= CACHE_LOW + SMALL.length) {
            return -1;
        }
        int index = (int) v.integer - CACHE_LOW;
        return SMALL[index] == v ? index : -1;
    }

    /** The place {@link #sharedIndex} gives the Integer {@code v}'s shared Value, or −1 when it has none. */
    public static int sharedIndexOf(long v) {
        return isShared(v) ? (int) v - CACHE_LOW : -1;
    }

    /** The shared small Integer at a place {@link #sharedIndex} gave. */
    public static Value shared(int index) {
        return SMALL[index];
    }

    /** Whether {@link #integer} gives a shared Value for {@code v}. */
    static boolean isShared(long v) {
        return v >= CACHE_LOW && v < CACHE_LOW + SMALL.length;
    }

    public static Value integer(long v) {
        if (isShared(v)) {
            return SMALL[(int) v - CACHE_LOW];
        }
        return new Value(Type.INTEGER, v, null, null);
    }

    public static Value decimal(BigDecimal v) {
        if (v.unscaledValue().bitLength() < 63) {
            return new Value(Type.DECIMAL, v.unscaledValue().longValue(), v.scale(), null, null);
        }
        return new Value(Type.DECIMAL, 0, 0, v, null);
    }

    /** The Decimal {@code unscaled × 10^-scale}, as {@code BigDecimal.valueOf(unscaled, scale)}. */
    public static Value decimal(long unscaled, int scale) {
        if (unscaled == Long.MIN_VALUE) { // kept out of the compact form so that negation never overflows
            return new Value(Type.DECIMAL, 0, 0, BigDecimal.valueOf(unscaled, scale), null);
        }
        return new Value(Type.DECIMAL, unscaled, scale, null, null);
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
        return type == Type.INTEGER ? integer : asDecimal().longValue();
    }

    public BigDecimal asDecimal() {
        if (type == Type.INTEGER) {
            return BigDecimal.valueOf(integer);
        }
        return decimal != null ? decimal : BigDecimal.valueOf(integer, scale);
    }

    /** An Integer, or a Decimal held as a long with a scale: {@link #unscaled()} and {@link #scale()} apply. */
    boolean isCompactNumber() {
        return type == Type.INTEGER || (type == Type.DECIMAL && decimal == null);
    }

    /** The unscaled value of a compact number (the Integer itself). */
    long unscaled() {
        return integer;
    }

    /** The scale of a compact number (0 for an Integer). */
    int scale() {
        return scale;
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
            case DECIMAL -> decimal != null ? decimal.toPlainString() : Decimals.plainText(integer, scale);
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
            case DECIMAL -> Decimals.compare(v, this) == 0;
            case STRING, INVALID -> v.string.equals(string);
            default -> true;
        };
    }

    @Override
    public int hashCode() {
        if (type == Type.DECIMAL) {
            return Objects.hash(type, 0L, asDecimal().stripTrailingZeros(), null);
        }
        return Objects.hash(type, integer, null, string);
    }

    @Override
    public String toString() {
        return type + ":" + toText();
    }
}
