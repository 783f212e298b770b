package io.detectorstudio.editor.diagram;

/**
 * Where Fit puts the view: the whole diagram centred when it fits at a zoom that keeps text legible, otherwise the
 * legible zoom itself with the start of the diagram in view (the layout runs left to right from the initial state)
 * and the rest reached by scrolling or through the minimap, as in other diagram editors: shrinking a big model until
 * all of it is on screen would make every label a grey smudge. Pure arithmetic, no toolkit.
 */
record FitView(double zoom, double panX, double panY) {
    /** Labels are {@code EdgeLabel.FONT_SIZE} (12) px: at 0.75 they are drawn 9 px high, the smallest that reads well. */
    static final double READABLE_ZOOM = 0.75;
    static final double MAX_FIT_ZOOM = 1.5;
    static final double MARGIN = 40;

    /**
     * @param bounds   the drawn diagram {minX, minY, maxX, maxY} in world coordinates
     * @param anchorY  the world y to keep in view when the diagram is taller than the window (the initial state's
     *                 centre), or NaN for the top
     */
    static FitView of(double[] bounds, double viewWidth, double viewHeight, double anchorY) {
        double w = Math.max(1, viewWidth), h = Math.max(1, viewHeight);
        double bw = bounds[2] - bounds[0], bh = bounds[3] - bounds[1];
        double z = Math.min(MAX_FIT_ZOOM, Math.min(w / (bw + 2 * MARGIN), h / (bh + 2 * MARGIN)));
        if (z >= READABLE_ZOOM) {
            return new FitView(z, (w - bw * z) / 2 - bounds[0] * z, (h - bh * z) / 2 - bounds[1] * z);
        }
        z = READABLE_ZOOM;
        double panX = bw * z + 2 * MARGIN <= w ? (w - bw * z) / 2 - bounds[0] * z : MARGIN - bounds[0] * z;
        double panY;
        if (bh * z + 2 * MARGIN <= h) {
            panY = (h - bh * z) / 2 - bounds[1] * z;
        } else {
            double top = MARGIN - bounds[1] * z;
            double bottom = h - MARGIN - bounds[3] * z;
            panY = Double.isNaN(anchorY) ? top : Math.max(bottom, Math.min(top, h / 2 - anchorY * z));
        }
        return new FitView(z, panX, panY);
    }
}
