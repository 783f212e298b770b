package io.detectorstudio.engine.expr;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_ARITY;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_EMPTY;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_EXPECTED;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_INTEGER_RANGE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_TEMPLATE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_UNEXPECTED;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_UNKNOWN_FUNCTION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Precedence-climbing parser for the grammar of §B.3 (C/JavaScript precedence, left-associative binary operators,
 * right-associative unary). It never throws: on an error it records a problem, inserts an {@link Expr.Error} node
 * and resynchronises, so one pass reports every error.
 */
public final class Parser {

    /** Binding power of each binary operator; higher binds tighter. */
    private static final Map<TokenKind, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry(TokenKind.OR, 1), Map.entry(TokenKind.AND, 2), Map.entry(TokenKind.PIPE, 3),
            Map.entry(TokenKind.CARET, 4), Map.entry(TokenKind.AMP, 5),
            Map.entry(TokenKind.EQ, 6), Map.entry(TokenKind.NE, 6),
            Map.entry(TokenKind.LT, 7), Map.entry(TokenKind.LE, 7), Map.entry(TokenKind.GT, 7), Map.entry(TokenKind.GE, 7),
            Map.entry(TokenKind.PLUS, 8), Map.entry(TokenKind.MINUS, 8),
            Map.entry(TokenKind.STAR, 9), Map.entry(TokenKind.SLASH, 9));

    private final String text;
    private final List<Token> tokens;
    private final List<ExpressionProblem> problems;
    private final ExpressionOptions options;
    private int index;

    private Parser(String text, ExpressionOptions options, List<ExpressionProblem> problems) {
        this.text = text;
        this.options = options;
        this.problems = problems;
        this.tokens = Lexer.tokenize(text, problems);
    }

    /**
     * A template field (semantics §A.4: e.g. {@code iotTopicPublish.mqttTopic}): literal text in which each
     * {@code ${expression}} is evaluated and spliced in. Spans are offsets in {@code text}.
     */
    public static ParseResult parseTemplate(String text, ExpressionOptions options) {
        List<ExpressionProblem> problems = new ArrayList<>();
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            if (open > i) {
                parts.add(text.substring(i, open));
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                problems.add(ExpressionProblem.error(EXPR_TEMPLATE.code(), EXPR_TEMPLATE.message(), open,
                        text.length()));
                return new ParseResult(new Expr.Error(0, text.length()), List.copyOf(problems));
            }
            ParseResult sub = parse(text.substring(open + 2, close), options);
            int offset = open + 2;
            for (ExpressionProblem p : sub.problems()) {
                problems.add(new ExpressionProblem(p.severity(), p.code(), p.message(), offset + p.start(),
                        offset + p.end()));
            }
            parts.add(Spans.shift(sub.expr(), offset));
            i = close + 1;
        }
        return new ParseResult(new Expr.Template(List.copyOf(parts), '\'', 0, text.length()), List.copyOf(problems));
    }

    public static ParseResult parse(String text) {
        return parse(text, ExpressionOptions.DEFAULTS);
    }

    public static ParseResult parse(String text, ExpressionOptions options) {
        List<ExpressionProblem> problems = new ArrayList<>();
        Parser parser = new Parser(text, options, problems);
        Expr expr;
        if (parser.peek().kind() == TokenKind.EOF) {
            problems.add(ExpressionProblem.error(EXPR_EMPTY.code(), EXPR_EMPTY.message(), 0, text.length()));
            expr = new Expr.Error(0, text.length());
        } else {
            expr = parser.expression(0);
            while (parser.peek().kind() != TokenKind.EOF) {
                Token extra = parser.advance();
                if (extra.kind() != TokenKind.ERROR) {
                    problems.add(ExpressionProblem.error(EXPR_UNEXPECTED.code(), EXPR_UNEXPECTED.message(extra.text()), extra.start(),
                            extra.end()));
                }
            }
        }
        int length = text.length();
        List<ExpressionProblem> clamped = new ArrayList<>();
        for (ExpressionProblem p : problems) {
            int start = Math.min(Math.max(p.start(), 0), length);
            clamped.add(new ExpressionProblem(p.severity(), p.code(), p.message(), start,
                    Math.min(Math.max(p.end(), start), length)));
        }
        clamped.sort(java.util.Comparator.comparingInt(ExpressionProblem::start));
        return new ParseResult(expr, List.copyOf(clamped));
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != TokenKind.EOF) {
            index++;
        }
        return t;
    }

    private Expr expression(int minPrecedence) {
        Expr left = unary();
        while (true) {
            Token op = peek();
            Integer precedence = PRECEDENCE.get(op.kind());
            if (precedence == null || precedence <= minPrecedence) {
                return left;
            }
            advance();
            Expr right = expression(precedence);
            left = new Expr.Binary(op.text(), left, right, left.start(), right.end());
        }
    }

    private Expr unary() {
        Token t = peek();
        if (t.kind() == TokenKind.BANG || t.kind() == TokenKind.TILDE || t.kind() == TokenKind.MINUS) {
            advance();
            Expr operand = unary();
            return new Expr.Unary(t.text(), operand, t.start(), operand.end());
        }
        return primary();
    }

    private Expr primary() {
        Token t = advance();
        switch (t.kind()) {
            case INTEGER:
                try {
                    return new Expr.Literal(Value.integer(Long.parseLong(t.text())), t.start(), t.end());
                } catch (NumberFormatException e) {
                    problems.add(ExpressionProblem.error(EXPR_INTEGER_RANGE.code(), EXPR_INTEGER_RANGE.message(t.text()),
                            t.start(), t.end()));
                    return new Expr.Error(t.start(), t.end());
                }
            case DECIMAL:
                return new Expr.Literal(Value.decimal(new BigDecimal(t.text())), t.start(), t.end());
            case TRUE:
                return new Expr.Literal(Value.TRUE, t.start(), t.end());
            case FALSE:
                return new Expr.Literal(Value.FALSE, t.start(), t.end());
            case STRING:
                return string(t);
            case INPUT_ROOT:
                return inputReference(t);
            case VARIABLE_ROOT: {
                if (!expect(TokenKind.DOT, "'.' and a variable name after $variable")) {
                    return new Expr.Error(t.start(), peek().start());
                }
                Token name = advance();
                if (name.kind() != TokenKind.IDENTIFIER && name.kind() != TokenKind.QUOTED_IDENTIFIER) {
                    problems.add(ExpressionProblem.error(EXPR_EXPECTED.code(), EXPR_EXPECTED.message(
                            "a variable name after '$variable.'", found(name)), name.start(),
                            Math.max(name.end(), name.start() + 1)));
                    return new Expr.Error(t.start(), name.end());
                }
                return new Expr.VariableRef(name.text(), t.start(), name.end());
            }
            case IDENTIFIER:
                if (peek().kind() == TokenKind.LPAREN) {
                    return call(t);
                }
                return new Expr.Word(t.text(), t.start(), t.end());
            case LPAREN: {
                Expr inner = expression(0);
                expect(TokenKind.RPAREN, "')' to close the '(' at " + (t.start() + 1));
                return inner;
            }
            case ERROR:
                return new Expr.Error(t.start(), t.end());
            default:
                problems.add(ExpressionProblem.error(EXPR_EXPECTED.code(), EXPR_EXPECTED.message(
                        "a value (a number, 'string', true/false, $input..., $variable... or a function)", found(t)),
                        t.start(), Math.max(t.end(), Math.min(t.start() + 1, text.length()))));
                return new Expr.Error(t.start(), t.end());
        }
    }

    /** What stands where something else was expected, for {@code EXPR_EXPECTED}'s "but …". */
    private static String found(Token t) {
        return t.kind() == TokenKind.EOF ? "the expression ends" : "found '" + t.text() + "'";
    }

    private boolean expect(TokenKind kind, String what) {
        if (peek().kind() == kind) {
            advance();
            return true;
        }
        Token t = peek();
        problems.add(ExpressionProblem.error(EXPR_EXPECTED.code(), EXPR_EXPECTED.message(what, found(t)),
                t.start(), Math.max(t.end(), Math.min(t.start() + 1, text.length()))));
        return false;
    }

    private Expr inputReference(Token root) {
        if (!expect(TokenKind.DOT, "'.' and an input name after $input")) {
            return new Expr.Error(root.start(), peek().start());
        }
        Token input = advance();
        if (input.kind() != TokenKind.IDENTIFIER && input.kind() != TokenKind.QUOTED_IDENTIFIER) {
            problems.add(ExpressionProblem.error(EXPR_EXPECTED.code(),
                    EXPR_EXPECTED.message("an input name after '$input.'", found(input)), input.start(), Math.max(input.end(), input.start() + 1)));
            return new Expr.Error(root.start(), input.end());
        }
        List<Object> path = new ArrayList<>();
        int end = input.end();
        while (true) {
            if (peek().kind() == TokenKind.DOT) {
                advance();
                Token seg = advance();
                if (seg.kind() != TokenKind.IDENTIFIER && seg.kind() != TokenKind.QUOTED_IDENTIFIER
                        && seg.kind() != TokenKind.TRUE && seg.kind() != TokenKind.FALSE) {
                    problems.add(ExpressionProblem.error(EXPR_EXPECTED.code(), EXPR_EXPECTED.message("an attribute name after '.'"
                            + " (quote names with other characters in backticks: `my name`)", found(seg)), seg.start(),
                            Math.max(seg.end(), seg.start() + 1)));
                    return new Expr.Error(root.start(), seg.end());
                }
                path.add(seg.text());
                end = seg.end();
            } else if (peek().kind() == TokenKind.LBRACKET) {
                advance();
                Token n = advance();
                if (n.kind() != TokenKind.INTEGER) {
                    problems.add(ExpressionProblem.error(EXPR_EXPECTED.code(),
                            EXPR_EXPECTED.message("an array index such as [0]", found(n)), n.start(), Math.max(n.end(), n.start() + 1)));
                    return new Expr.Error(root.start(), n.end());
                }
                path.add(Integer.parseInt(n.text()));
                end = peek().end();
                expect(TokenKind.RBRACKET, "']'");
            } else {
                break;
            }
        }
        if (path.isEmpty()) {
            problems.add(ExpressionProblem.error(EXPR_EXPECTED.code(), EXPR_EXPECTED.message("an attribute after $input."
                    + input.text() + " (e.g. $input." + input.text() + ".value)", found(peek())), root.start(), input.end()));
            return new Expr.Error(root.start(), input.end());
        }
        return new Expr.InputRef(input.text(), List.copyOf(path), root.start(), end);
    }

    private Expr call(Token name) {
        advance(); // (
        List<Expr> args = new ArrayList<>();
        if (peek().kind() != TokenKind.RPAREN) {
            do {
                args.add(expression(0));
            } while (peek().kind() == TokenKind.COMMA && advance() != null);
        }
        int end = peek().end();
        if (!expect(TokenKind.RPAREN, "')' to close " + name.text() + "(")) {
            end = peek().start();
        }
        Integer arity = Functions.ARITY.get(name.text());
        if (arity == null) {
            problems.add(ExpressionProblem.error(EXPR_UNKNOWN_FUNCTION.code(), EXPR_UNKNOWN_FUNCTION.message(name.text(),
                    String.join(", ", new java.util.TreeSet<>(Functions.ARITY.keySet()))), name.start(), name.end()));
        } else if (arity != args.size()) {
            problems.add(ExpressionProblem.error(EXPR_ARITY.code(), EXPR_ARITY.message(name.text(),
                    arity + " argument" + (arity == 1 ? "" : "s"), args.size(), Functions.SIGNATURE.get(name.text())),
                    name.start(), end));
        }
        return new Expr.Call(name.text(), List.copyOf(args), name.start(), end);
    }

    /** A string literal; single-quoted ones (and double-quoted ones when lenient) may hold ${…} templates. */
    private Expr string(Token t) {
        String raw = t.text();
        boolean templating = t.quote() == '\'' || options.templatesInDoubleQuotes();
        if (!templating || !raw.contains("${")) {
            return new Expr.Literal(Value.string(Strings.unescape(raw)), t.start(), t.end());
        }
        List<Object> parts = new ArrayList<>();
        int contentStart = t.start() + 1;
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < raw.length()) {
            if (raw.startsWith("${", i)) {
                int close = raw.indexOf('}', i + 2);
                if (close < 0) {
                    problems.add(ExpressionProblem.error(EXPR_TEMPLATE.code(), EXPR_TEMPLATE.message(),
                            contentStart + i, contentStart + raw.length()));
                    return new Expr.Error(t.start(), t.end());
                }
                if (literal.length() > 0) {
                    parts.add(Strings.unescape(literal.toString()));
                    literal.setLength(0);
                }
                String inner = Strings.unescape(raw.substring(i + 2, close));
                ParseResult sub = parse(inner, options);
                int offset = contentStart + i + 2;
                for (ExpressionProblem p : sub.problems()) {
                    problems.add(new ExpressionProblem(p.severity(), p.code(), p.message(), offset + p.start(),
                            offset + p.end()));
                }
                parts.add(Spans.shift(sub.expr(), offset));
                i = close + 1;
            } else {
                literal.append(raw.charAt(i));
                if (raw.charAt(i) == '\\' && i + 1 < raw.length()) {
                    literal.append(raw.charAt(i + 1));
                    i++;
                }
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(Strings.unescape(literal.toString()));
        }
        return new Expr.Template(List.copyOf(parts), t.quote(), t.start(), t.end());
    }
}
