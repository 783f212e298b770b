package io.detectorstudio.editor.expression;

import java.util.List;

/** Proposals for a caret position; choosing one replaces {@code [replaceStart, replaceEnd)} with its insert text. */
public record CompletionResult(int replaceStart, int replaceEnd, List<Completion> items) {

    public CompletionResult {
        items = List.copyOf(items);
    }

    public static CompletionResult none(int caret) {
        return new CompletionResult(caret, caret, List.of());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The text after inserting {@code item}. */
    public String apply(String text, Completion item) {
        return text.substring(0, replaceStart) + item.insert() + text.substring(replaceEnd);
    }
}
