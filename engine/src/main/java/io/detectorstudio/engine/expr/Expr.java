package io.detectorstudio.engine.expr;

import java.util.List;
import java.util.function.Consumer;

/** The expression AST. Every node knows its span {@code [start, end)} in the source text. */
public sealed interface Expr {

    int start();

    int end();

    /** Visits this node and every node below it, parents first (templates: their {@code ${…}} parts). */
    default void forEach(Consumer<Expr> visit) {
        visit.accept(this);
        if (this instanceof Unary u) {
            u.operand().forEach(visit);
        } else if (this instanceof Binary b) {
            b.left().forEach(visit);
            b.right().forEach(visit);
        } else if (this instanceof Call c) {
            c.arguments().forEach(a -> a.forEach(visit));
        } else if (this instanceof Template t) {
            t.parts().forEach(p -> {
                if (p instanceof Expr part) {
                    part.forEach(visit);
                }
            });
        }
    }

    record Literal(Value value, int start, int end) implements Expr { }

    /** {@code $input.Name.seg[0].`quoted seg`}: path segments are names (String) or array indexes (Integer). */
    record InputRef(String inputName, List<Object> path, int start, int end) implements Expr { }

    record VariableRef(String name, int start, int end) implements Expr { }

    record Unary(String operator, Expr operand, int start, int end) implements Expr { }

    record Binary(String operator, Expr left, Expr right, int start, int end) implements Expr { }

    record Call(String function, List<Expr> arguments, int start, int end) implements Expr { }

    /** A bare word used as an argument, e.g. the type in {@code convert(Decimal, x)}. */
    record Word(String word, int start, int end) implements Expr { }

    /** A single-quoted string with {@code ${…}} parts (§B.7); parts are String text or Expr. */
    record Template(List<Object> parts, char quote, int start, int end) implements Expr { }

    /** Where the parser could not make sense of the text; evaluates to invalid. */
    record Error(int start, int end) implements Expr { }
}
