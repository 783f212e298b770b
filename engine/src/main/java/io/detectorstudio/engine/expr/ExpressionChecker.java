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

import io.detectorstudio.engine.diagnostics.DiagnosticCode;
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
        switch (role) {
            case CONDITION -> {
                if (type.isKnown() && type != StaticType.BOOLEAN) {
                    problems.add(error(TYPE_CONDITION.code(),
                            TYPE_CONDITION.message("the expression", type.label()), expr));
                }
            }
            case DURATION -> {
                if (type.isKnown() && !type.isNumber()) {
                    problems.add(error(TYPE_DURATION.code(), TYPE_DURATION.message(type.label()), expr));
                }
            }
            case CONTENT -> {
                if (type.isKnown() && type != StaticType.STRING) {
                    problems.add(error(TYPE_PAYLOAD.code(), TYPE_PAYLOAD.message(type.label()), expr));
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
            problems.add(error(EXPR_WORD.code(), EXPR_WORD.message(w.word()), e));
        }
        return StaticType.UNKNOWN; // syntax errors: the parser reported them
    }

    private void input(Expr.InputRef r, List<ExpressionProblem> problems) {
        if (!symbols.inputsKnown()) {
            return;
        }
        List<List<String>> attributes = symbols.inputs().get(r.inputName());
        if (attributes == null) {
            problems.add(error(REF_INPUT_UNKNOWN.code(), REF_INPUT_UNKNOWN.message(r.inputName(),
                    known(" Known inputs: ", symbols.inputs().keySet())), r));
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
        problems.add(warning(REF_ATTRIBUTE_UNKNOWN.code(), REF_ATTRIBUTE_UNKNOWN.message(r.inputName(),
                String.join(".", path), attributes.stream().map(a -> String.join(".", a)).toList()), r));
    }

    private StaticType variable(Expr.VariableRef v, List<ExpressionProblem> problems) {
        if (symbols.variables() == null) {
            return StaticType.UNKNOWN;
        }
        StaticType type = symbols.variables().get(v.name());
        if (type == null) {
            problems.add(warning(REF_VARIABLE_NEVER_SET.code(), REF_VARIABLE_NEVER_SET.message(v.name(),
                    known(". Variables: ", symbols.variables().keySet())), v));
            return StaticType.UNKNOWN;
        }
        return type;
    }

    private StaticType unary(Expr.Unary u, List<ExpressionProblem> problems) {
        StaticType t = type(u.operand(), problems);
        switch (u.operator()) {
            case "!" -> {
                expect(t == StaticType.BOOLEAN || !t.isKnown(), TYPE_OPERATOR, u, problems,
                        "!", "a Boolean", "the operand is " + t.label());
                return StaticType.BOOLEAN;
            }
            case "~" -> {
                expect(t == StaticType.INTEGER || !t.isKnown(), TYPE_OPERATOR, u, problems,
                        "~", "an Integer", "the operand is " + t.label());
                return StaticType.INTEGER;
            }
            default -> {
                expect(t.isNumber() || !t.isKnown(), TYPE_OPERATOR, u, problems,
                        "-", "a number", "the operand is " + t.label());
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
                    expect(!t.isKnown() || t == StaticType.BOOLEAN, TYPE_OPERATOR, b, problems,
                            op, "Boolean operands", "one is " + t.label());
                }
                return StaticType.BOOLEAN;
            }
            case "==", "!=" -> {
                expect(!known || l == r || (l.isNumber() && r.isNumber()), TYPE_COMPARISON, b, problems,
                        op, l.label(), r.label(), "are never equal; use convert(…) to compare them");
                return StaticType.BOOLEAN;
            }
            case "<", "<=", ">", ">=" -> {
                expect(!known || (l.isNumber() && r.isNumber()) || (l == StaticType.STRING && r == l),
                        TYPE_COMPARISON, b, problems, op, l.label(), r.label(),
                        "cannot be ordered; both sides must be numbers or both Strings");
                return StaticType.BOOLEAN;
            }
            case "+", "-", "*", "/" -> {
                if (op.equals("+") && l == StaticType.STRING && r == StaticType.STRING) {
                    return StaticType.STRING;
                }
                expect(!known || (l.isNumber() && r.isNumber()), TYPE_OPERATOR, b, problems, op,
                        op.equals("+") ? "numbers or two Strings" : "numbers",
                        "got " + l.label() + " and " + r.label() + (l == StaticType.STRING || r == StaticType.STRING
                        ? "; use convert(String, …) to make text" : ""));
                if (l.isNumber() && r.isNumber()) {
                    return l == StaticType.INTEGER && r == StaticType.INTEGER ? StaticType.INTEGER : StaticType.DECIMAL;
                }
                return StaticType.UNKNOWN;
            }
            default -> {
                expect(!known || (l == StaticType.INTEGER && r == StaticType.INTEGER), TYPE_OPERATOR, b, problems,
                        op, "Integer operands", "got " + l.label() + " and " + r.label());
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
                    expect(k.equals("message") || k.equals("timer"), TYPE_TRIGGER, kind, problems,
                            l.value().asString());
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
                    problems.add(error(TYPE_CONVERT.code(), TYPE_CONVERT.message(), target));
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
            problems.add(warning(REF_TIMER_NEVER_SET.code(), REF_TIMER_NEVER_SET.message(l.value().asString(),
                    known(". Timers: ", symbols.timers())), name));
        }
    }

    private void argument(Expr.Call c, int i, List<StaticType> args, StaticType wanted, List<ExpressionProblem> problems) {
        StaticType t = args.get(i);
        if (t.isKnown() && t != wanted) {
            problems.add(warning(TYPE_ARGUMENT.code(), TYPE_ARGUMENT.message(c.function(), wanted.label(), i + 1,
                    t.label(), Functions.SIGNATURE.get(c.function())), c.arguments().get(i)));
        }
    }

    private static String known(String prefix, java.util.Collection<String> names) {
        return names.isEmpty() ? "" : prefix + names.stream().sorted().toList();
    }

    /**
     * Operand type mismatches are warnings: the service deploys such models and they fail only at run time. The
     * message is built only when {@code ok} is false.
     */
    private static void expect(boolean ok, DiagnosticCode code, Expr at, List<ExpressionProblem> problems,
                               Object... args) {
        if (!ok) {
            problems.add(warning(code.code(), code.message(args), at));
        }
    }

    private static ExpressionProblem error(String code, String message, Expr at) {
        return new ExpressionProblem(Severity.ERROR, code, message, at.start(), at.end());
    }

    private static ExpressionProblem warning(String code, String message, Expr at) {
        return new ExpressionProblem(Severity.WARNING, code, message, at.start(), at.end());
    }
}
