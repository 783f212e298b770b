package io.detectorstudio.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 19 acceptance 6: Decimals held as a long with a scale ({@link Decimals}) give the values and the text that
 * BigDecimal gives (§B.1, §B.7), for every operator and function that takes a number, over random operands —
 * small and large unscaled values, negative and large scales, Integers mixed in, operands beyond a long (the
 * BigDecimal fall-back) and results that overflow a long.
 */
class DecimalFastPathPropertiesTest {

    private static final String[] ARITHMETIC = {"+", "-", "*", "/"};
    private static final String[] COMPARISON = {"<", "<=", ">", ">=", "==", "!="};

    @Provide
    Arbitrary<BigDecimal> numbers() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.longs().between(-1000, 1000).map(BigInteger::valueOf),
                Arbitraries.longs().between(-99_999_999L, 99_999_999L).map(BigInteger::valueOf),
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 10, 9_999_999_999_999_999L,
                        10_000_000_000_000_000L, 5L, 25L, 0L, 1L).map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(18).negate(), BigInteger.TEN.pow(25)));
        Arbitrary<Integer> scale = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 6)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(-4, 25)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-20, 40, 300, -300)));
        return Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }

    @Provide
    Arbitrary<Value> operands() {
        return Arbitraries.oneOf(
                numbers().map(Value::decimal),
                Arbitraries.longs().between(-100_000, 100_000).map(Value::integer),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, 7L).map(Value::integer));
    }

    @Property(tries = 4000)
    void arithmeticGivesBigDecimalsValueAndText(@ForAll("operands") Value a, @ForAll("operands") Value b) {
        if (a.type() == Value.Type.INTEGER && b.type() == Value.Type.INTEGER) {
            return; // Integer arithmetic is not Decimal arithmetic
        }
        for (String op : ARITHMETIC) {
            Value got = evaluate("$variable.a " + op + " $variable.b", a, b);
            Value want = reference(op, a.asDecimal(), b.asDecimal());
            assertSame(got, want, a + " " + op + " " + b);
        }
    }

    /** Division by 10^k (unscaled) takes its own exact path: the same value and scale as BigDecimal's. */
    @Property(tries = 3000)
    void divisionByAPowerOfTenGivesBigDecimalsValueAndText(@ForAll("operands") Value a,
                                                           @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 18) int k,
                                                           @ForAll @net.jqwik.api.constraints.IntRange(min = -3, max = 6) int scale,
                                                           @ForAll boolean negative) {
        long power = BigInteger.TEN.pow(k).longValueExact() * (negative ? -1 : 1);
        Value b = scale == 0 && a.type() != Value.Type.INTEGER ? Value.integer(power) : Value.decimal(power, scale);
        Value got = evaluate("$variable.a / $variable.b", a, b);
        assertSame(got, reference("/", a.asDecimal(), b.asDecimal()), a + " / " + b);
    }

    /**
     * A literal right operand ({@code * 9}, {@code / 10}) is loaded into the registers at compile time, and a
     * literal power of ten divides by a shift of the scale: the same value and text as the definition.
     */
    @Property(tries = 3000)
    void arithmeticWithALiteralRightOperandGivesTheDefinitionsValueAndText(@ForAll("operands") Value a,
                                                                           @ForAll("literals") BigDecimal b) {
        Value literal = b.scale() == 0 ? Value.integer(b.longValueExact()) : Value.decimal(b);
        for (String op : ARITHMETIC) {
            Value got = evaluate("$variable.a " + op + " " + b.toPlainString(), a, a);
            Value want;
            try {
                want = Operators.arithmetic(op, a, literal, ExpressionOptions.DEFAULTS);
            } catch (ArithmeticException e) { // a scale beyond an int: the evaluator reports it as invalid
                want = null;
            }
            assertSame(got, want, a + " " + op + " " + b.toPlainString());
        }
    }

    @Provide
    Arbitrary<BigDecimal> literals() {
        Arbitrary<Long> unscaled = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 18).map(k -> BigInteger.TEN.pow(k).longValueExact()),
                Arbitraries.longs().between(1, 1000),
                Arbitraries.longs().between(1, Long.MAX_VALUE));
        return Combinators.combine(unscaled, Arbitraries.integers().between(0, 6)).as(BigDecimal::valueOf);
    }

    /** Integer + - * in registers: Math's exact arithmetic, overflow invalid. */
    @Property(tries = 3000)
    void integerArithmeticIsExactOrOverflows(@ForAll("integers") long x, @ForAll("integers") long y) {
        String[] ops = {"+", "-", "*"};
        for (String op : ops) {
            Value got = evaluate("$variable.a " + op + " $variable.b", Value.integer(x), Value.integer(y));
            Value want;
            try {
                want = Value.integer(switch (op) {
                    case "+" -> Math.addExact(x, y);
                    case "-" -> Math.subtractExact(x, y);
                    default -> Math.multiplyExact(x, y);
                });
            } catch (ArithmeticException overflow) {
                want = Value.invalid("integer overflow");
            }
            assertThat(got.type()).as(x + " " + op + " " + y).isEqualTo(want.type());
            assertThat(got.toText()).as(x + " " + op + " " + y).isEqualTo(want.toText());
            assertThat(got.reason()).as(x + " " + op + " " + y).isEqualTo(want.reason());
        }
    }

    @Provide
    Arbitrary<Long> integers() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3_037_000_500L, 3_037_000_500L),
                Arbitraries.longs().between(-1000, 1000),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, 4_294_967_296L));
    }

    @Property(tries = 3000)
    void comparisonsAgreeWithBigDecimal(@ForAll("operands") Value a, @ForAll("operands") Value b) {
        int c = a.asDecimal().compareTo(b.asDecimal());
        for (String op : COMPARISON) {
            boolean want = switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "==" -> c == 0;
                default -> c != 0;
            };
            assertThat(evaluate("$variable.a " + op + " $variable.b", a, b)).as(a + " " + op + " " + b)
                    .isEqualTo(Value.bool(want));
        }
        assertThat(a.equals(b)).isEqualTo(a.type() == b.type() && c == 0);
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
    }

    @Property(tries = 3000)
    void negationConversionsAndTemplatesGiveBigDecimalsText(@ForAll("numbers") BigDecimal n) {
        Value a = Value.decimal(n);
        assertThat(a.toText()).isEqualTo(n.toPlainString());
        assertThat(a.asDecimal()).isEqualTo(n); // equals: same value and scale
        assertSame(evaluate("-$variable.a", a, a), Value.decimal(n.negate()), "-" + n);
        assertThat(evaluate("convert(String, $variable.a)", a, a)).isEqualTo(Value.string(n.toPlainString()));
        assertSame(evaluate("convert(Decimal, $variable.a)", a, a), Value.decimal(n), "convert " + n);
        assertSame(evaluate("convert(Decimal, convert(String, $variable.a))", a, a), Value.decimal(new BigDecimal(n.toPlainString())), "text " + n);
        assertThat(evaluate("'<${$variable.a}>'", a, a)).isEqualTo(Value.string("<" + n.toPlainString() + ">"));
        assertThat(Decimals.parse(n.toString())).satisfiesAnyOf(
                parsed -> assertThat(parsed).isNull(),
                parsed -> assertThat(parsed.asDecimal()).isEqualTo(new BigDecimal(n.toString())));
    }

    @Property(tries = 3000)
    void jsonDoublesReadAsTheirWrittenText(@ForAll double d, @ForAll float f) {
        if (Double.isFinite(d)) {
            Value got = Evaluator.fromJson(DoubleNode.valueOf(d));
            BigDecimal want = new BigDecimal(Double.toString(d));
            assertThat(got.asDecimal()).isEqualTo(want);
            assertThat(got.toText()).isEqualTo(want.toPlainString());
        }
        if (Float.isFinite(f)) {
            assertThat(Evaluator.fromJson(FloatNode.valueOf(f)).asDecimal())
                    .isEqualTo(new BigDecimal(FloatNode.valueOf(f).asText()));
        }
    }

    /** Division is where the long arithmetic is subtle: quotients that round, carry, end exactly or not at all. */
    @Property(tries = 5000)
    void divisionRoundsLikeDecimal64(@ForAll("smallDecimals") BigDecimal a, @ForAll("smallDecimals") BigDecimal b) {
        if (b.signum() == 0) {
            assertThat(evaluate("$variable.a / $variable.b", Value.decimal(a), Value.decimal(b)).reason())
                    .isEqualTo("division by zero");
            return;
        }
        assertSame(evaluate("$variable.a / $variable.b", Value.decimal(a), Value.decimal(b)),
                Value.decimal(a.divide(b, MathContext.DECIMAL64)), a + " / " + b);
    }

    @Provide
    Arbitrary<BigDecimal> smallDecimals() {
        Arbitrary<Long> unscaled = Arbitraries.oneOf(Arbitraries.longs().between(-2000, 2000),
                Arbitraries.of(3L, 7L, 9L, 11L, 99_999_999_999_999_995L, 19_999_999_999_999_999L,
                        9_999_999_999_999_999L, 1_000_000_000_000_000L),
                Arbitraries.longs().between(-Long.MAX_VALUE / 10, Long.MAX_VALUE / 10));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-3, 20))
                .as((u, s) -> BigDecimal.valueOf(u, s));
    }

    private static Value reference(String op, BigDecimal a, BigDecimal b) {
        if (op.equals("/") && b.signum() == 0) {
            return Value.invalid("division by zero");
        }
        try {
            return Operators.bigDecimal(op, a, b);
        } catch (ArithmeticException e) { // a scale beyond an int: the evaluator reports it as invalid
            return null;
        }
    }

    private static void assertSame(Value got, Value want, String what) {
        if (want == null) {
            assertThat(got.type()).as(what).isEqualTo(Value.Type.INVALID);
            return;
        }
        assertThat(got.type()).as(what).isEqualTo(want.type());
        if (want.type() == Value.Type.INVALID) {
            assertThat(got.reason()).as(what).isEqualTo(want.reason());
            return;
        }
        assertThat(got.asDecimal()).as(what).isEqualTo(want.asDecimal()); // BigDecimal.equals: value and scale
        assertThat(got.toText()).as(what).isEqualTo(want.asDecimal().toPlainString());
    }

    private static Value evaluate(String text, Value a, Value b) {
        MapContext context = new MapContext().variable("a", a).variable("b", b);
        return new Evaluator(context).evaluate(Parser.parse(text).expr());
    }
}
