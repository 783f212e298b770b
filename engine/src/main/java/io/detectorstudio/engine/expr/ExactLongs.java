package io.detectorstudio.engine.expr;

/**
 * Integer arithmetic's overflow check without exceptions, shared by the expression nodes and the runtime's flat
 * cycles (an Integer result that overflows is an invalid value, §B.1).
 */
public final class ExactLongs {

    private ExactLongs() {
    }

    /**
     * Whether {@code result}, computed as {@code x op y} in {@code long} arithmetic ({@code op} one of {@code + - *}),
     * did not overflow — as {@link Math#addExact}, {@link Math#subtractExact} and {@link Math#multiplyExact} would
     * check.
     */
    public static boolean fits(char op, long x, long y, long result) {
        return switch (op) {
            case '+' -> ((x ^ result) & (y ^ result)) >= 0;
            case '-' -> ((x ^ y) & (x ^ result)) >= 0;
            default -> {
                long hi = Math.multiplyHigh(x, y);
                yield (hi == 0 && result >= 0) || (hi == -1 && result < 0);
            }
        };
    }
}
