package io.detectorstudio.editor.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.export.DiagramExport;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.EdgeLabel;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.EdgeRouter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The HVAC sample on the canvas as a user opens it (its saved layout, a 1280×800 window, Fit), rendered: the labels
 * are legible, a hovered transition's full label is drawn on top with its emphasis, and the pictures are written to
 * {@code target/screenshots/} for a reviewer to look at.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramRenderingTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private GraphDocument document;
    private DiagramEditorPane pane;

    @Start
    void start(Stage stage) throws Exception {
        document = new GraphDocument(DiagramExport.placed(Path.of("..", "samples", "hvac", "model.json")));
        pane = new DiagramEditorPane(document);
        stage.setScene(new Scene(pane, 1280, 800));
        stage.show();
    }

    @Test
    void theHvacSampleAtFitIsLegibleAndAHoveredTransitionShowsItsFullLabelOnTop(FxRobot robot) throws Exception {
        robot.interact(pane::fitToWindow);
        assertThat(pane.zoomProperty().get() * EdgeLabel.FONT_SIZE).isGreaterThanOrEqualTo(9.0);
        save(robot, "diagram-hvac-fit.png");

        DiagramGraph g = document.graphProperty().get();
        String key = "idle/highTemperatureThreshold";
        EdgeRoute route = EdgeRouter.route(g).get(key);
        Point2D at = pane.canvas().localToScreen(pane.toViewport(route.labelAt().x(), route.labelAt().y()));
        robot.moveTo(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.hoveredTransitionProperty().get()).isEqualTo(key);
        BufferedImage shot = save(robot, "diagram-hvac-hover.png");

        // the emphasis outline of the hovered label is on screen, drawn where the label's box is
        assertHoverOutline(shot, g, key, route, DiagramPalette.LIGHT);

        robot.clickOn(at);
        assertThat(pane.selectionProperty().get().transitions()).containsExactly(key);
        robot.moveTo(pane.canvas().localToScreen(10, 10));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".emphasised-label").<javafx.scene.Node>queryAll()).extracting(javafx.scene.Node::getUserData)
                .containsExactly(key);
        save(robot, "diagram-hvac-selected.png");
    }

    @Test
    void inTheDarkPaletteLabelsAndHoverTakeTheDarkColoursAndStayReadable(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.paletteProperty().set(DiagramPalette.DARK);
            pane.fitToWindow();
        });
        DiagramGraph g = document.graphProperty().get();
        String key = "idle/highTemperatureThreshold";
        EdgeRoute route = EdgeRouter.route(g).get(key);
        javafx.scene.Group label = robot.lookup(".transition-label").match(n -> key.equals(n.getUserData())).query();
        assertThat(((javafx.scene.shape.Rectangle) label.getChildren().get(0)).getFill())
                .isEqualTo(DiagramPalette.DARK.labelFill());
        assertThat(label.getChildren().stream().skip(1).map(n -> ((javafx.scene.text.Text) n).getFill()).distinct())
                .containsExactly(DiagramPalette.DARK.text());
        // light text on the dark label box: WCAG AA for normal text
        assertThat(contrast(DiagramPalette.DARK.text(), over(DiagramPalette.DARK.labelFill(), DiagramPalette.DARK.background())))
                .isGreaterThanOrEqualTo(4.5);

        Point2D at = pane.canvas().localToScreen(pane.toViewport(route.labelAt().x(), route.labelAt().y()));
        robot.moveTo(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.hoveredTransitionProperty().get()).isEqualTo(key);
        BufferedImage shot = save(robot, "diagram-hvac-dark-hover.png");
        assertHoverOutline(shot, g, key, route, DiagramPalette.DARK);

        // back to light: everything redrawn in the light colours
        robot.interact(() -> pane.paletteProperty().set(DiagramPalette.LIGHT));
        javafx.scene.Group relabelled = robot.lookup(".transition-label").match(n -> key.equals(n.getUserData())).query();
        assertThat(((javafx.scene.shape.Rectangle) relabelled.getChildren().get(0)).getFill())
                .isEqualTo(DiagramPalette.LIGHT.labelFill());
    }

    /** The hovered label's outline, in the palette's hover colour, runs along the top and bottom of its box. */
    private void assertHoverOutline(BufferedImage shot, DiagramGraph g, String key, EdgeRoute route, DiagramPalette palette) {
        double[] box = EdgeLabel.of(g.transition(key).orElseThrow()).box(route.labelAt());
        Point2D topLeft = pane.toViewport(box[0], box[1]);
        Point2D bottomRight = pane.toViewport(box[2], box[3]);
        int outline = 0;
        for (int x = (int) topLeft.getX(); x <= (int) bottomRight.getX(); x++) {
            for (int y : new int[] {(int) Math.round(topLeft.getY()), (int) Math.round(bottomRight.getY())}) {
                for (int dy = -1; dy <= 1; dy++) {
                    if (near(shot.getRGB(x, y + dy), palette.hover())) {
                        outline++;
                        break;
                    }
                }
            }
        }
        assertThat(outline).as("outline pixels along the label's top and bottom")
                .isGreaterThan((int) (0.8 * (bottomRight.getX() - topLeft.getX())));
    }

    /** {@code top} (partly transparent) composited over the opaque {@code under}. */
    private static javafx.scene.paint.Color over(javafx.scene.paint.Color top, javafx.scene.paint.Color under) {
        double a = top.getOpacity();
        return javafx.scene.paint.Color.color(top.getRed() * a + under.getRed() * (1 - a),
                top.getGreen() * a + under.getGreen() * (1 - a), top.getBlue() * a + under.getBlue() * (1 - a));
    }

    /** WCAG contrast ratio of two opaque colours. */
    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double c) {
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private BufferedImage save(FxRobot robot, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = pane.canvas().snapshot(null, null));
        BufferedImage shot = SwingFXUtils.fromFXImage(image[0], null);
        Files.createDirectories(SHOTS);
        ImageIO.write(shot, "png", SHOTS.resolve(name).toFile());
        return shot;
    }

    private static boolean near(int argb, javafx.scene.paint.Color c) {
        int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
        return Math.abs(r - c.getRed() * 255) < 40 && Math.abs(g - c.getGreen() * 255) < 40 && Math.abs(b - c.getBlue() * 255) < 40;
    }
}
