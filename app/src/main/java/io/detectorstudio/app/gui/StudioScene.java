package io.detectorstudio.app.gui;

import impl.org.controlsfx.skin.DecorationPane;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** The main window's scene: the theme's completion sheet, and a root that never changes while the app runs. */
final class StudioScene {

    static final String THEME_STYLESHEET = StudioScene.class.getResource("theme.css").toExternalForm();

    private StudioScene() {
    }

    /**
     * {@code content} inside ControlsFX's {@link DecorationPane} from the start. Otherwise the first validated field
     * (any property panel) makes ControlsFX's {@code Decorator} swap the scene's root for one, and in that pulse the
     * moved nodes do not find the theme's looked-up colours: "Could not resolve '-color-fg-default'" and
     * {@code ClassCastException} warnings, with unstyled labels and inputs.
     */
    static Scene create(Parent content, double width, double height) {
        DecorationPane root = new DecorationPane();
        root.setRoot(content);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(THEME_STYLESHEET);
        return scene;
    }
}
