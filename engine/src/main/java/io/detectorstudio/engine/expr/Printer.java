package io.detectorstudio.engine.expr;

/**
 * Prints an AST back to expression text, fully parenthesised where precedence needs it, so that
 * {@code parse(print(ast))} gives the same tree (modulo spans).
 */
public final class Printer {

    private Printer() {
    }

    public static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        print(e, out);
        return out.toString();
    }

    /** A value as expression text that parses back to it: strings single-quoted, quotes and backslashes escaped. */
    public static String literal(Value v) {
        return v.type() == Value.Type.STRING ? "'" + Strings.escape(v.asString(), '\'') + "'" : v.toText();
    }

    private static void print(Expr e, StringBuilder out) {
        if (e instanceof Expr.Literal l) {
            out.append(literal(l.value()));
        } else if (e instanceof Expr.InputRef r) {
            out.append("$input.").append(name(r.inputName()));
            for (Object segment : r.path()) {
                out.append(segment instanceof Integer i ? "[" + i + "]" : "." + name((String) segment));
            }
        } else if (e instanceof Expr.VariableRef v) {
            out.append("$variable.").append(name(v.name()));
        } else if (e instanceof Expr.Unary u) {
            out.append(u.operator());
            boolean wrap = u.operand() instanceof Expr.Binary;
            out.append(wrap ? "(" : "");
            print(u.operand(), out);
            out.append(wrap ? ")" : "");
        } else if (e instanceof Expr.Binary b) {
            out.append('(');
            print(b.left(), out);
            out.append(' ').append(b.operator()).append(' ');
            print(b.right(), out);
            out.append(')');
        } else if (e instanceof Expr.Call c) {
            out.append(c.function()).append('(');
            for (int i = 0; i < c.arguments().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                print(c.arguments().get(i), out);
            }
            out.append(')');
        } else if (e instanceof Expr.Word w) {
            out.append(w.word());
        } else if (e instanceof Expr.Template t) {
            out.append(t.quote());
            for (Object part : t.parts()) {
                if (part instanceof Expr x) {
                    out.append("${").append(print(x)).append('}');
                } else {
                    out.append(Strings.escape((String) part, t.quote()));
                }
            }
            out.append(t.quote());
        } else {
            out.append("<error>");
        }
    }

    private static String name(String n) {
        return n.matches("[a-zA-Z][a-zA-Z0-9_]*") ? n : "`" + n + "`";
    }
}
