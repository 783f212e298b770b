package io.detectorstudio.editor.graph;

/** The size of a state box, shared by the canvas, the layout and the exporters so they all agree. */
public final class NodeSize {
    public static final double HEIGHT = 56;
    static final double MIN_WIDTH = 110;
    static final double MAX_WIDTH = 260;
    /** Average glyph advance of the 13px label font, in pixels. */
    static final double CHAR_WIDTH = 7.4;
    /** One marker badge plus the gap after it. */
    public static final double BADGE_WIDTH = 38;

    private NodeSize() {
    }

    /** Wide enough for the name (up to a limit, then elided) and for the marker badges. */
    public static double width(String stateName, StateMarkers markers) {
        int badges = (markers.onEnter() ? 1 : 0) + (markers.onInput() ? 1 : 0) + (markers.onExit() ? 1 : 0)
                + (markers.timers() ? 1 : 0);
        double forBadges = 20 + BADGE_WIDTH * badges;
        return Math.max(Math.max(MIN_WIDTH, forBadges), Math.min(MAX_WIDTH, 36 + CHAR_WIDTH * stateName.length()));
    }

    public static double width(String stateName) {
        return width(stateName, StateMarkers.NONE);
    }
}
