package io.detectorstudio.editor.export;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeLabel;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.EdgeRouter;
import io.detectorstudio.editor.graph.InitialMarker;
import io.detectorstudio.editor.graph.Labels;
import io.detectorstudio.editor.graph.Point;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the diagram as standalone SVG from the same geometry the canvas uses ({@link EdgeRouter}). Needs no
 * JavaFX, so the command line can export SVG without starting a toolkit.
 */
public final class SvgExporter {
    private static final double PAD = 40;
    /** Monospaced, like the canvas, so the box reserved from character counts fits the text. */
    static final String LABEL_FONTS = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace";

    private SvgExporter() {
    }

    public static String toSvg(String title, DiagramGraph graph) {
        double[] b = graph.bounds();
        double minX = b[0] - PAD, minY = b[1] - PAD - 24;
        double width = b[2] - b[0] + 2 * PAD, height = b[3] - b[1] + 2 * PAD + 24;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.1f %.1f %.1f %.1f\" width=\"%.0f\" height=\"%.0f\""
                        + " font-family=\"Segoe UI, Helvetica, Arial, sans-serif\">%n", minX, minY, width, height, width, height));
        svg.append("  <title>").append(escape(title)).append("</title>\n");
        svg.append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a5568\"/>"
                + "</marker></defs>\n");
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\"/>%n",
                minX, minY, width, height));
        svg.append(String.format(Locale.ROOT,
                "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"15\" font-weight=\"600\" fill=\"#1a202c\">%s</text>%n",
                minX + 16, minY + 24, escape(title)));
        Map<String, EdgeRoute> routes = EdgeRouter.route(graph);
        for (DiagramTransition t : graph.transitions()) {
            EdgeRoute r = routes.get(t.key());
            if (r != null) {
                edge(svg, t, r);
            }
        }
        // labels over every line, so no later edge is drawn across an earlier label
        for (DiagramTransition t : graph.transitions()) {
            EdgeRoute r = routes.get(t.key());
            if (r != null) {
                svg.append("  <g class=\"label\">\n").append(label(EdgeLabel.of(t), r.labelAt())).append("  </g>\n");
            }
        }
        for (DiagramState s : graph.states()) {
            state(svg, s);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void edge(StringBuilder svg, DiagramTransition t, EdgeRoute r) {
        svg.append("  <g class=\"transition\">\n    <title>").append(escape(Labels.full(t))).append("</title>\n");
        svg.append("    <path d=\"").append(pathData(r))
                .append("\" fill=\"none\" stroke=\"#4a5568\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/>\n  </g>\n");
    }

    /** The full label, one {@code tspan} per wrapped line (event name bold), on a white box of the reserved size. */
    static String label(EdgeLabel label, Point centre) {
        double[] box = label.box(centre);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "    <rect class=\"label-box\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\""
                        + " fill=\"#ffffff\" fill-opacity=\"0.9\"/>%n", box[0], box[1], label.width(), label.height()));
        out.append(String.format(Locale.ROOT, "    <text class=\"transition-label\" font-family=\"%s\" font-size=\"%.0f\""
                + " fill=\"#1a202c\" xml:space=\"preserve\">", LABEL_FONTS, EdgeLabel.FONT_SIZE));
        double x = box[0] + EdgeLabel.PAD_X;
        for (int i = 0; i < label.lines().size(); i++) {
            // baseline about 0.8 em below the top of each line
            double y = box[1] + EdgeLabel.PAD_Y + i * EdgeLabel.LINE_HEIGHT + 0.8 * EdgeLabel.FONT_SIZE + 1;
            out.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" y=\"%.1f\"%s>%s</tspan>", x, y,
                    i == 0 ? " font-weight=\"600\"" : "", escape(label.lines().get(i))));
        }
        return out.append("</text>\n").toString();
    }

    static String pathData(EdgeRoute r) {
        StringBuilder d = new StringBuilder();
        Point start = r.start();
        d.append(String.format(Locale.ROOT, "M%.1f,%.1f", start.x(), start.y()));
        switch (r.shape()) {
            case POLYLINE -> r.points().stream().skip(1)
                    .forEach(p -> d.append(String.format(Locale.ROOT, " L%.1f,%.1f", p.x(), p.y())));
            case QUADRATIC -> d.append(String.format(Locale.ROOT, " Q%.1f,%.1f %.1f,%.1f",
                    r.points().get(1).x(), r.points().get(1).y(), r.end().x(), r.end().y()));
            case CUBIC -> d.append(String.format(Locale.ROOT, " C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
                    r.points().get(1).x(), r.points().get(1).y(), r.points().get(2).x(), r.points().get(2).y(),
                    r.end().x(), r.end().y()));
        }
        return d.toString();
    }

    private static void state(StringBuilder svg, DiagramState s) {
        double x = s.position().x(), y = s.position().y();
        svg.append("  <g class=\"state\">\n");
        if (s.initial()) {
            Point dot = InitialMarker.dot(s), tail = InitialMarker.tail(s), tip = InitialMarker.tip(s);
            svg.append(String.format(Locale.ROOT,
                    "    <circle class=\"initial-marker\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" fill=\"#2b6cb0\"/>%n"
                            + "    <path d=\"M%.1f,%.1f L%.1f,%.1f\" stroke=\"#2b6cb0\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"/>%n",
                    dot.x(), dot.y(), InitialMarker.DOT_RADIUS, tail.x(), tail.y(), tip.x(), tip.y()));
        }
        svg.append(String.format(Locale.ROOT,
                "    <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"12\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                x, y, s.width(), s.height(), "#ebf4ff", s.initial() ? "#2b6cb0" : "#5a67d8", s.initial() ? "2.2" : "1.4"));
        svg.append(String.format(Locale.ROOT,
                "    <text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#1a202c\">%s</text>%n",
                x + s.width() / 2, y + 24, escape(s.name())));
        String[] badges = {s.markers().onEnter() ? "enter" : null, s.markers().onInput() ? "input" : null,
            s.markers().onExit() ? "exit" : null, s.markers().timers() ? "timer" : null};
        double bx = x + 10;
        for (String badge : badges) {
            if (badge != null) {
                svg.append(String.format(Locale.ROOT,
                        "    <rect x=\"%.1f\" y=\"%.1f\" width=\"34\" height=\"13\" rx=\"6\" fill=\"#c3dafe\"/>"
                                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\" fill=\"#2a4365\">%s</text>%n",
                        bx, y + 34, bx + 17, y + 44, badge));
                bx += 38;
            }
        }
        svg.append("  </g>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
