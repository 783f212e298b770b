package io.detectorstudio.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates an AST against an {@link EvaluationContext} following §B.3–B.7: Integer/Decimal arithmetic, undefined
 * and null propagation, the undefined comparison rules the AWS blueprints rely on, short-circuit {@code &&} and
 * {@code ||}, the 13 functions and {@code ${…}} templates. It never throws: failures become invalid values with a
 * reason.
 */
public final class Evaluator {

    /** §B.1 [GAP]: division of decimals keeps 16 significant digits, half-even. */
    static final MathContext DIVISION = MathContext.DECIMAL64;

    private final ExpressionOptions options;
    private final EvaluationContext context;
    /** counts references that resolved to undefined, for the {@code ||} rule of §B.6 (rule 3) */
    private int undefinedTouches;

    public Evaluator(EvaluationContext context) {
        this(context, ExpressionOptions.DEFAULTS);
    }

    public Evaluator(EvaluationContext context, ExpressionOptions options) {
        this.context = context;
        this.options = options;
    }

    /** A condition: true only when the expression evaluates to the Boolean true (§B.6 rule 1). */
    public boolean test(Expr expr) {
        return evaluate(expr).isTrue();
    }

    public Value evaluate(Expr e) {
        try {
            return eval(e);
        } catch (RuntimeException unexpected) {
            return Value.invalid("evaluation failed: " + unexpected);
        }
    }

    private Value eval(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        } else if (e instanceof Expr.InputRef r) {
            return input(r);
        } else if (e instanceof Expr.VariableRef v) {
            Value value = context.variable(v.name());
            if (value == null || value.type() == Value.Type.UNDEFINED) {
                undefinedTouches++;
                return Value.UNDEFINED;
            }
            return value;
        } else if (e instanceof Expr.Unary u) {
            return unary(u.operator(), eval(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Template t) {
            return template(t);
        } else if (e instanceof Expr.Word w) {
            return Value.invalid("'" + w.word() + "' is not a value; strings need quotes");
        }
        return Value.invalid("the expression has syntax errors");
    }

    private Value input(Expr.InputRef r) {
        JsonNode node = context.input(r.inputName());
        if (node != null) {
            for (Object segment : r.path()) {
                node = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
            }
        }
        Value value = fromJson(node);
        if (value.type() == Value.Type.UNDEFINED) {
            undefinedTouches++;
        }
        return value;
    }

    /** §B.1: integral JSON numbers are Integer, others Decimal with their written scale; objects/arrays undefined. */
    public static Value fromJson(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isContainerNode()) {
            return Value.UNDEFINED;
        }
        if (node.isNull()) {
            return Value.NULL;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Value.integer(node.longValue()) : Value.decimal(node.decimalValue());
        }
        if (node.isNumber()) {
            return Value.decimal(node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asText()));
        }
        if (node.isBoolean()) {
            return Value.bool(node.booleanValue());
        }
        return Value.string(node.asText());
    }

    private static boolean absent(Value v) {
        return v.type() == Value.Type.UNDEFINED || v.type() == Value.Type.NULL;
    }

    private static Value firstFailure(Value a, Value b) {
        if (a.type() == Value.Type.INVALID) {
            return a;
        }
        if (b.type() == Value.Type.INVALID) {
            return b;
        }
        return null;
    }

    private Value unary(String op, Value v) {
        if (v.type() == Value.Type.INVALID) {
            return v;
        }
        if (absent(v)) {
            return Value.UNDEFINED;
        }
        switch (op) {
            case "!":
                return v.type() == Value.Type.BOOLEAN ? Value.bool(!v.isTrue())
                        : Value.invalid("'!' needs a Boolean but got " + v.type());
            case "~":
                return v.type() == Value.Type.INTEGER ? Value.integer(~v.asLong())
                        : Value.invalid("'~' needs an Integer but got " + v.type());
            default:
                if (v.type() == Value.Type.INTEGER) {
                    return v.asLong() == Long.MIN_VALUE ? Value.invalid("integer overflow") : Value.integer(-v.asLong());
                }
                return v.type() == Value.Type.DECIMAL ? Value.decimal(v.asDecimal().negate())
                        : Value.invalid("'-' needs a number but got " + v.type());
        }
    }

    private Value binary(Expr.Binary b) {
        switch (b.operator()) {
            case "&&": {
                Value left = eval(b.left());
                if (left == Value.FALSE) {
                    return Value.FALSE;
                }
                Value right = eval(b.right());
                if (right == Value.FALSE) {
                    return Value.FALSE;
                }
                if (left.type() == Value.Type.INVALID || right.type() == Value.Type.INVALID) {
                    return firstFailure(left, right);
                }
                if (!isBooleanOrAbsent(left) || !isBooleanOrAbsent(right)) {
                    return Value.invalid("'&&' needs Boolean operands");
                }
                return left.isTrue() && right.isTrue() ? Value.TRUE : Value.UNDEFINED;
            }
            case "||": {
                Value left = orOperand(b.left());
                if (left == Value.TRUE) {
                    return Value.TRUE;
                }
                Value right = orOperand(b.right());
                if (right == Value.TRUE) {
                    return Value.TRUE;
                }
                if (left.type() == Value.Type.INVALID || right.type() == Value.Type.INVALID) {
                    return firstFailure(left, right);
                }
                return Value.FALSE;
            }
            default:
                break;
        }
        Value left = eval(b.left());
        Value right = eval(b.right());
        return Operators.apply(b.operator(), left, right, options);
    }

    private static boolean isBooleanOrAbsent(Value v) {
        return v.type() == Value.Type.BOOLEAN || absent(v);
    }

    /** §B.6 rule 3: an operand that contains undefined data counts as false. */
    private Value orOperand(Expr operand) {
        int before = undefinedTouches;
        Value v = eval(operand);
        if (options.orTreatsUndefinedOperandAsFalse() && undefinedTouches > before && v.type() != Value.Type.INVALID) {
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

    private Value call(Expr.Call c) {
        List<Expr> args = c.arguments();
        Integer arity = Functions.ARITY.get(c.function());
        if (arity == null || arity != args.size()) {
            return Value.invalid("bad call of " + c.function());
        }
        switch (c.function()) {
            case "timeout": {
                Value name = eval(args.get(0));
                return name.type() == Value.Type.STRING ? Value.bool(context.consumeTimeout(name.asString()))
                        : Value.FALSE;
            }
            case "triggerType": {
                Value kind = eval(args.get(0));
                // [GAP] §B.4: the trigger type is compared case-insensitively ("MESSAGE" appears in the docs)
                return kind.type() == Value.Type.STRING
                        ? Value.bool(kind.asString().equalsIgnoreCase(context.triggerType())) : Value.UNDEFINED;
            }
            case "currentInput": {
                Value name = eval(args.get(0));
                return name.type() == Value.Type.STRING
                        ? Value.bool(name.asString().equals(context.currentInput())) : Value.UNDEFINED;
            }
            case "isNull":
                return Value.bool(eval(args.get(0)).type() == Value.Type.NULL);
            case "isUndefined":
                return Value.bool(eval(args.get(0)).type() == Value.Type.UNDEFINED);
            case "startsWith":
            case "endsWith":
            case "contains": {
                Value s = eval(args.get(0));
                Value part = eval(args.get(1));
                if (s.type() != Value.Type.STRING || part.type() != Value.Type.STRING) {
                    return Value.UNDEFINED; // §B.6 rule 5
                }
                return Value.bool(switch (c.function()) {
                    case "startsWith" -> s.asString().startsWith(part.asString());
                    case "endsWith" -> s.asString().endsWith(part.asString());
                    default -> s.asString().contains(part.asString());
                });
            }
            case "bitnot": {
                Value v = eval(args.get(0));
                return v.type() == Value.Type.INTEGER ? Value.integer(~v.asLong()) : Value.UNDEFINED;
            }
            case "bitor":
            case "bitand":
            case "bitxor": {
                Value a = eval(args.get(0));
                Value b = eval(args.get(1));
                if (a.type() != Value.Type.INTEGER || b.type() != Value.Type.INTEGER) {
                    return Value.UNDEFINED;
                }
                long x = a.asLong();
                long y = b.asLong();
                return Value.integer(switch (c.function()) {
                    case "bitor" -> x | y;
                    case "bitand" -> x & y;
                    default -> x ^ y;
                });
            }
            default:
                return convert(args.get(0), eval(args.get(1)));
        }
    }

    /** §B.4 convert(type, value); a failed conversion is invalid (the enclosing condition is false). */
    private Value convert(Expr typeArg, Value v) {
        String type = typeArg instanceof Expr.Word w ? w.word() : eval(typeArg).toText();
        if (v.type() == Value.Type.UNDEFINED || v.type() == Value.Type.INVALID) {
            return v;
        }
        switch (type) {
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
                if (v.type() == Value.Type.STRING && v.asString().matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    return Value.decimal(new BigDecimal(v.asString()));
                }
                break;
            default:
                return Value.invalid("convert: unknown type '" + type + "'; use String, Boolean or Decimal");
        }
        return Value.invalid("convert: cannot convert " + v.type() + " " + v.toText() + " to " + type);
    }

    private Value template(Expr.Template t) {
        StringBuilder out = new StringBuilder();
        for (Object part : t.parts()) {
            if (part instanceof Expr expr) {
                Value v = eval(expr);
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

    /** Integer division: truncation toward zero, or half-up when the option says so (§B.3 [GAP]). */
    static long divideIntegers(long a, long b, ExpressionOptions options) {
        if (!options.integerDivisionRoundsHalfUp()) {
            return a / b;
        }
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 0, RoundingMode.HALF_UP).longValue();
    }
}
