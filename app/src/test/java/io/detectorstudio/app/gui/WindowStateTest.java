package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.files.RecoveryStore;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15, defect 4: where the window opens (first start, saved, off-screen, too large) and that a saved layout
 * with collapsed panes (as written after a 200×200 start) never collapses a pane again. The real first start under
 * a window manager: {@code e2e.WindowLayoutE2E}.
 */
@ExtendWith(ApplicationExtension.class)
class WindowStateTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1920, 1080);
    private final Preferences prefs = TestPrefs.fresh();
    private Stage stage;

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void firstStartIsEightyPercentOfTheScreenCentred() {
        Rectangle2D b = WindowState.bounds(SCREEN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        assertThat(b).isEqualTo(new Rectangle2D(192, 108, 1536, 864));
    }

    @Test
    void savedBoundsAreKeptWhenOnScreenAndCentredOtherwise() {
        assertThat(WindowState.bounds(SCREEN, 40, 30, 1200, 800, true)).isEqualTo(new Rectangle2D(40, 30, 1200, 800));
        assertThat(WindowState.bounds(SCREEN, -5000, 30, 1200, 800, false))
                .isEqualTo(new Rectangle2D(360, 140, 1200, 800));
    }

    @Test
    void aSavedTinyOrHugeWindowIsBroughtWithinTheMinimumAndTheScreen() {
        Rectangle2D tiny = WindowState.bounds(SCREEN, 10, 10, 200, 200, true);
        assertThat(tiny.getWidth()).isEqualTo(WindowState.MIN_WIDTH);
        assertThat(tiny.getHeight()).isEqualTo(WindowState.MIN_HEIGHT);
        Rectangle2D huge = WindowState.bounds(SCREEN, 0, 0, 5000, 4000, true);
        assertThat(huge.getWidth()).isEqualTo(1920);
        assertThat(huge.getHeight()).isEqualTo(1080);
    }

    @Test
    void collapsedDividersSavedByAnEarlierRunDoNotCollapseAnyPane(FxRobot robot) throws Exception {
        prefs.putDouble("divider.body.0", 0.0);
        prefs.putDouble("divider.body.1", 0.999);
        prefs.putDouble("divider.left.0", 0.0);
        prefs.putDouble("divider.vertical.0", 0.999);
        prefs.putDouble("window.width", 1280);
        prefs.putDouble("window.height", 800);
        robot.interact(() -> {
            MainWindow window = new MainWindow(stage, prefs, new RecoveryStore(tempDir()));
            stage.setScene(RealTheme.scene(window.root(), 1280, 800));
            window.windowState().restore(stage);
            stage.show();
            window.windowState().settle(stage);
        });
        WaitForAsyncUtils.sleep(2500, TimeUnit.MILLISECONDS); // the settle period, after which the dividers are placed
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(width(robot, "#project")).isGreaterThanOrEqualTo(140);
        assertThat(height(robot, "#project")).isGreaterThanOrEqualTo(40);
        assertThat(height(robot, "#outline")).isGreaterThanOrEqualTo(40);
        assertThat(height(robot, "#bottom-tabs")).isGreaterThanOrEqualTo(100);
        SplitPane body = robot.lookup(".split-pane").match(n -> ((SplitPane) n).getItems().size() == 3).query();
        assertThat(body.getItems().get(1).getBoundsInLocal().getWidth()).as("diagram").isGreaterThanOrEqualTo(320);
        assertThat(body.getItems().get(2).getBoundsInLocal().getWidth()).as("properties").isGreaterThanOrEqualTo(240);
    }

    private static java.nio.file.Path tempDir() {
        try {
            return Files.createTempDirectory("recovery");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double width(FxRobot robot, String id) {
        return robot.lookup(id).query().getBoundsInLocal().getWidth();
    }

    private static double height(FxRobot robot, String id) {
        return robot.lookup(id).query().getBoundsInLocal().getHeight();
    }
}
