package io.detectorstudio.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 2: an invalid sub-expression (failed convert, type error, division by zero) makes the whole
 * expression invalid, so a condition using it is false (§B.6 rule 4, §B.3); undefined keeps its own rules.
 */
class InvalidOperandTest {

    private static Value eval(String text) throws Exception {
        ParseResult parsed = Parser.parse(text);
        assertThat(parsed.problems()).as(text).isEmpty();
        return new Evaluator(ExpressionTableTest.environment()).evaluate(parsed.expr());
    }

    @Test
    void item2AFailedConvertOrATypeErrorBeforeOrIsInvalidNotTrue() throws Exception {
        assertThat(eval("convert(Decimal, \"x\") || true").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("20.5 > false || 20.5 < 77.03").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("7 || true").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("(1 / 0 > 2) && false").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("7 && false").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("!(convert(Boolean, 'maybe'))").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("isUndefined(convert(Decimal, 'x'))").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("isNull(1 + true)").type()).isEqualTo(Value.Type.INVALID);
        assertThat(eval("contains(convert(Decimal, 'x'), 'a')").type()).isEqualTo(Value.Type.INVALID);
    }

    @Test
    void item2UndefinedIsNotInvalid() throws Exception {
        assertThat(eval("$variable.never || true")).isEqualTo(Value.TRUE); // §B.6 rule 3
        assertThat(eval("$variable.never != $variable.never")).isEqualTo(Value.TRUE); // rule 7
        assertThat(eval("false && (1 > true)")).isEqualTo(Value.FALSE); // short-circuit: never evaluated
        assertThat(eval("true || (1 > true)")).isEqualTo(Value.TRUE);
        assertThat(eval("isUndefined($variable.never)")).isEqualTo(Value.TRUE);
    }

    // --- the property: an invalid operand anywhere the evaluation reaches makes the condition false ---

    /** A generated expression tree. */
    sealed interface Tree permits Leaf, Binary, Unary { }

    record Leaf(String text) implements Tree { }

    record Binary(String op, Tree left, Tree right) implements Tree { }

    record Unary(String function, Tree operand) implements Tree { }

    private static final List<String> LEAVES = List.of("1", "0", "2.5", "'s'", "true", "false", "$input.I.i",
            "$input.I.s", "$input.I.b", "$input.I.n", "$input.I.missing", "$variable.vi", "$variable.never",
            "$variable.vb", "currentInput(\"I\")");
    private static final List<String> INVALID = List.of("convert(Decimal, 'x')", "(20.5 > false)", "(1 / 0)",
            "('a' + 1)", "convert(Boolean, 3)", "(true < 1)");
    private static final List<String> OPERATORS = List.of("||", "&&", "==", "!=", "<", ">=", "+", "*", "|");
    private static final List<String> FUNCTIONS = List.of("!", "isUndefined", "isNull", "-", "convert(String, ",
            "contains('abc', ");

    @Provide
    Arbitrary<Tree> trees() {
        return Arbitraries.recursive(() -> Arbitraries.of(LEAVES).map(t -> (Tree) new Leaf(t)), inner ->
                Arbitraries.oneOf(
                        Combinators.combine(Arbitraries.of(OPERATORS), inner, inner).as((op, l, r) -> (Tree) new Binary(op, l, r)),
                        Combinators.combine(Arbitraries.of(FUNCTIONS), inner).as((f, o) -> (Tree) new Unary(f, o))),
                0, 5);
    }

    private static int leaves(Tree t) {
        if (t instanceof Binary b) {
            return leaves(b.left()) + leaves(b.right());
        }
        return t instanceof Unary u ? leaves(u.operand()) : 1;
    }

    /** The text of {@code t} with leaf number {@code target} (in order) replaced by {@code replacement}. */
    private static String text(Tree t, int[] counter, int target, String replacement) {
        if (t instanceof Binary b) {
            String left = text(b.left(), counter, target, replacement);
            return "(" + left + " " + b.op() + " " + text(b.right(), counter, target, replacement) + ")";
        }
        if (t instanceof Unary u) {
            String operand = text(u.operand(), counter, target, replacement);
            return u.function().endsWith(", ") ? u.function() + operand + ")" : u.function() + "(" + operand + ")";
        }
        Leaf l = (Leaf) t;
        return counter[0]++ == target ? replacement : l.text();
    }

    private static String text(Tree t) {
        return text(t, new int[] {0}, -1, null);
    }

    /**
     * Whether evaluation reaches leaf number {@code target}: only {@code ||} and {@code &&} skip their right
     * operand (left-to-right short-circuit, §B.4), when the left one alone decides.
     */
    private static boolean reaches(Tree t, int offset, int target) throws Exception {
        if (t instanceof Binary b) {
            int leftLeaves = leaves(b.left());
            if (target < offset + leftLeaves) {
                return reaches(b.left(), offset, target);
            }
            Value left = eval(b.op().equals("||") ? "(" + text(b.left()) + ") || false" : text(b.left()));
            if ((b.op().equals("||") && left == Value.TRUE) || (b.op().equals("&&") && left == Value.FALSE)) {
                return false;
            }
            return reaches(b.right(), offset + leftLeaves, target);
        }
        return !(t instanceof Unary u) || reaches(u.operand(), offset, target);
    }

    @Property(tries = 1500)
    void item2AnInvalidOperandAnywhereInAConditionMakesItFalse(@ForAll("trees") Tree tree,
                                                              @ForAll("indexes") int pick,
                                                              @ForAll("invalid") String invalid) throws Exception {
        int target = pick % leaves(tree);
        Assume.that(reaches(tree, 0, target));
        String condition = text(tree, new int[] {0}, target, invalid);
        Value v = eval(condition);
        assertThat(v.type()).as(condition).isEqualTo(Value.Type.INVALID);
        assertThat(v.isTrue()).as("a condition that is not true is false (§B.6 rule 1)").isFalse();
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<String> invalid() {
        return Arbitraries.of(INVALID);
    }
}
