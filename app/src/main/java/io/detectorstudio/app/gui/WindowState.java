package io.detectorstudio.app.gui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Window size, position and divider positions, remembered in {@link Preferences} across runs and written when the
 * window closes (never from the transient layouts of start-up). The first start opens at {@value #FIRST_START}
 * of the screen, centred; a saved size is kept within the screen, and a saved position only if the title bar is
 * on a screen.
 *
 * <p>JavaFX 21's GTK glass maps a window that was sized before {@code show()} at GTK's default 200×200 under
 * some window managers (JDK-8316423, fixed in JavaFX 22, which needs Java 21). So after showing,
 * {@link #settle(Stage)} asks again for the size until the window has it, and only then places the dividers:
 * panes that do not resize with the window would otherwise keep the pixel widths they were squeezed to.
 */
final class WindowState {

    static final double FIRST_START = 0.8;
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 560;
    private static final Duration SETTLE_LIMIT = Duration.seconds(2);

    private final Preferences prefs;
    private final Map<String, SplitPane> panes = new LinkedHashMap<>();
    private final Map<String, double[]> wanted = new LinkedHashMap<>();
    private Rectangle2D requested;
    private boolean maximized;

    WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Sizes and places {@code stage} (before it is shown) as saved, or for a first start. */
    void restore(Stage stage) {
        requested = bounds(Screen.getPrimary().getVisualBounds(), prefs.getDouble("window.x", Double.NaN),
                prefs.getDouble("window.y", Double.NaN), prefs.getDouble("window.width", Double.NaN),
                prefs.getDouble("window.height", Double.NaN), onScreen(prefs.getDouble("window.x", Double.NaN),
                        prefs.getDouble("window.y", Double.NaN)));
        maximized = prefs.getBoolean("window.maximized", false);
        apply(stage);
    }

    /**
     * The bounds to open at on {@code screen}: the saved ones when there are any (size within the screen and at
     * least the minimum; position kept when {@code positionOnScreen}, else centred), else {@value #FIRST_START}
     * of the screen, centred.
     */
    static Rectangle2D bounds(Rectangle2D screen, double x, double y, double width, double height,
                              boolean positionOnScreen) {
        boolean saved = !Double.isNaN(width) && !Double.isNaN(height);
        double w = saved ? width : screen.getWidth() * FIRST_START;
        double h = saved ? height : screen.getHeight() * FIRST_START;
        w = Math.min(screen.getWidth(), Math.max(Math.min(MIN_WIDTH, screen.getWidth()), w));
        h = Math.min(screen.getHeight(), Math.max(Math.min(MIN_HEIGHT, screen.getHeight()), h));
        if (saved && positionOnScreen && !Double.isNaN(x) && !Double.isNaN(y)) {
            return new Rectangle2D(x, y, w, h);
        }
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    private static boolean onScreen(double x, double y) {
        return !Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x + 10, y + 10, 100, 20).isEmpty();
    }

    private void apply(Stage stage) {
        stage.setX(requested.getMinX());
        stage.setY(requested.getMinY());
        stage.setWidth(requested.getWidth());
        stage.setHeight(requested.getHeight());
        stage.setMaximized(maximized);
    }

    /**
     * Call right after {@code stage.show()}. For the first seconds, a window the window manager shrank to a fraction
     * of the requested size is asked for that size again (a user's resize is never that drastic that early), and
     * the dividers are placed whenever the window has the requested size, and once more at the end.
     */
    void settle(Stage stage) {
        InvalidationListener check = o -> {
            if (hasRequestedSize(stage)) {
                placeDividers();
            } else if (shrunk(stage)) {
                Platform.runLater(() -> apply(stage));
            }
        };
        stage.widthProperty().addListener(check);
        stage.heightProperty().addListener(check);
        PauseTransition limit = new PauseTransition(SETTLE_LIMIT);
        limit.setOnFinished(e -> {
            stage.widthProperty().removeListener(check);
            stage.heightProperty().removeListener(check);
            placeDividers();
        });
        limit.play();
        Platform.runLater(() -> check.invalidated(null));
    }

    private boolean hasRequestedSize(Stage stage) {
        if (maximized) {
            return stage.isMaximized();
        }
        return Math.abs(stage.getWidth() - requested.getWidth()) < 2
                && Math.abs(stage.getHeight() - requested.getHeight()) < 2;
    }

    private boolean shrunk(Stage stage) {
        return stage.getWidth() < requested.getWidth() / 2 || stage.getHeight() < requested.getHeight() / 2;
    }

    void save(Stage stage) {
        if (!stage.isMaximized()) {
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
        }
        prefs.putBoolean("window.maximized", stage.isMaximized());
        panes.forEach((name, pane) -> {
            for (int i = 0; i < pane.getDividers().size(); i++) {
                prefs.putDouble("divider." + name + "." + i, pane.getDividers().get(i).getPosition());
            }
        });
    }

    /**
     * Places the dividers of {@code pane} as saved under {@code name} (or at {@code defaults}) once the window has
     * its size, and saves them when the window closes. The panes' minimum sizes keep any of them from collapsing.
     */
    void track(String name, SplitPane pane, double... defaults) {
        double[] positions = new double[defaults.length];
        for (int i = 0; i < defaults.length; i++) {
            positions[i] = prefs.getDouble("divider." + name + "." + i, defaults[i]);
        }
        panes.put(name, pane);
        wanted.put(name, positions);
        pane.setDividerPositions(positions);
    }

    private void placeDividers() {
        wanted.forEach((name, positions) -> panes.get(name).setDividerPositions(positions));
    }

    String get(String key, String fallback) {
        return prefs.get(key, fallback);
    }

    void put(String key, String value) {
        prefs.put(key, value);
    }
}
