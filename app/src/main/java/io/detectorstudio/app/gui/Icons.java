package io.detectorstudio.app.gui;

import org.kordamp.ikonli.javafx.FontIcon;

/** Ikonli Material Design 2 icons by literal ({@code mdi2f-folder-open}); they follow the theme's text colour. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.setIconSize(16);
        icon.getStyleClass().add("app-icon");
        return icon;
    }
}
