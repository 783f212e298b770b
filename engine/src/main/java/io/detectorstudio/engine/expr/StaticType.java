package io.detectorstudio.engine.expr;

/** What the checker knows about an expression's type before it runs; {@link #UNKNOWN} when it cannot tell. */
public enum StaticType {
    INTEGER("Integer"), DECIMAL("Decimal"), STRING("String"), BOOLEAN("Boolean"), NULL("Null"), UNKNOWN("unknown");

    private final String label;

    StaticType(String label) {
        this.label = label;
    }

    /** The name the service's analysis uses ("Integer", "Decimal", …). */
    public String label() {
        return label;
    }

    public boolean isNumber() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isKnown() {
        return this != UNKNOWN && this != NULL;
    }

    /** The type of a value that may be either (e.g. a variable set to an Integer here and a Decimal there). */
    public StaticType join(StaticType other) {
        if (this == other) {
            return this;
        }
        if (isNumber() && other.isNumber()) {
            return DECIMAL;
        }
        return UNKNOWN;
    }

    public static StaticType of(Value value) {
        return switch (value.type()) {
            case INTEGER -> INTEGER;
            case DECIMAL -> DECIMAL;
            case STRING -> STRING;
            case BOOLEAN -> BOOLEAN;
            case NULL -> NULL;
            default -> UNKNOWN;
        };
    }
}
