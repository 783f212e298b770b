package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed JSON (or YAML) document together with the source range of every value, keyed by JSON path
 * ({@code $.detectorModelDefinition.states[0].stateName}). The tree keeps key order and number formatting.
 *
 * @param text the raw text, used to map offsets inside string values back to line:column
 */
public record LocatedJson(JsonNode root, Map<String, SourceRange> ranges, String text) {

    public SourceRange rangeOf(String path) {
        SourceRange r = ranges.get(path);
        return r == null ? SourceRange.UNKNOWN : r;
    }

    /**
     * Line:column of the character at {@code offset} of the decoded string value at {@code path}, accounting for JSON
     * escapes ({@code \n}, {@code \"}, {@code \u00e9}) between the opening quote and that character.
     */
    public SourceRange rangeInString(String path, int offset, int endOffset) {
        SourceRange value = rangeOf(path);
        if (value == SourceRange.UNKNOWN || text == null) {
            return value;
        }
        int start = indexOf(value.line(), value.column());
        if (start < 0 || start >= text.length() || (text.charAt(start) != '"' && text.charAt(start) != '\'')) {
            return value;
        }
        int from = rawIndex(start + 1, offset);
        int to = rawIndex(start + 1, endOffset);
        int[] a = lineColumn(from);
        int[] b = lineColumn(to);
        return new SourceRange(a[0], a[1], b[0], b[1]);
    }

    private int rawIndex(int rawStart, int decodedOffset) {
        int i = rawStart;
        for (int decoded = 0; decoded < decodedOffset && i < text.length(); decoded++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i += text.charAt(i + 1) == 'u' ? 6 : 2;
            } else {
                i += 1;
            }
        }
        return i;
    }

    private int indexOf(int line, int column) {
        int l = 1;
        int i = 0;
        while (l < line && i < text.length()) {
            if (text.charAt(i++) == '\n') {
                l++;
            }
        }
        return i + column - 1;
    }

    private int[] lineColumn(int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }
}
