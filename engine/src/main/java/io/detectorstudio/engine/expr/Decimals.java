package io.detectorstudio.engine.expr;

import java.math.BigDecimal;

/**
 * Decimal arithmetic on compact numbers (an unscaled {@code long} with a scale, §B.1) without {@link BigDecimal}.
 * Every operation gives exactly what {@link Operators#bigDecimal} would give — the same value and the same scale,
 * so the same text (§B.7) — into a frame's number registers, or returns false when the operands or the result do
 * not fit and the caller falls back to BigDecimal. {@code DecimalFastPathPropertiesTest} compares the two.
 */
final class Decimals {

    /** 10^0 … 10^18, every power of ten a long holds. */
    private static final long[] TEN = new long[19];
    /** §B.1 [GAP] DECIMAL64: 16 significant digits. */
    private static final int DIVISION_DIGITS = 16;
    private static final long DIVISION_LIMIT = 10_000_000_000_000_000L; // 10^16

    static {
        TEN[0] = 1;
        for (int i = 1; i < TEN.length; i++) {
            TEN[i] = TEN[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /**
     * {@code x + y} or {@code x - y} of two compact numbers (unscaled, scale), at least one a Decimal, into the
     * frame's number registers; false when it does not fit.
     */
    static boolean add(Frame out, long x, int xs, long y, int ys, boolean subtract) {
        if (x == Long.MIN_VALUE || y == Long.MIN_VALUE) { // an Integer at its limit
            return false;
        }
        if (subtract) {
            y = -y;
        }
        if (xs != ys) {
            int diff = xs - ys;
            if (diff > 0) {
                if (diff >= TEN.length || (y = times(y, TEN[diff])) == Long.MIN_VALUE) {
                    return false;
                }
                ys = xs;
            } else {
                if (-diff >= TEN.length || (x = times(x, TEN[-diff])) == Long.MIN_VALUE) {
                    return false;
                }
            }
        }
        long sum = x + y;
        if (((x ^ sum) & (y ^ sum)) < 0 || sum == Long.MIN_VALUE) {
            return false;
        }
        return result(out, sum, ys);
    }

    /** {@code x * y}; the scales add. */
    static boolean multiply(Frame out, long x, int xs, long y, int ys) {
        long product = times(x, y);
        long scale = (long) xs + ys;
        if (product == Long.MIN_VALUE || scale != (int) scale) {
            return false;
        }
        return result(out, product, (int) scale);
    }

    /**
     * {@code a / b} as {@code BigDecimal.divide(b, DECIMAL64)}: the quotient rounded half-even to 16 significant
     * digits; an exact quotient loses its trailing zeros down to the preferred scale {@code a.scale - b.scale}.
     * b is not zero.
     * Long division digit by digit: the integer part, then fraction digits until 17 significant digits (the 17th
     * decides the rounding with the remainder as sticky bit) or the remainder is zero (an exact quotient).
     */
    static boolean divide(Frame out, long x, int xs, long y, int ys) {
        long preferred = (long) xs - ys;
        if (x == Long.MIN_VALUE || y == Long.MIN_VALUE || Math.abs(y) > Long.MAX_VALUE / 10
                || preferred != (int) preferred) {
            return false;
        }
        boolean negative = (x < 0) != (y < 0);
        x = Math.abs(x);
        y = Math.abs(y);
        int power = powerOfTen(y);
        if (power >= 0 && x < DIVISION_LIMIT) {
            return exactShift(out, negative ? -x : x, preferred + power, preferred);
        }
        long q = x / y;
        long r = x - q * y; // one division where / and % would be two
        if (q >= DIVISION_LIMIT) {
            return false;
        }
        int fraction = 0;
        int digits = digitCount(q);
        while (r != 0 && digits <= DIVISION_DIGITS) {
            r *= 10;
            long digit = r / y;
            q = q * 10 + digit;
            r -= digit * y;
            fraction++;
            if (q != 0) {
                digits = digitCount(q);
            }
        }
        boolean exact = r == 0;
        if (digits > DIVISION_DIGITS) { // one guard digit beyond 16: round half-even
            long guard = q % 10;
            exact &= guard == 0;
            q /= 10;
            fraction--;
            if (guard > 5 || (guard == 5 && (r != 0 || (q & 1) == 1))) {
                q++;
                if (q == DIVISION_LIMIT) {
                    q /= 10;
                    fraction--;
                }
            }
        }
        long scale = preferred + fraction;
        while (exact && scale > preferred && q != 0 && q % 10 == 0) { // an exact quotient: no trailing zeros
            q /= 10;
            scale--;
        }
        if (q == 0) {
            scale = preferred; // BigDecimal's zero quotient takes the preferred scale
        }
        if (scale != (int) scale) {
            return false;
        }
        return result(out, negative ? -q : q, (int) scale);
    }

    /**
     * {@code x / 10^power} for a divisor {@code 10^power} at scale {@code ys} known beforehand (a literal): as
     * {@link #divide}, without finding the power of ten in each division.
     */
    static boolean divideByPowerOfTen(Frame out, long x, int xs, int power, int ys) {
        long preferred = (long) xs - ys;
        if (x > -DIVISION_LIMIT && x < DIVISION_LIMIT && preferred == (int) preferred) {
            return exactShift(out, x, preferred + power, preferred);
        }
        return divide(out, x, xs, TEN[power], ys);
    }

    /**
     * The exact quotient {@code x × 10^-scale} of a division by a power of ten, x of at most 16 digits: x's digits
     * at a larger scale, then no trailing zeros beyond the preferred scale (BigDecimal's rule for exact quotients).
     */
    private static boolean exactShift(Frame out, long x, long scale, long preferred) {
        while (scale > preferred && x != 0 && x % 10 == 0) {
            x /= 10;
            scale--;
        }
        if (x == 0) {
            scale = preferred;
        }
        return scale == (int) scale && result(out, x, (int) scale);
    }

    private static boolean result(Frame out, long unscaled, int scale) {
        out.unscaled = unscaled;
        out.scale = scale;
        return true;
    }

    /** The order of two numbers, at least one a Decimal; BigDecimal only when they do not fit a common scale. */
    static int compare(Value a, Value b) {
        if (!a.isCompactNumber() || !b.isCompactNumber()) {
            return a.asDecimal().compareTo(b.asDecimal());
        }
        long x = a.unscaled();
        long y = b.unscaled();
        int diff = a.scale() - b.scale();
        if (diff > 0) {
            y = diff < TEN.length ? times(y, TEN[diff]) : Long.MIN_VALUE;
        } else if (diff < 0) {
            x = -diff < TEN.length ? times(x, TEN[-diff]) : Long.MIN_VALUE;
        }
        if (x == Long.MIN_VALUE || y == Long.MIN_VALUE) {
            return a.asDecimal().compareTo(b.asDecimal());
        }
        return Long.compare(x, y);
    }

    /** {@code BigDecimal.valueOf(unscaled, scale).toPlainString()}. */
    static String plainText(long unscaled, int scale) {
        if (scale <= 0 || unscaled == Long.MIN_VALUE) {
            return BigDecimal.valueOf(unscaled, scale).toPlainString();
        }
        String digits = Long.toString(Math.abs(unscaled));
        StringBuilder out = new StringBuilder(digits.length() + scale + 3);
        if (unscaled < 0) {
            out.append('-');
        }
        int point = digits.length() - scale;
        if (point > 0) {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        } else {
            out.append("0.");
            for (int i = point; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }

    /**
     * {@code new BigDecimal(text)} for the text of a JSON number (as Jackson and {@link Double#toString} write
     * them: digits, an optional fraction and exponent); null when it does not fit a long or is not such text.
     */
    static Value parse(String text) {
        int i = 0;
        int n = text.length();
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (unscaled > (Long.MAX_VALUE - 9) / 10) {
                    return null;
                }
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (point) {
                    fraction++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n) {
            if (text.charAt(i) != 'e' && text.charAt(i) != 'E' || i + 1 == n) {
                return null;
            }
            try {
                exponent = Integer.parseInt(text, i + 1, n, 10);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long scale = fraction - exponent;
        if (scale != (int) scale) {
            return null;
        }
        return Value.decimal(negative ? -unscaled : unscaled, (int) scale);
    }

    /** x × y, or Long.MIN_VALUE when the product overflows (no compact value is MIN_VALUE). */
    private static long times(long x, long y) {
        long product = x * y;
        if (Math.multiplyHigh(x, y) != (product >> 63)) {
            return Long.MIN_VALUE;
        }
        return product;
    }

    /** The decimal digits of v ≥ 0 (1 for 0): from its bit length, then one comparison. */
    private static int digitCount(long v) {
        int n = ((64 - Long.numberOfLeadingZeros(v | 1)) * 1233) >>> 12; // ⌊bits · log10 2⌋
        return v >= TEN[n] ? n + 1 : Math.max(n, 1);
    }

    /** k when v is 10^k, else -1. */
    static int powerOfTen(long v) {
        if (v <= 0) {
            return -1;
        }
        int n = digitCount(v) - 1;
        return TEN[n] == v ? n : -1;
    }
}
