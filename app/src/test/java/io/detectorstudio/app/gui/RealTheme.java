package io.detectorstudio.app.gui;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * For component tests of the window's parts: the theme users see (AtlantaFX's PrimerLight and theme.css, with the
 * window's scene root) instead of JavaFX's own, whose smaller fonts and paddings hide what does not fit. The theme
 * is application-wide: {@link #restore} gives later tests in the JVM the one they had.
 */
public final class RealTheme {

    private final String before = Application.getUserAgentStylesheet();

    /** A scene of {@code content} as the window makes it, under the light theme. */
    public Scene scene(Parent content, double width, double height) {
        Themes.LIGHT.apply();
        return StudioScene.create(content, width, height);
    }

    /** Puts back the application's theme of before. */
    public void restore() {
        Application.setUserAgentStylesheet(before);
    }
}
