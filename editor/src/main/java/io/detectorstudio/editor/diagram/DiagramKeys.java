package io.detectorstudio.editor.diagram;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The zoom keys of the diagram, one definition for the canvas's key handling and the application's menus and
 * toolbar (which use these as their accelerators): Fit is Shortcut+9, actual size (100 %) Shortcut+0.
 */
public final class DiagramKeys {

    public static final KeyCombination FIT = new KeyCodeCombination(KeyCode.DIGIT9, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ACTUAL_SIZE =
            new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);

    private DiagramKeys() {
    }
}
