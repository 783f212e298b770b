package io.detectorstudio.engine.analysis;

import io.detectorstudio.engine.expr.Expr;
import java.util.Set;

/** The names an expression reads. */
final class References {

    private References() {
    }

    static void variables(Expr e, Set<String> out) {
        if (e instanceof Expr.VariableRef v) {
            out.add(v.name());
        } else if (e instanceof Expr.Unary u) {
            variables(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            variables(b.left(), out);
            variables(b.right(), out);
        } else if (e instanceof Expr.Call c) {
            c.arguments().forEach(a -> variables(a, out));
        } else if (e instanceof Expr.Template t) {
            t.parts().forEach(p -> {
                if (p instanceof Expr x) {
                    variables(x, out);
                }
            });
        }
    }
}
