package io.detectorstudio.editor.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.graph.StateMarkers;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MinimapTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void itIsNeededOnlyWhenAnEdgeOfTheDiagramIsOutOfView() {
        double[] bounds = {0, 0, 400, 200};
        assertThat(Minimap.showsAll(new double[] {-10, -10, 500, 300}, bounds)).isTrue();
        assertThat(Minimap.showsAll(new double[] {0, 0, 400, 200}, bounds)).isTrue();
        assertThat(Minimap.showsAll(new double[] {1, 0, 400, 200}, bounds)).as("left edge out").isFalse();
        assertThat(Minimap.showsAll(new double[] {0, 1, 400, 200}, bounds)).as("top edge out").isFalse();
        assertThat(Minimap.showsAll(new double[] {0, 0, 399, 200}, bounds)).as("right edge out").isFalse();
        assertThat(Minimap.showsAll(new double[] {0, 0, 400, 199}, bounds)).as("bottom edge out").isFalse();
    }

    @Test
    void aDeletedStateLeavesNoTraceInTheMinimap(FxRobot robot) {
        double[] view = {0, 0, 800, 600};
        DiagramGraph big = new DiagramGraph(List.of(
                new DiagramState("A", new Point(0, 0), true, StateMarkers.NONE),
                new DiagramState("B", new Point(600, 400), false, StateMarkers.NONE)), List.of());
        DiagramGraph afterDelete = new DiagramGraph(List.of(
                new DiagramState("B", new Point(600, 400), false, StateMarkers.NONE)), List.of());
        WritableImage[] images = new WritableImage[2];
        robot.interact(() -> {
            Minimap edited = new Minimap((x, y) -> { });
            edited.draw(big, big.bounds(), view, DiagramPalette.LIGHT);
            edited.draw(afterDelete, afterDelete.bounds(), view, DiagramPalette.LIGHT);
            Minimap fresh = new Minimap((x, y) -> { });
            fresh.draw(afterDelete, afterDelete.bounds(), view, DiagramPalette.LIGHT);
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            images[0] = edited.snapshot(p, null);
            images[1] = fresh.snapshot(p, null);
        });
        for (int x = 2; x < 178; x += 3) {
            for (int y = 2; y < 118; y += 3) {
                assertThat(images[0].getPixelReader().getArgb(x, y)).as("pixel %d,%d", x, y)
                        .isEqualTo(images[1].getPixelReader().getArgb(x, y));
            }
        }
    }
}
