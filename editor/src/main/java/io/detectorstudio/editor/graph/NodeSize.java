package io.detectorstudio.editor.graph;

/** The size of a state box, shared by the canvas, the layout and the exporters so they all agree. */
public final class NodeSize {
    public static final double HEIGHT = 56;
    static final double MIN_WIDTH = 110;
    static final double MAX_WIDTH = 260;
    /** Average glyph advance of the 13px label font, in pixels. */
    static final double CHAR_WIDTH = 7.4;

    private NodeSize() {
    }

    public static double width(String stateName) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, 36 + CHAR_WIDTH * stateName.length()));
    }
}
