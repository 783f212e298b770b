package io.detectorstudio.app.gui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application icon (icons/src/app-icon*.svg, rendered by icons/build.sh) in the sizes window managers pick from:
 * title bar, task bar and Alt+Tab. The PNGs are copied into the jar from {@code icons/app} by the app's pom.
 */
final class AppIcons {
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** Every size found on the class path; a missing file is skipped (the window then has the default icon). */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("icons/detector-studio-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (IOException e) {
                // unreadable icon: leave this size out
            }
        }
        return icons;
    }
}
