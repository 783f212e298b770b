package io.detectorstudio.editor.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RepaintBoundaryTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void thePaneIsClippedToItsOwnBoundsWhateverItsSize(FxRobot robot) {
        StackPane pane = new StackPane();
        robot.interact(() -> {
            RepaintBoundary.install(pane);
            pane.resize(640, 180);
        });
        Rectangle clip = (Rectangle) pane.getClip();
        assertThat(clip.getX()).isZero();
        assertThat(clip.getY()).isZero();
        assertThat(clip.getWidth()).isEqualTo(640);
        assertThat(clip.getHeight()).isEqualTo(180);

        robot.interact(() -> pane.resize(1366, 300));
        assertThat(clip.getWidth()).as("follows the pane").isEqualTo(1366);
        assertThat(clip.getHeight()).isEqualTo(300);
    }
}
