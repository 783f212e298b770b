package io.detectorstudio.engine.expr;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_WORD;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.REF_ATTRIBUTE_UNKNOWN;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.REF_INPUT_UNKNOWN;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.REF_TIMER_NEVER_SET;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.REF_VARIABLE_NEVER_SET;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_ARGUMENT;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_COMPARISON;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_CONDITION;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_CONVERT;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_DURATION;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_OPERATOR;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_PAYLOAD;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_TRIGGER;

import io.detectorstudio.engine.diagnostics.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a parsed expression against the names a model defines ({@link SymbolEnvironment}) and the type its field
 * must have (§B.8): unknown inputs and attributes, variables and timers nobody sets, function arguments of the
 * wrong type, operands that cannot combine. Findings the service would still deploy are warnings. Types come
 * from literals, inferred variable types and function results; input attributes are untyped (UNKNOWN), so only
 * what is certain is reported. Operand and argument mismatches are warnings (the service deploys such models; they
 * fail at run time, §D.2 "may lead to runtime error"); a field of the wrong type and unknown inputs are errors.
 */
public final class ExpressionChecker {

    /** Where an expression is used, which fixes the type it must produce (§B.8). */
    public enum Role { CONDITION, VALUE, DURATION, CONTENT, TEXT }

    private final SymbolEnvironment symbols;

    public ExpressionChecker(SymbolEnvironment symbols) {
        this.symbols = symbols;
    }

    /** Every problem of {@code expr} used as {@code role}, with spans in the expression text. */
    public List<ExpressionProblem> check(Expr expr, Role role) {
        List<ExpressionProblem> problems = new ArrayList<>();
        StaticType type = type(expr, problems);
        String text = "the expression";
        switch (role) {
            case CONDITION -> {
                if (type.isKnown() && type != StaticType.BOOLEAN) {
                    problems.add(error(TYPE_CONDITION.code(), text + " is " + type.label()
                            + ", not a valid condition expression: a condition must be Boolean", expr));
                }
            }
            case DURATION -> {
                if (type.isKnown() && !type.isNumber()) {
                    problems.add(error(TYPE_DURATION.code(), "durationExpression must return a number (Integer or "
                            + "Decimal seconds) but is " + type.label(), expr));
                }
            }
            case CONTENT -> {
                if (type.isKnown() && type != StaticType.STRING) {
                    problems.add(error(TYPE_PAYLOAD.code(), "contentExpression must evaluate to a String (write "
                            + "JSON as '{\"a\": ${…}}') but is " + type.label(), expr));
                }
            }
            default -> { }
        }
        return problems;
    }

    /** The static type of {@code expr}, without reporting. */
    public StaticType typeOf(Expr expr) {
        return type(expr, new ArrayList<>());
    }

    private StaticType type(Expr e, List<ExpressionProblem> problems) {
        if (e instanceof Expr.Literal l) {
            return StaticType.of(l.value());
        } else if (e instanceof Expr.InputRef r) {
            input(r, problems);
            return StaticType.UNKNOWN;
        } else if (e instanceof Expr.VariableRef v) {
            return variable(v, problems);
        } else if (e instanceof Expr.Unary u) {
            return unary(u, problems);
        } else if (e instanceof Expr.Binary b) {
            return binary(b, problems);
        } else if (e instanceof Expr.Call c) {
            return call(c, problems);
        } else if (e instanceof Expr.Template t) {
            t.parts().forEach(p -> {
                if (p instanceof Expr x) {
                    type(x, problems);
                }
            });
            return StaticType.STRING;
        }
        if (e instanceof Expr.Word w) { // a bare word is only a convert type; elsewhere it fails at run time
            problems.add(error(EXPR_WORD.code(), "'" + w.word() + "' is not a value: a literal needs quotes ('"
                    + w.word() + "'), a reference $input.… or $variable.…", e));
        }
        return StaticType.UNKNOWN; // syntax errors: the parser reported them
    }

    private void input(Expr.InputRef r, List<ExpressionProblem> problems) {
        if (!symbols.inputsKnown()) {
            return;
        }
        List<List<String>> attributes = symbols.inputs().get(r.inputName());
        if (attributes == null) {
            problems.add(error(REF_INPUT_UNKNOWN.code(), "Detector Model Definition contains reference to Input '"
                    + r.inputName() + "' that does not exist." + known(" Known inputs: ", symbols.inputs().keySet()), r));
            return;
        }
        List<String> path = new ArrayList<>();
        for (Object segment : r.path()) {
            if (segment instanceof String s) {
                path.add(s);
            }
        }
        if (path.isEmpty() || attributes.isEmpty()) {
            return;
        }
        for (List<String> attribute : attributes) {
            int n = Math.min(attribute.size(), path.size());
            if (attribute.subList(0, n).equals(path.subList(0, n))) {
                return; // the attribute itself, a part of it, or a field inside it
            }
        }
        problems.add(warning(REF_ATTRIBUTE_UNKNOWN.code(), "input '" + r.inputName() + "' has no attribute '"
                + String.join(".", path) + "'; the value will be undefined. Its attributes: "
                + attributes.stream().map(a -> String.join(".", a)).toList(), r));
    }

    private StaticType variable(Expr.VariableRef v, List<ExpressionProblem> problems) {
        if (symbols.variables() == null) {
            return StaticType.UNKNOWN;
        }
        StaticType type = symbols.variables().get(v.name());
        if (type == null) {
            problems.add(warning(REF_VARIABLE_NEVER_SET.code(), "Detected broken Variable: $variable." + v.name()
                    + " is read but no setVariable action sets it, so it is always undefined"
                    + known(". Variables: ", symbols.variables().keySet()), v));
            return StaticType.UNKNOWN;
        }
        return type;
    }

    private StaticType unary(Expr.Unary u, List<ExpressionProblem> problems) {
        StaticType t = type(u.operand(), problems);
        switch (u.operator()) {
            case "!" -> {
                expect(t == StaticType.BOOLEAN || !t.isKnown(), TYPE_OPERATOR.code(),
                        "'!' needs a Boolean but the operand is " + t.label(), u, problems);
                return StaticType.BOOLEAN;
            }
            case "~" -> {
                expect(t == StaticType.INTEGER || !t.isKnown(), TYPE_OPERATOR.code(),
                        "'~' needs an Integer but the operand is " + t.label(), u, problems);
                return StaticType.INTEGER;
            }
            default -> {
                expect(t.isNumber() || !t.isKnown(), TYPE_OPERATOR.code(),
                        "'-' needs a number but the operand is " + t.label(), u, problems);
                return t.isNumber() ? t : StaticType.UNKNOWN;
            }
        }
    }

    private StaticType binary(Expr.Binary b, List<ExpressionProblem> problems) {
        StaticType l = type(b.left(), problems);
        StaticType r = type(b.right(), problems);
        boolean known = l.isKnown() && r.isKnown();
        String op = b.operator();
        switch (op) {
            case "&&", "||" -> {
                for (StaticType t : new StaticType[] {l, r}) {
                    expect(!t.isKnown() || t == StaticType.BOOLEAN, TYPE_OPERATOR.code(),
                            "'" + op + "' needs Boolean operands but one is " + t.label(), b, problems);
                }
                return StaticType.BOOLEAN;
            }
            case "==", "!=" -> {
                expect(!known || l == r || (l.isNumber() && r.isNumber()), TYPE_COMPARISON.code(),
                        "'" + op + "' compares " + l.label() + " with " + r.label() + ", which are never equal;"
                                + " use convert(…) to compare them", b, problems);
                return StaticType.BOOLEAN;
            }
            case "<", "<=", ">", ">=" -> {
                expect(!known || (l.isNumber() && r.isNumber()) || (l == StaticType.STRING && r == l),
                        TYPE_COMPARISON.code(), "'" + op + "' cannot compare " + l.label() + " with " + r.label()
                                + "; both sides must be numbers or both Strings", b, problems);
                return StaticType.BOOLEAN;
            }
            case "+", "-", "*", "/" -> {
                if (op.equals("+") && l == StaticType.STRING && r == StaticType.STRING) {
                    return StaticType.STRING;
                }
                expect(!known || (l.isNumber() && r.isNumber()), TYPE_OPERATOR.code(), "'" + op + "' cannot combine "
                        + l.label() + " and " + r.label() + (l == StaticType.STRING || r == StaticType.STRING
                        ? "; use convert(String, …) to make text" : ""), b, problems);
                if (l.isNumber() && r.isNumber()) {
                    return l == StaticType.INTEGER && r == StaticType.INTEGER ? StaticType.INTEGER : StaticType.DECIMAL;
                }
                return StaticType.UNKNOWN;
            }
            default -> {
                expect(!known || (l == StaticType.INTEGER && r == StaticType.INTEGER), TYPE_OPERATOR.code(),
                        "'" + op + "' needs Integer operands but got " + l.label() + " and " + r.label(), b, problems);
                return StaticType.INTEGER;
            }
        }
    }

    private StaticType call(Expr.Call c, List<ExpressionProblem> problems) {
        List<StaticType> args = new ArrayList<>();
        for (Expr a : c.arguments()) {
            args.add(a instanceof Expr.Word ? StaticType.UNKNOWN : type(a, problems));
        }
        Integer arity = Functions.ARITY.get(c.function());
        if (arity == null || arity != args.size()) {
            return StaticType.UNKNOWN; // the parser reported it
        }
        switch (c.function()) {
            case "timeout" -> {
                timer(c.arguments().get(0), problems);
                argument(c, 0, args, StaticType.STRING, problems);
                return StaticType.BOOLEAN;
            }
            case "triggerType" -> {
                Expr kind = c.arguments().get(0);
                if (kind instanceof Expr.Literal l && l.value().type() == Value.Type.STRING) {
                    String k = l.value().asString().toLowerCase(Locale.ROOT);
                    expectWarning(k.equals("message") || k.equals("timer"), TYPE_TRIGGER.code(),
                            "triggerType takes \"Message\" or \"Timer\", not \"" + l.value().asString() + "\"",
                            kind, problems);
                }
                argument(c, 0, args, StaticType.STRING, problems);
                return StaticType.BOOLEAN;
            }
            case "currentInput" -> {
                Expr name = c.arguments().get(0);
                if (symbols.inputsKnown() && name instanceof Expr.Literal l && l.value().type() == Value.Type.STRING
                        && !symbols.inputs().containsKey(l.value().asString())) {
                    problems.add(error(REF_INPUT_UNKNOWN.code(),
                            "Detector Model Definition contains reference to Input '" + l.value().asString() + "' that does not exist.", name));
                }
                argument(c, 0, args, StaticType.STRING, problems);
                return StaticType.BOOLEAN;
            }
            case "isNull", "isUndefined" -> {
                return StaticType.BOOLEAN;
            }
            case "startsWith", "endsWith", "contains" -> {
                argument(c, 0, args, StaticType.STRING, problems);
                argument(c, 1, args, StaticType.STRING, problems);
                return StaticType.BOOLEAN;
            }
            case "convert" -> {
                Expr target = c.arguments().get(0);
                String word = target instanceof Expr.Word w ? w.word() : null;
                if (word == null || !(word.equals("String") || word.equals("Boolean") || word.equals("Decimal"))) {
                    problems.add(error(TYPE_CONVERT.code(), "convert's first argument is the target type: String, "
                            + "Boolean or Decimal (without quotes)", target));
                    return StaticType.UNKNOWN;
                }
                return switch (word) {
                    case "String" -> StaticType.STRING;
                    case "Boolean" -> StaticType.BOOLEAN;
                    default -> StaticType.DECIMAL;
                };
            }
            default -> { // bitor, bitand, bitxor, bitnot
                for (int i = 0; i < args.size(); i++) {
                    argument(c, i, args, StaticType.INTEGER, problems);
                }
                return StaticType.INTEGER;
            }
        }
    }

    private void timer(Expr name, List<ExpressionProblem> problems) {
        if (symbols.timers() != null && name instanceof Expr.Literal l && l.value().type() == Value.Type.STRING
                && !symbols.timers().contains(l.value().asString())) {
            problems.add(warning(REF_TIMER_NEVER_SET.code(), "Detected broken Timer: timeout(\"" + l.value().asString()
                    + "\") tests a timer no setTimer action sets, so it is never true"
                    + known(". Timers: ", symbols.timers()), name));
        }
    }

    private void argument(Expr.Call c, int i, List<StaticType> args, StaticType wanted, List<ExpressionProblem> problems) {
        StaticType t = args.get(i);
        if (t.isKnown() && t != wanted) {
            problems.add(warning(TYPE_ARGUMENT.code(), c.function() + " needs a " + wanted.label() + " as argument "
                    + (i + 1) + " but got " + t.label() + ": " + Functions.SIGNATURE.get(c.function()),
                    c.arguments().get(i)));
        }
    }

    private static String known(String prefix, java.util.Collection<String> names) {
        return names.isEmpty() ? "" : prefix + names.stream().sorted().toList();
    }

    /** Operand type mismatches are warnings: the service deploys such models and they fail only at run time. */
    private static void expect(boolean ok, String code, String message, Expr at, List<ExpressionProblem> problems) {
        if (!ok) {
            problems.add(warning(code, message, at));
        }
    }

    private static void expectWarning(boolean ok, String code, String message, Expr at, List<ExpressionProblem> problems) {
        if (!ok) {
            problems.add(warning(code, message, at));
        }
    }

    private static ExpressionProblem error(String code, String message, Expr at) {
        return new ExpressionProblem(Severity.ERROR, code, message, at.start(), at.end());
    }

    private static ExpressionProblem warning(String code, String message, Expr at) {
        return new ExpressionProblem(Severity.WARNING, code, message, at.start(), at.end());
    }
}
