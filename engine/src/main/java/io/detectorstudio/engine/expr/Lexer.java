package io.detectorstudio.engine.expr;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_CHARACTER;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_UNKNOWN_ROOT;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_UNTERMINATED;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. Never throws: characters it cannot use become ERROR tokens with a problem,
 * so the parser and the editor's highlighter both see the whole text.
 */
public final class Lexer {

    private final String text;
    private final List<ExpressionProblem> problems;
    private int pos;

    private Lexer(String text, List<ExpressionProblem> problems) {
        this.text = text;
        this.problems = problems;
    }

    /** All tokens of {@code text}, ending with EOF; lexical problems are added to {@code problems}. */
    public static List<Token> tokenize(String text, List<ExpressionProblem> problems) {
        Lexer lexer = new Lexer(text, problems);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != TokenKind.EOF);
        return tokens;
    }

    /** Tokens for highlighting, with identifiers before '(' marked as functions. */
    public static List<HighlightSpan> highlight(String text) {
        List<Token> tokens = tokenize(text, new ArrayList<>());
        List<HighlightSpan> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size() - 1; i++) {
            Token t = tokens.get(i);
            TokenCategory category = t.category();
            if (t.kind() == TokenKind.IDENTIFIER && tokens.get(i + 1).kind() == TokenKind.LPAREN
                    && Functions.isFunction(t.text())) {
                category = TokenCategory.FUNCTION;
            } else if (t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.QUOTED_IDENTIFIER) {
                boolean afterDot = i > 0 && tokens.get(i - 1).kind() == TokenKind.DOT;
                category = afterDot ? TokenCategory.REFERENCE : category;
            }
            spans.add(new HighlightSpan(t.start(), t.end(), category));
        }
        return spans;
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(TokenKind.EOF, pos, pos, "", '\0');
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '`') {
            int close = text.indexOf('`', pos + 1);
            if (close < 0) {
                pos = text.length();
                problems.add(ExpressionProblem.error(EXPR_UNTERMINATED.code(),
                        EXPR_UNTERMINATED.message("`quoted name`", "backtick"), start, pos));
                return new Token(TokenKind.ERROR, start, pos, text.substring(start), '`');
            }
            pos = close + 1;
            return new Token(TokenKind.QUOTED_IDENTIFIER, start, pos, text.substring(start + 1, close), '`');
        }
        if (c == '$') {
            pos++;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.equals("$input")) {
                return new Token(TokenKind.INPUT_ROOT, start, pos, word, '\0');
            }
            if (word.equals("$variable")) {
                return new Token(TokenKind.VARIABLE_ROOT, start, pos, word, '\0');
            }
            problems.add(ExpressionProblem.error(EXPR_UNKNOWN_ROOT.code(), EXPR_UNKNOWN_ROOT.message(word),
                    start, pos));
            return new Token(TokenKind.ERROR, start, pos, word, '\0');
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            // [GAP] §B.2: boolean literals are accepted case-insensitively
            if (word.equalsIgnoreCase("true")) {
                return new Token(TokenKind.TRUE, start, pos, word, '\0');
            }
            if (word.equalsIgnoreCase("false")) {
                return new Token(TokenKind.FALSE, start, pos, word, '\0');
            }
            return new Token(TokenKind.IDENTIFIER, start, pos, word, '\0');
        }
        pos++;
        char n = pos < text.length() ? text.charAt(pos) : '\0';
        TokenKind kind = switch (c) {
            case '.' -> TokenKind.DOT;
            case ',' -> TokenKind.COMMA;
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '~' -> TokenKind.TILDE;
            case '^' -> TokenKind.CARET;
            case '&' -> two(n, '&', TokenKind.AND, TokenKind.AMP);
            case '|' -> two(n, '|', TokenKind.OR, TokenKind.PIPE);
            case '!' -> two(n, '=', TokenKind.NE, TokenKind.BANG);
            case '<' -> two(n, '=', TokenKind.LE, TokenKind.LT);
            case '>' -> two(n, '=', TokenKind.GE, TokenKind.GT);
            case '=' -> n == '=' ? two(n, '=', TokenKind.EQ, TokenKind.EQ) : null;
            default -> null;
        };
        if (kind == null) {
            String hint = c == '=' ? "; compare with '==' (expressions cannot assign)" : c == '%'
                    ? "; there is no '%' operator in IoT Events" : "";
            problems.add(ExpressionProblem.error(EXPR_CHARACTER.code(), EXPR_CHARACTER.message(c, hint),
                    start, pos));
            return new Token(TokenKind.ERROR, start, pos, String.valueOf(c), '\0');
        }
        return new Token(kind, start, pos, text.substring(start, pos), '\0');
    }

    private TokenKind two(char next, char expected, TokenKind ifTwo, TokenKind ifOne) {
        if (next == expected) {
            pos++;
            return ifTwo;
        }
        return ifOne;
    }

    private Token number() {
        int start = pos;
        boolean decimal = false;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.' && pos + 1 < text.length()
                && Character.isDigit(text.charAt(pos + 1))) {
            decimal = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        // [GAP] §B.2: exponent notation is accepted as a Decimal
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                decimal = true;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String literal = text.substring(start, pos);
        return new Token(decimal ? TokenKind.DECIMAL : TokenKind.INTEGER, start, pos, literal, '\0');
    }

    /** §B.2: backslash escapes the next character; the other quote character needs no escape. */
    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                value.append(c).append(text.charAt(pos++)); // kept raw: templates need offsets; see Strings.unescape
            } else {
                value.append(c);
            }
        }
        if (pos >= text.length()) {
            problems.add(ExpressionProblem.error(EXPR_UNTERMINATED.code(), EXPR_UNTERMINATED.message("string", quote),
                    start, pos));
            return new Token(TokenKind.ERROR, start, pos, value.toString(), quote);
        }
        pos++;
        return new Token(TokenKind.STRING, start, pos, value.toString(), quote);
    }
}
