package io.detectorstudio.engine.expr;

import java.util.ArrayList;
import java.util.List;

/** Moves an AST parsed from a substring (a ${…} part) to the offsets of the enclosing text. */
final class Spans {

    private Spans() {
    }

    static Expr shift(Expr e, int by) {
        if (e instanceof Expr.Literal l) {
            return new Expr.Literal(l.value(), l.start() + by, l.end() + by);
        } else if (e instanceof Expr.InputRef r) {
            return new Expr.InputRef(r.inputName(), r.path(), r.start() + by, r.end() + by);
        } else if (e instanceof Expr.VariableRef v) {
            return new Expr.VariableRef(v.name(), v.start() + by, v.end() + by);
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.operator(), shift(u.operand(), by), u.start() + by, u.end() + by);
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.operator(), shift(b.left(), by), shift(b.right(), by), b.start() + by, b.end() + by);
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.arguments().stream().map(a -> shift(a, by)).toList(),
                    c.start() + by, c.end() + by);
        } else if (e instanceof Expr.Word w) {
            return new Expr.Word(w.word(), w.start() + by, w.end() + by);
        } else if (e instanceof Expr.Template t) {
            List<Object> parts = new ArrayList<>();
            for (Object p : t.parts()) {
                parts.add(p instanceof Expr x ? shift(x, by) : p);
            }
            return new Expr.Template(parts, t.quote(), t.start() + by, t.end() + by);
        }
        return new Expr.Error(e.start() + by, e.end() + by);
    }
}
