package io.detectorstudio.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.CompiledExpression.Node;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The node kinds of a compiled expression, one per operator family and function (§B.3–B.7). */
final class Nodes {

    private Nodes() {
    }

    static boolean absent(Value v) {
        return v.type() == Value.Type.UNDEFINED || v.type() == Value.Type.NULL;
    }

    /**
     * §B.6 rule 4 and §B.3: an invalid operand (failed convert, type error, division by zero) makes the whole
     * enclosing expression invalid, whatever the operator or function — invalid is not undefined.
     */
    static boolean invalid(Value v) {
        return v.type() == Value.Type.INVALID;
    }

    static final class Constant extends Node {
        private final Value value;

        Constant(Value value) {
            this.value = value;
        }

        Value value() {
            return value;
        }

        @Override
        Value eval(Frame frame) {
            return value;
        }
    }

    /** {@code $variable.name}: one array read through the frame. */
    static final class VariableRef extends Node {
        private final int slot;

        VariableRef(int slot) {
            this.slot = slot;
        }

        @Override
        Value eval(Frame frame) {
            Value value = frame.variable(slot);
            if (value == null || value.type() == Value.Type.UNDEFINED) {
                frame.undefinedTouches++;
                return Value.UNDEFINED;
            }
            return value;
        }

        @Override
        int number(Frame frame) {
            Value value = frame.variable(slot);
            return value != null && value.isCompactNumber() ? frame.load(value) : frame.load(eval(frame));
        }
    }

    /** {@code $input.Name.a[0].`b c`}: the payload from the frame, then the path with names and indexes. */
    static final class InputRef extends Node {
        private final int slot;
        private final int pathSlot;
        private final String[] names;
        private final int[] indexes;

        InputRef(int slot, int pathSlot, List<Object> path) {
            this.slot = slot;
            this.pathSlot = pathSlot;
            this.names = new String[path.size()];
            this.indexes = new int[path.size()];
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i) instanceof Integer index) {
                    indexes[i] = index;
                } else {
                    // Jackson interns the field names it parses: an interned name matches by identity
                    names[i] = ((String) path.get(i)).intern();
                }
            }
        }

        /** Converted from the payload once per cycle, then kept in the frame (§B.1 conversion allocates). */
        @Override
        Value eval(Frame frame) {
            Value value = frame.inputValue(pathSlot);
            if (value == null) {
                JsonNode payload = frame.input(slot);
                if (payload != null) {
                    value = Evaluator.fromJson(walk(payload));
                } else {
                    Value retained = frame.retainedInput(pathSlot);
                    value = retained != null ? retained : Value.UNDEFINED;
                }
                frame.keepInputValue(pathSlot, value);
            }
            if (value.type() == Value.Type.UNDEFINED) {
                frame.undefinedTouches++;
            }
            return value;
        }

        private JsonNode walk(JsonNode node) {
            for (int i = 0; i < names.length && node != null; i++) {
                node = names[i] != null ? node.get(names[i]) : node.get(indexes[i]);
            }
            return node;
        }
    }

    /**
     * {@code <expression> < 70} and the like: a comparison with an Integer literal, the commonest condition shape.
     * Integers compare as {@code long}s (an {@code $input} operand is the frame's value for the cycle, converted
     * once, so repeated conditions on one reading never walk the payload again); anything else takes the general
     * rules of {@link Operators#compare}.
     */
    static final class CompareWithInteger extends Node {
        private final Node left;
        private final String op;
        private final int code;
        private final long constant;
        private final Value constantValue;

        CompareWithInteger(String op, Node left, long constant) {
            this.op = op;
            this.code = Comparison.code(op);
            this.left = left;
            this.constant = constant;
            this.constantValue = Value.integer(constant);
        }

        @Override
        Value eval(Frame frame) {
            Value l = left.eval(frame);
            if (l.type() == Value.Type.INTEGER) {
                return Value.bool(Comparison.holds(code, Long.compare(l.asLong(), constant)));
            }
            return Operators.compare(op, l, constantValue);
        }
    }

    static final class Unary extends Node {
        private final char op;
        private final Node operand;

        Unary(char op, Node operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        Value eval(Frame frame) {
            Value v = operand.eval(frame);
            if (v.type() == Value.Type.INVALID) {
                return v;
            }
            if (absent(v)) {
                return Value.UNDEFINED;
            }
            switch (op) {
                case '!':
                    return v.type() == Value.Type.BOOLEAN ? Value.bool(!v.isTrue())
                            : Value.invalid("'!' needs a Boolean but got " + v.type());
                case '~':
                    return v.type() == Value.Type.INTEGER ? Value.integer(~v.asLong())
                            : Value.invalid("'~' needs an Integer but got " + v.type());
                default:
                    if (v.type() == Value.Type.INTEGER) {
                        return v.asLong() == Long.MIN_VALUE ? Value.invalid("integer overflow")
                                : Value.integer(-v.asLong());
                    }
                    if (v.type() == Value.Type.DECIMAL && v.isCompactNumber()) {
                        return Value.decimal(-v.unscaled(), v.scale()); // a compact unscaled is never MIN_VALUE
                    }
                    return v.type() == Value.Type.DECIMAL ? Value.decimal(v.asDecimal().negate())
                            : Value.invalid("'-' needs a number but got " + v.type());
            }
        }
    }

    /** {@code &&}: false wins, short-circuit; true only when both are true; otherwise undefined (§B.6). */
    static final class And extends Node {
        private final Node left;
        private final Node right;

        And(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Frame frame) {
            Value l = left.eval(frame);
            if (l == Value.FALSE || invalid(l)) { // short-circuit; an invalid left operand ends the evaluation
                return l;
            }
            if (!booleanOrAbsent(l)) {
                return Value.invalid("'&&' needs Boolean operands");
            }
            Value r = right.eval(frame);
            if (r == Value.FALSE || invalid(r)) {
                return r;
            }
            if (!booleanOrAbsent(r)) {
                return Value.invalid("'&&' needs Boolean operands");
            }
            return l.isTrue() && r.isTrue() ? Value.TRUE : Value.UNDEFINED;
        }

        private static boolean booleanOrAbsent(Value v) {
            return v.type() == Value.Type.BOOLEAN || absent(v);
        }
    }

    /** {@code ||}: true wins; an operand that touched undefined data counts as false (§B.6 rule 3, an option). */
    static final class Or extends Node {
        private final Node left;
        private final Node right;
        private final boolean undefinedOperandIsFalse;

        Or(Node left, Node right, boolean undefinedOperandIsFalse) {
            this.left = left;
            this.right = right;
            this.undefinedOperandIsFalse = undefinedOperandIsFalse;
        }

        @Override
        Value eval(Frame frame) {
            Value l = operand(left, frame);
            if (l == Value.TRUE || invalid(l)) { // short-circuit; an invalid left operand ends the evaluation
                return l;
            }
            Value r = operand(right, frame);
            return r == Value.TRUE || invalid(r) ? r : Value.FALSE;
        }

        private Value operand(Node node, Frame frame) {
            int before = frame.undefinedTouches;
            Value v = node.eval(frame);
            if (undefinedOperandIsFalse && frame.undefinedTouches > before && v.type() != Value.Type.INVALID) {
                return Value.FALSE;
            }
            if (absent(v)) {
                return Value.FALSE;
            }
            if (v.type() != Value.Type.BOOLEAN && v.type() != Value.Type.INVALID) {
                return Value.invalid("'||' needs Boolean operands");
            }
            return v;
        }
    }

    static final class Equality extends Node {
        private final boolean notEqual;
        private final Node left;
        private final Node right;

        Equality(boolean notEqual, Node left, Node right) {
            this.notEqual = notEqual;
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Frame frame) {
            return Operators.equality(notEqual, left.eval(frame), right.eval(frame));
        }
    }

    /** {@code < <= > >=}; two Integers are compared without leaving {@code long}. */
    static final class Comparison extends Node {
        private static final int LT = 0;
        private static final int LE = 1;
        private static final int GT = 2;
        private static final int GE = 3;
        private final String op;
        private final int code;
        private final Node left;
        private final Node right;

        Comparison(String op, Node left, Node right) {
            this.op = op;
            this.code = code(op);
            this.left = left;
            this.right = right;
        }

        static int code(String op) {
            return switch (op) {
                case "<" -> LT;
                case "<=" -> LE;
                case ">" -> GT;
                default -> GE;
            };
        }

        static boolean holds(int code, int c) {
            return switch (code) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
        }

        @Override
        Value eval(Frame frame) {
            Value l = left.eval(frame);
            Value r = right.eval(frame);
            if (l.type() == Value.Type.INTEGER && r.type() == Value.Type.INTEGER) {
                return Value.bool(holds(code, Long.compare(l.asLong(), r.asLong())));
            }
            return Operators.compare(op, l, r);
        }
    }

    static final class Bitwise extends Node {
        private final String op;
        private final Node left;
        private final Node right;

        Bitwise(String op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Frame frame) {
            return Operators.bitwise(op, left.eval(frame), right.eval(frame));
        }
    }

    static final class Timeout extends Node {
        private final Node name;

        Timeout(Node name) {
            this.name = name;
        }

        @Override
        Value eval(Frame frame) {
            Value v = name.eval(frame);
            if (invalid(v)) {
                return v;
            }
            return v.type() == Value.Type.STRING ? Value.bool(frame.consumeTimeout(v.asString())) : Value.FALSE;
        }
    }

    /** [GAP] §B.4: the trigger type is compared case-insensitively ("MESSAGE" appears in the docs). */
    static final class TriggerType extends Node {
        private final Node kind;

        TriggerType(Node kind) {
            this.kind = kind;
        }

        @Override
        Value eval(Frame frame) {
            Value v = kind.eval(frame);
            if (invalid(v)) {
                return v;
            }
            return v.type() == Value.Type.STRING ? Value.bool(v.asString().equalsIgnoreCase(frame.triggerType()))
                    : Value.UNDEFINED;
        }
    }

    static final class CurrentInput extends Node {
        private final Node name;

        CurrentInput(Node name) {
            this.name = name;
        }

        @Override
        Value eval(Frame frame) {
            Value v = name.eval(frame);
            if (invalid(v)) {
                return v;
            }
            return v.type() == Value.Type.STRING ? Value.bool(v.asString().equals(frame.currentInput()))
                    : Value.UNDEFINED;
        }
    }

    /** {@code isNull}/{@code isUndefined}. */
    static final class TypeTest extends Node {
        private final Node operand;
        private final Value.Type type;

        TypeTest(Node operand, Value.Type type) {
            this.operand = operand;
            this.type = type;
        }

        @Override
        Value eval(Frame frame) {
            Value v = operand.eval(frame);
            return invalid(v) ? v : Value.bool(v.type() == type);
        }
    }

    /** {@code startsWith}/{@code endsWith}/{@code contains}; non-strings give undefined (§B.6 rule 5). */
    static final class StringTest extends Node {
        private final String function;
        private final Node text;
        private final Node part;

        StringTest(String function, Node text, Node part) {
            this.function = function;
            this.text = text;
            this.part = part;
        }

        @Override
        Value eval(Frame frame) {
            Value s = text.eval(frame);
            if (invalid(s)) {
                return s;
            }
            Value p = part.eval(frame);
            if (invalid(p)) {
                return p;
            }
            if (s.type() != Value.Type.STRING || p.type() != Value.Type.STRING) {
                return Value.UNDEFINED;
            }
            return Value.bool(switch (function) {
                case "startsWith" -> s.asString().startsWith(p.asString());
                case "endsWith" -> s.asString().endsWith(p.asString());
                default -> s.asString().contains(p.asString());
            });
        }
    }

    static final class BitNot extends Node {
        private final Node operand;

        BitNot(Node operand) {
            this.operand = operand;
        }

        @Override
        Value eval(Frame frame) {
            Value v = operand.eval(frame);
            if (invalid(v)) {
                return v;
            }
            return v.type() == Value.Type.INTEGER ? Value.integer(~v.asLong()) : Value.UNDEFINED;
        }
    }

    /** {@code bitor}/{@code bitand}/{@code bitxor}; non-Integers give undefined. */
    static final class BitFunction extends Node {
        private final String function;
        private final Node left;
        private final Node right;

        BitFunction(String function, Node left, Node right) {
            this.function = function;
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Frame frame) {
            Value a = left.eval(frame);
            if (invalid(a)) {
                return a;
            }
            Value b = right.eval(frame);
            if (invalid(b)) {
                return b;
            }
            if (a.type() != Value.Type.INTEGER || b.type() != Value.Type.INTEGER) {
                return Value.UNDEFINED;
            }
            long x = a.asLong();
            long y = b.asLong();
            return Value.integer(switch (function) {
                case "bitor" -> x | y;
                case "bitand" -> x & y;
                default -> x ^ y;
            });
        }
    }

    /** §B.4 convert(type, value); a failed conversion is invalid (the enclosing condition is false). */
    static final class Convert extends Node {
        private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        private final Node type;
        private final Node operand;

        Convert(Node type, Node operand) {
            this.type = type;
            this.operand = operand;
        }

        @Override
        Value eval(Frame frame) {
            Value targetValue = type.eval(frame);
            if (invalid(targetValue)) {
                return targetValue;
            }
            String target = targetValue.toText();
            Value v = operand.eval(frame);
            if (v.type() == Value.Type.UNDEFINED || v.type() == Value.Type.INVALID) {
                return v;
            }
            switch (target) {
                case "String":
                    if (v.type() == Value.Type.STRING) {
                        return v;
                    }
                    if (v.type() == Value.Type.BOOLEAN || v.isNumber()) {
                        return Value.string(v.toText());
                    }
                    break;
                case "Boolean":
                    if (v.type() == Value.Type.BOOLEAN) {
                        return v;
                    }
                    if (v.type() == Value.Type.STRING) {
                        String s = v.asString().toLowerCase(Locale.ROOT);
                        if (s.equals("true") || s.equals("false")) {
                            return Value.bool(s.equals("true"));
                        }
                    }
                    break;
                case "Decimal":
                    if (v.type() == Value.Type.DECIMAL) {
                        return v;
                    }
                    if (v.type() == Value.Type.INTEGER) {
                        return Value.decimal(v.asDecimal());
                    }
                    if (v.type() == Value.Type.STRING && DECIMAL_TEXT.matcher(v.asString()).matches()) {
                        return Value.decimal(new BigDecimal(v.asString()));
                    }
                    break;
                default:
                    return Value.invalid("convert: unknown type '" + target + "'; use String, Boolean or Decimal");
            }
            return Value.invalid("convert: cannot convert " + v.type() + " " + v.toText() + " to " + target);
        }
    }

    /** A single-quoted string with {@code ${…}} parts (§B.7); an undefined part makes the whole invalid. */
    static final class Template extends Node {
        private final Object[] parts;

        Template(Object[] parts) {
            this.parts = parts;
        }

        @Override
        Value eval(Frame frame) {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Node node) {
                    Value v = node.eval(frame);
                    if (!v.isDefined()) {
                        return v.type() == Value.Type.INVALID ? v
                                : Value.invalid("We couldn't evaluate your expression: ${…} is undefined");
                    }
                    out.append(v.toText());
                } else {
                    out.append((String) part);
                }
            }
            return Value.string(out.toString());
        }
    }
}
