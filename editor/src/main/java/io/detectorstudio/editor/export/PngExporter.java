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
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the diagram to a PNG with Java2D from the same geometry as the canvas. Works with
 * {@code java.awt.headless=true} and never starts the JavaFX toolkit, so the command line can use it anywhere.
 */
public final class PngExporter {
    private static final double PAD = 40;
    private static final Color EDGE = new Color(0x4a5568);
    private static final Color TEXT = new Color(0x1a202c);
    private static final Color FILL = new Color(0xebf4ff);
    private static final Color STROKE = new Color(0x5a67d8);
    private static final Color INITIAL = new Color(0x2b6cb0);
    private static final Color BADGE = new Color(0xc3dafe);

    private PngExporter() {
    }

    public static BufferedImage render(String title, DiagramGraph graph, double scale) {
        double[] b = graph.bounds();
        double originX = b[0] - PAD, originY = b[1] - PAD - 24;
        int width = (int) Math.ceil((b[2] - b[0] + 2 * PAD) * scale);
        int height = (int) Math.ceil((b[3] - b[1] + 2 * PAD + 24) * scale);
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            g.translate(-originX, -originY);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, (float) (originX + 16), (float) (originY + 24));
            Map<String, EdgeRoute> routes = EdgeRouter.route(graph);
            for (DiagramTransition t : graph.transitions()) {
                EdgeRoute r = routes.get(t.key());
                if (r != null) {
                    edge(g, r);
                }
            }
            // labels over every line, so no later edge is drawn across an earlier label
            for (DiagramTransition t : graph.transitions()) {
                EdgeRoute r = routes.get(t.key());
                if (r != null) {
                    label(g, EdgeLabel.of(t), r.labelAt());
                }
            }
            graph.states().forEach(s -> state(g, s));
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(String title, DiagramGraph graph, double scale, OutputStream out) throws IOException {
        ImageIO.write(render(title, graph, scale), "png", out);
    }

    private static void edge(Graphics2D g, EdgeRoute r) {
        Path2D path = new Path2D.Double();
        path.moveTo(r.start().x(), r.start().y());
        switch (r.shape()) {
            case POLYLINE -> r.points().stream().skip(1).forEach(p -> path.lineTo(p.x(), p.y()));
            case QUADRATIC -> path.quadTo(r.points().get(1).x(), r.points().get(1).y(), r.end().x(), r.end().y());
            case CUBIC -> path.curveTo(r.points().get(1).x(), r.points().get(1).y(), r.points().get(2).x(),
                    r.points().get(2).y(), r.end().x(), r.end().y());
        }
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(1.4f));
        g.draw(path);
        arrow(g, r.arrowFrom(), r.end(), EDGE);
    }

    /** The full label, wrapped as {@link EdgeLabel} lays it out, on a white box of the reserved size. */
    private static void label(Graphics2D g, EdgeLabel label, Point centre) {
        double[] box = label.box(centre);
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(new RoundRectangle2D.Double(box[0], box[1], label.width(), label.height(), 6, 6));
        g.setColor(TEXT);
        for (int i = 0; i < label.lines().size(); i++) {
            g.setFont(new Font(Font.MONOSPACED, i == 0 ? Font.BOLD : Font.PLAIN, (int) EdgeLabel.FONT_SIZE));
            double baseline = box[1] + EdgeLabel.PAD_Y + i * EdgeLabel.LINE_HEIGHT + 0.8 * EdgeLabel.FONT_SIZE + 1;
            g.drawString(label.lines().get(i), (float) (box[0] + EdgeLabel.PAD_X), (float) baseline);
        }
    }

    private static void arrow(Graphics2D g, Point from, Point tip, Color color) {
        double angle = Math.atan2(tip.y() - from.y(), tip.x() - from.x());
        double len = 10, spread = Math.toRadians(24);
        Path2D head = new Path2D.Double();
        head.moveTo(tip.x(), tip.y());
        head.lineTo(tip.x() - len * Math.cos(angle - spread), tip.y() - len * Math.sin(angle - spread));
        head.lineTo(tip.x() - len * Math.cos(angle + spread), tip.y() - len * Math.sin(angle + spread));
        head.closePath();
        g.setColor(color);
        g.fill(head);
    }

    private static void state(Graphics2D g, DiagramState s) {
        double x = s.position().x(), y = s.position().y();
        if (s.initial()) {
            g.setColor(INITIAL);
            Point dot = InitialMarker.dot(s), tail = InitialMarker.tail(s), tip = InitialMarker.tip(s);
            double r = InitialMarker.DOT_RADIUS;
            g.fill(new java.awt.geom.Ellipse2D.Double(dot.x() - r, dot.y() - r, 2 * r, 2 * r));
            g.setStroke(new BasicStroke(1.6f));
            g.draw(new java.awt.geom.Line2D.Double(tail.x(), tail.y(), tip.x(), tip.y() - 2));
            arrow(g, tail, tip, INITIAL);
        }
        RoundRectangle2D box = new RoundRectangle2D.Double(x, y, s.width(), s.height(), 24, 24);
        g.setColor(FILL);
        g.fill(box);
        g.setColor(s.initial() ? INITIAL : STROKE);
        g.setStroke(new BasicStroke(s.initial() ? 2.2f : 1.4f));
        g.draw(box);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        FontMetrics fm = g.getFontMetrics();
        String name = Labels.elide(s.name(), 32);
        g.setColor(TEXT);
        g.drawString(name, (float) (x + (s.width() - fm.stringWidth(name)) / 2), (float) (y + 24));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        double bx = x + 10;
        String[] badges = {s.markers().onEnter() ? "enter" : null, s.markers().onInput() ? "input" : null,
            s.markers().onExit() ? "exit" : null, s.markers().timers() ? "timer" : null};
        for (String badge : badges) {
            if (badge != null) {
                g.setColor(BADGE);
                g.fill(new RoundRectangle2D.Double(bx, y + 34, 34, 13, 12, 12));
                g.setColor(new Color(0x2a4365));
                g.drawString(badge, (float) (bx + (34 - g.getFontMetrics().stringWidth(badge)) / 2), (float) (y + 44));
                bx += 38;
            }
        }
    }
}
