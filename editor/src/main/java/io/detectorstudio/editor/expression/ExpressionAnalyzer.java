package io.detectorstudio.editor.expression;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_TEMPLATE;

import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.HighlightSpan;
import io.detectorstudio.engine.expr.Lexer;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.TokenCategory;
import io.detectorstudio.engine.model.FieldKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Highlighting and problems for a field's text, from the engine's {@link Lexer} and {@link Parser} (no regexes).
 * Pure and thread-safe, so the editor can run it off the FX thread.
 *
 * <p>EXPRESSION text is lexed as a whole; the {@code ${…}} parts of single-quoted strings are lexed again so the
 * embedded expression is coloured too. TEMPLATE text (semantics §A.4, e.g. {@code mqttTopic}) is literal text
 * whose {@code ${…}} parts are expressions, read the way the runtime reads it: each part up to the first '}'.
 */
public final class ExpressionAnalyzer {

    private ExpressionAnalyzer() {
    }

    public static ExpressionAnalysis analyze(String text, FieldKind mode) {
        return mode == FieldKind.TEMPLATE ? template(text) : expression(text);
    }

    private static ExpressionAnalysis expression(String text) {
        return new ExpressionAnalysis(text, highlightExpression(text, 0), Parser.parse(text).problems());
    }

    /** Lexer spans of {@code text} shifted by {@code offset}, with template parts of '…' strings split out. */
    private static List<HighlightSpan> highlightExpression(String text, int offset) {
        List<HighlightSpan> out = new ArrayList<>();
        for (HighlightSpan span : Lexer.highlight(text)) {
            boolean templateString = span.category() == TokenCategory.STRING && text.charAt(span.start()) == '\''
                    && text.substring(span.start(), span.end()).contains("${");
            if (templateString) {
                splitTemplateString(text, span, offset, out);
            } else {
                out.add(shift(span, offset));
            }
        }
        return out;
    }

    /** A '…${expr}…' literal: string runs, delimiters and the embedded expressions (as the parser splits it). */
    private static void splitTemplateString(String text, HighlightSpan span, int offset, List<HighlightSpan> out) {
        int contentEnd = span.end() - 1; // the closing quote
        int runStart = span.start();
        int i = span.start() + 1;
        while (i < contentEnd) {
            if (text.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (!text.startsWith("${", i)) {
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 2);
            if (close < 0 || close >= contentEnd) {
                break; // the parser reports the unclosed '${'; the rest stays a string
            }
            addRun(out, runStart, i, TokenCategory.STRING, offset);
            addRun(out, i, i + 2, TokenCategory.TEMPLATE_DELIMITER, offset);
            out.addAll(highlightExpression(text.substring(i + 2, close), offset + i + 2));
            addRun(out, close, close + 1, TokenCategory.TEMPLATE_DELIMITER, offset);
            runStart = close + 1;
            i = close + 1;
        }
        addRun(out, runStart, span.end(), TokenCategory.STRING, offset);
    }

    private static ExpressionAnalysis template(String text) {
        List<HighlightSpan> highlights = new ArrayList<>();
        List<ExpressionProblem> problems = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                break;
            }
            highlights.add(new HighlightSpan(open, open + 2, TokenCategory.TEMPLATE_DELIMITER));
            int close = text.indexOf('}', open + 2);
            int innerEnd = close < 0 ? text.length() : close;
            String inner = text.substring(open + 2, innerEnd);
            highlights.addAll(highlightExpression(inner, open + 2));
            if (close < 0) {
                problems.add(ExpressionProblem.error(EXPR_TEMPLATE.code(), "'${' has no closing '}'", open,
                        text.length()));
                break;
            }
            for (ExpressionProblem p : Parser.parse(inner).problems()) {
                problems.add(new ExpressionProblem(p.severity(), p.code(), p.message(), open + 2 + p.start(),
                        open + 2 + p.end()));
            }
            highlights.add(new HighlightSpan(close, close + 1, TokenCategory.TEMPLATE_DELIMITER));
            i = close + 1;
        }
        return new ExpressionAnalysis(text, highlights, problems);
    }

    private static void addRun(List<HighlightSpan> out, int start, int end, TokenCategory category, int offset) {
        if (end > start) {
            out.add(new HighlightSpan(start + offset, end + offset, category));
        }
    }

    private static HighlightSpan shift(HighlightSpan span, int offset) {
        return offset == 0 ? span : new HighlightSpan(span.start() + offset, span.end() + offset, span.category());
    }
}
