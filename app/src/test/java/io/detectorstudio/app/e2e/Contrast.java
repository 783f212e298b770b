package io.detectorstudio.app.e2e;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Bounds;

/**
 * Reads colours off a screenshot as a reviewer would: in a region (a header, a label, a box on the canvas) the
 * most frequent colour is the background, the pixel that stands out most is the text, and their WCAG contrast
 * ratio says whether the text can be read (4.5 for normal text, WCAG 2 AA).
 */
record Contrast(double background, double text, double ratio) {

    static Contrast of(BufferedImage screen, Bounds region) {
        int x0 = (int) Math.max(0, Math.floor(region.getMinX()));
        int y0 = (int) Math.max(0, Math.floor(region.getMinY()));
        int x1 = (int) Math.min(screen.getWidth(), Math.ceil(region.getMaxX()));
        int y1 = (int) Math.min(screen.getHeight(), Math.ceil(region.getMaxY()));
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                counts.merge(screen.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        int backgroundRgb = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double bg = luminance(backgroundRgb);
        double best = bg;
        for (int rgb : counts.keySet()) {
            double l = luminance(rgb);
            if (ratio(l, bg) > ratio(best, bg)) {
                best = l;
            }
        }
        return new Contrast(bg, best, ratio(best, bg));
    }

    /** WCAG relative luminance of an sRGB colour. */
    static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static double ratio(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    @Override
    public String toString() {
        return String.format("background luminance %.2f, text %.2f, contrast %.1f:1", background, text, ratio);
    }
}
