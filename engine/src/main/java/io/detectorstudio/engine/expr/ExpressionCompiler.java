package io.detectorstudio.engine.expr;

import io.detectorstudio.engine.expr.CompiledExpression.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an AST into a {@link CompiledExpression}: each operator and function becomes a node specialised for it
 * ({@link Nodes}), every {@code $variable}/{@code $input} reference gets its slot from the {@link SymbolTable}, and
 * constant sub-trees are left as constants. The semantics are §B's, identical to what the tests check through
 * {@link Evaluator} (which compiles too).
 */
public final class ExpressionCompiler {

    private final SymbolTable symbols;
    private final ExpressionOptions options;

    public ExpressionCompiler(SymbolTable symbols, ExpressionOptions options) {
        this.symbols = symbols;
        this.options = options;
    }

    public CompiledExpression compile(Expr expr) {
        return new CompiledExpression(node(expr), null);
    }

    /** Parses and compiles; text with syntax errors compiles to nodes that evaluate to invalid. */
    public CompiledExpression compile(String text) {
        return new CompiledExpression(node(Parser.parse(text).expr()), text);
    }

    private Node node(Expr e) {
        if (e instanceof Expr.Literal l) {
            return new Nodes.Constant(l.value());
        } else if (e instanceof Expr.InputRef r) {
            int input = symbols.inputSlot(r.inputName());
            return new Nodes.InputRef(input, symbols.inputPathSlot(input, r.path()), r.path());
        } else if (e instanceof Expr.VariableRef v) {
            return new Nodes.VariableRef(symbols.variableSlot(v.name()));
        } else if (e instanceof Expr.Unary u) {
            return new Nodes.Unary(u.operator().charAt(0), node(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Template t) {
            List<Object> parts = new ArrayList<>();
            for (Object part : t.parts()) {
                parts.add(part instanceof Expr expr ? node(expr) : part);
            }
            return new Nodes.Template(parts.toArray());
        } else if (e instanceof Expr.Word w) {
            return new Nodes.Constant(Value.invalid("'" + w.word() + "' is not a value; strings need quotes"));
        }
        return new Nodes.Constant(Value.invalid("the expression has syntax errors"));
    }

    private Node binary(Expr.Binary b) {
        Node left = node(b.left());
        Node right = node(b.right());
        return switch (b.operator()) {
            case "&&" -> new Nodes.And(left, right);
            case "||" -> new Nodes.Or(left, right, options.orTreatsUndefinedOperandAsFalse());
            case "==" -> new Nodes.Equality(false, left, right);
            case "!=" -> new Nodes.Equality(true, left, right);
            case "<", "<=", ">", ">=" -> b.right() instanceof Expr.Literal l && l.value().type() == Value.Type.INTEGER
                    ? new Nodes.CompareWithInteger(b.operator(), left, l.value().asLong())
                    : new Nodes.Comparison(b.operator(), left, right);
            case "+", "-", "*", "/" -> Arithmetic.of(b.operator(), left, right, options);
            case "|", "&", "^" -> new Nodes.Bitwise(b.operator(), left, right);
            default -> new Nodes.Constant(Value.invalid("unknown operator " + b.operator()));
        };
    }

    private Node call(Expr.Call c) {
        Integer arity = Functions.ARITY.get(c.function());
        if (arity == null || arity != c.arguments().size()) {
            return new Nodes.Constant(Value.invalid("bad call of " + c.function()));
        }
        List<Expr> args = c.arguments();
        if (c.function().equals("convert")) {
            Expr type = args.get(0);
            Node typeNode = type instanceof Expr.Word w ? new Nodes.Constant(Value.string(w.word())) : node(type);
            return new Nodes.Convert(typeNode, node(args.get(1)));
        }
        Node first = node(args.get(0));
        Node second = args.size() > 1 ? node(args.get(1)) : null;
        return switch (c.function()) {
            case "timeout" -> new Nodes.Timeout(first);
            case "triggerType" -> new Nodes.TriggerType(first);
            case "currentInput" -> new Nodes.CurrentInput(first);
            case "isNull" -> new Nodes.TypeTest(first, Value.Type.NULL);
            case "isUndefined" -> new Nodes.TypeTest(first, Value.Type.UNDEFINED);
            case "startsWith", "endsWith", "contains" -> new Nodes.StringTest(c.function(), first, second);
            case "bitnot" -> new Nodes.BitNot(first);
            default -> new Nodes.BitFunction(c.function(), first, second);
        };
    }

    /** Reads one {@code $input} path slot ({@link SymbolTable#inputPathSlot}), as a reference to it would. */
    public CompiledExpression inputPath(int pathSlot) {
        return new CompiledExpression(new Nodes.InputRef(symbols.pathInput(pathSlot), pathSlot,
                symbols.path(pathSlot)), null);
    }
}
