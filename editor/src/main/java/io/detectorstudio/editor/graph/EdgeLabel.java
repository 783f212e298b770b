package io.detectorstudio.editor.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The full text of a transition's label laid out in lines, and the box it needs: the event name on the first line,
 * the condition in brackets wrapped at {@link #WRAP} characters below it. Nothing is cut. The label font is
 * monospaced, so the box is known from the character counts alone and the layout, the canvas and both exporters
 * reserve and draw the same box without a toolkit.
 */
public record EdgeLabel(List<String> lines) {
    /** Characters per line before a condition wraps. */
    public static final int WRAP = 44;
    public static final double FONT_SIZE = 12;
    /** Advance of one monospaced glyph at {@link #FONT_SIZE} (0.6 em for DejaVu Sans Mono, Menlo; Consolas is narrower). */
    public static final double CHAR_WIDTH = 0.61 * FONT_SIZE;
    public static final double LINE_HEIGHT = 15;
    /** Inner padding left and right, and top and bottom. */
    public static final double PAD_X = 4, PAD_Y = 2;

    public EdgeLabel {
        lines = List.copyOf(lines);
    }

    public static EdgeLabel of(DiagramTransition t) {
        List<String> lines = new ArrayList<>(wrap(t.event(), WRAP));
        String condition = t.condition().strip().replaceAll("\\s+", " ");
        if (!condition.isEmpty()) {
            lines.addAll(wrap("[" + condition + "]", WRAP));
        }
        return new EdgeLabel(lines);
    }

    public double width() {
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        return Math.ceil(longest * CHAR_WIDTH + 2 * PAD_X);
    }

    public double height() {
        return lines.size() * LINE_HEIGHT + 2 * PAD_Y;
    }

    /** The box of this label centred on {@code centre}: {minX, minY, maxX, maxY}. */
    public double[] box(Point centre) {
        return new double[] {centre.x() - width() / 2, centre.y() - height() / 2,
            centre.x() + width() / 2, centre.y() + height() / 2};
    }

    /**
     * Breaks {@code text} into lines of at most {@code max} characters: after a space where there is one in reach
     * (the space stays at the end of its line, so joining the lines gives the text back), else before a dot of a
     * long path ({@code $input.a.b}), else inside the token.
     */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max - 1) + 1;
            if (cut <= max / 3) {
                cut = rest.lastIndexOf('.', max);
            }
            if (cut <= 1) {
                cut = max;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        if (!rest.isEmpty() || lines.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }
}
