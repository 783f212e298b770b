package io.detectorstudio.app.gui;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * For component tests of the window and its parts: the scene as the app makes it (theme.css over AtlantaFX's
 * PrimerLight, the root that never changes) instead of JavaFX's own theme, whose smaller fonts and paddings hide what
 * does not fit. The theme is application-wide and every component test of the window uses it, so none puts JavaFX's
 * own back: a window still showing theme.css under modena logs CSS ClassCastExceptions (theme.css looks up
 * AtlantaFX's colours), and a plain {@code Scene} has its root swapped by ControlsFX's decorations, which loses the
 * looked-up colours for a pulse.
 */
public final class RealTheme {

    private RealTheme() {
    }

    /** A scene of {@code content} as the window makes it, under the light theme. */
    public static Scene scene(Parent content, double width, double height) {
        Themes.LIGHT.apply();
        return StudioScene.create(content, width, height);
    }
}
