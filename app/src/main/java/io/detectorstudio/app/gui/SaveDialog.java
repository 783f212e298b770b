package io.detectorstudio.app.gui;

import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Shows a save dialog. With {@code -Ddetectorstudio.saveDialog.directory=DIR} it is not shown and answers
 * {@code DIR/<the suggested file name>}, as a user accepting the suggestion in DIR would: the end-to-end tests
 * drive every menu action for real, but GTK's native file dialog cannot be driven by a robot.
 */
final class SaveDialog {

    static final String ANSWER_DIRECTORY = "detectorstudio.saveDialog.directory";

    private SaveDialog() {
    }

    static File show(FileChooser chooser, Window owner) {
        String directory = System.getProperty(ANSWER_DIRECTORY);
        if (directory != null && chooser.getInitialFileName() != null) {
            return new File(directory, chooser.getInitialFileName());
        }
        return chooser.showSaveDialog(owner);
    }
}
