package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.HighlightSpan;
import io.detectorstudio.engine.expr.TokenCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The CSS classes of {@code expression.css} and the style spans for an {@link ExpressionAnalysis}: one class per
 * token category ({@code expr-keyword}, {@code expr-function}…), {@code expr-problem-error}/{@code -warning} for
 * underlined problem spans, {@code expr-bracket-match} for the pair at the caret.
 */
public final class ExpressionStyles {

    public static final String STYLESHEET = ExpressionStyles.class.getResource("expression.css").toExternalForm();
    public static final String BRACKET_MATCH = "expr-bracket-match";
    /** Literal text outside {@code ${…}} in TEMPLATE mode. */
    public static final String TEMPLATE_TEXT = "expr-template-text";
    /** Upper bound of problems drawn; the diagnostics property still has all of them. */
    private static final int MAX_UNDERLINED = 200;

    private ExpressionStyles() {
    }

    public static String classOf(TokenCategory category) {
        return "expr-" + category.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String classOf(Severity severity) {
        return "expr-problem-" + severity.word();
    }

    /** Style spans covering exactly {@code analysis.text()}: token classes overlaid with problem classes. */
    public static StyleSpans<Collection<String>> spans(ExpressionAnalysis analysis, boolean template) {
        int length = analysis.text().length();
        List<String> gapStyle = template ? List.of(TEMPLATE_TEXT) : List.of();
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int at = 0;
        for (HighlightSpan span : analysis.highlights()) {
            int start = Math.max(span.start(), at);
            int end = Math.min(span.end(), length);
            if (end <= start) {
                continue;
            }
            if (start > at) {
                builder.add(gapStyle, start - at);
            }
            builder.add(List.of(classOf(span.category())), end - start);
            at = end;
        }
        builder.add(gapStyle, length - at); // the builder needs at least one span, even for empty text
        StyleSpans<Collection<String>> spans = builder.create();
        int drawn = 0;
        for (ExpressionProblem problem : analysis.problems()) {
            int[] range = underlineRange(problem, length);
            if (range == null || drawn++ >= MAX_UNDERLINED) {
                continue;
            }
            StyleSpansBuilder<Collection<String>> mark = new StyleSpansBuilder<>();
            mark.add(List.of(), range[0]);
            mark.add(List.of(classOf(problem.severity())), range[1] - range[0]);
            mark.add(List.of(), length - range[1]);
            spans = spans.overlay(mark.create(), ExpressionStyles::union);
        }
        return spans;
    }

    /**
     * The characters to underline for a problem: its span, or for an empty span (e.g. "the expression ends too
     * early" at the end) the character before it; {@code null} for empty text.
     */
    static int[] underlineRange(ExpressionProblem problem, int length) {
        if (length == 0) {
            return null;
        }
        int start = Math.min(Math.max(problem.start(), 0), length);
        int end = Math.min(Math.max(problem.end(), start), length);
        if (end == start) {
            if (start == length) {
                start--;
            } else {
                end++;
            }
        }
        return new int[] {start, end};
    }

    static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return new ArrayList<>(both);
    }
}
