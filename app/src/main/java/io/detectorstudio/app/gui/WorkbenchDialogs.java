package io.detectorstudio.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions and messages the workbench puts to the user, as the view models see them (JabRef's DialogService):
 * the window answers them with JavaFX dialogs ({@link FxWorkbenchDialogs}), tests with scripted answers. No JavaFX.
 */
interface WorkbenchDialogs {

    enum CloseAnswer { SAVE, DISCARD, CANCEL }

    /** A save dialog: title, the suggested file name, the folder to start in (null: the default) and a filter. */
    record SaveQuestion(String title, String suggestedName, Path folder, String filterName, String filterGlob) {
        static SaveQuestion of(String title, String suggestedName) {
            return new SaveQuestion(title, suggestedName, null, null, null);
        }
    }

    Optional<Path> chooseModelToOpen();

    Optional<Path> chooseFolderToOpen();

    Optional<Path> chooseSaveTarget(SaveQuestion question);

    /** {@code modelName} has unsaved changes: save them, discard them, or cancel what would close the model. */
    CloseAnswer askToSaveChanges(String modelName);

    /** Offers unsaved work a crash left behind; true to restore it. */
    boolean askToRestore(String description);

    /** New values for a CloudFormation template's parameters, or empty when cancelled. */
    Optional<Map<String, String>> askTemplateParameters(String fileName, Map<String, String> given,
                                                       List<String> defaulted);

    void cannotOpen(Path file, Throwable error);

    void error(String header, String message);

    void warning(String header, List<String> lines);
}
