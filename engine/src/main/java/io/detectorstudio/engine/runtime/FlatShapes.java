package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression shapes a {@link FlatPlan} evaluates on {@code long}s instead of {@link Value}s, recognised in the
 * expression's tree: conditions that are {@code &&}s of {@code operand < <= > >= integer-literal} (or {@code true}),
 * and values that are an integer literal, an operand, or {@code operand + - * integer-literal}. An operand is
 * {@code $variable.x} or {@code $input.X.path} of the message's own input. They give what the compiled nodes give
 * ({@code CompareWithInteger}, {@code And}, {@code Arithmetic}) as long as every operand is an Integer, which the
 * plan checks before a cycle ({@link FlatPlan.FlatState}); anything else is not recognised (null) and runs on the
 * general path.
 */
final class FlatShapes {

    static final int LT = 0;
    static final int LE = 1;
    static final int GT = 2;
    static final int GE = 3;

    /** An Integer operand: a variable's slot, or the place of an input path in the message's reading. */
    record Operand(boolean variable, int index) { }

    /** {@code register op constant}: the register holds an operand ({@link #operands}). */
    record Term(int register, int op, long constant) { }

    /**
     * An Integer value: {@code constant} (register −1), the operand in {@code register}, or
     * {@code register op constant} for {@code op} one of {@code + - *} ({@code 0}: none).
     */
    record IntegerValue(int register, char op, long constant) { }

    private final SymbolTable symbols;
    private final int inputSlot;
    /** the message's input path slots, in the order of the reading's values ({@link CompiledModel#pathsRead}) */
    private final int[] paths;
    /**
     * the operands the shapes recognised so far read, by register: a cycle loads them into registers when it
     * starts, and checks that they are Integers
     */
    final List<Operand> operands = new ArrayList<>();

    FlatShapes(SymbolTable symbols, int inputSlot, int[] paths) {
        this.symbols = symbols;
        this.inputSlot = inputSlot;
        this.paths = paths;
    }

    /** A condition's terms (none: always true), or null when it is not a flat shape. */
    Term[] condition(String text) {
        List<Term> terms = new ArrayList<>();
        return text == null || terms(Parser.parse(text).expr(), terms) ? terms.toArray(Term[]::new) : null;
    }

    private boolean terms(Expr e, List<Term> out) {
        if (e instanceof Expr.Literal l) {
            return l.value() == Value.TRUE;
        }
        if (!(e instanceof Expr.Binary b)) {
            return false;
        }
        if (b.operator().equals("&&")) {
            return terms(b.left(), out) && terms(b.right(), out);
        }
        int op = switch (b.operator()) {
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            case ">=" -> GE;
            default -> -1;
        };
        int register = register(b.left());
        Long constant = integerLiteral(b.right());
        if (op < 0 || register < 0 || constant == null) {
            return false;
        }
        out.add(new Term(register, op, constant));
        return true;
    }

    /** A setVariable value, or null when it is not a flat shape. */
    IntegerValue value(String text) {
        Expr e = Parser.parse(text).expr();
        Long literal = integerLiteral(e);
        if (literal != null) {
            return new IntegerValue(-1, (char) 0, literal);
        }
        int register = register(e);
        if (register >= 0) {
            return new IntegerValue(register, (char) 0, 0);
        }
        if (e instanceof Expr.Binary b && (b.operator().equals("+") || b.operator().equals("-")
                || b.operator().equals("*"))) {
            register = register(b.left());
            Long constant = integerLiteral(b.right());
            if (register >= 0 && constant != null) {
                return new IntegerValue(register, b.operator().charAt(0), constant);
            }
        }
        return null;
    }

    /** The register of a variable's value ({@link #operands}), or −1 when nothing reads the variable. */
    int variableRegister(int slot) {
        return operands.indexOf(new Operand(true, slot));
    }

    /** The register of an operand (a new one the first time it is read), or −1 when it is not an operand. */
    private int register(Expr e) {
        Operand operand = null;
        if (e instanceof Expr.VariableRef v && symbols.existingVariableSlot(v.name()) >= 0) {
            operand = new Operand(true, symbols.existingVariableSlot(v.name()));
        } else if (e instanceof Expr.InputRef r && symbols.existingInputSlot(r.inputName()) == inputSlot) {
            // the model's expressions are compiled already: the path has its slot
            int pathSlot = symbols.inputPathSlot(inputSlot, r.path());
            for (int i = 0; i < paths.length; i++) {
                if (paths[i] == pathSlot) {
                    operand = new Operand(false, i);
                }
            }
        }
        if (operand == null) {
            return -1;
        }
        if (!operands.contains(operand)) {
            operands.add(operand);
        }
        return operands.indexOf(operand);
    }

    private static Long integerLiteral(Expr e) {
        return e instanceof Expr.Literal l && l.value().type() == Value.Type.INTEGER ? l.value().asLong() : null;
    }
}
