package io.detectorstudio.app.gui;

import java.util.UUID;
import java.util.prefs.Preferences;

/** A throw-away preferences node per test, so tests never touch the user's window state or recent files. */
final class TestPrefs {
    private TestPrefs() {
    }

    static Preferences fresh() {
        return Preferences.userRoot().node("io/detectorstudio/test/" + UUID.randomUUID());
    }
}
