package io.detectorstudio.app.gui;

import java.util.prefs.Preferences;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/** Window size, position and divider positions, remembered in {@link Preferences} across runs. */
final class WindowState {

    private final Preferences prefs;

    WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    void restore(Stage stage) {
        stage.setWidth(prefs.getDouble("window.width", 1400));
        stage.setHeight(prefs.getDouble("window.height", 900));
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("window.maximized", false));
    }

    void save(Stage stage) {
        if (!stage.isMaximized()) {
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
        }
        prefs.putBoolean("window.maximized", stage.isMaximized());
    }

    /** Restores the dividers of {@code pane} (saved under {@code name}) and remembers every later move. */
    void track(String name, SplitPane pane, double... defaults) {
        double[] positions = new double[defaults.length];
        for (int i = 0; i < defaults.length; i++) {
            positions[i] = prefs.getDouble("divider." + name + "." + i, defaults[i]);
        }
        pane.setDividerPositions(positions);
        for (int i = 0; i < pane.getDividers().size(); i++) {
            int index = i;
            pane.getDividers().get(i).positionProperty().addListener((obs, old, now) ->
                    prefs.putDouble("divider." + name + "." + index, now.doubleValue()));
        }
    }

    String get(String key, String fallback) {
        return prefs.get(key, fallback);
    }

    void put(String key, String value) {
        prefs.put(key, value);
    }
}
