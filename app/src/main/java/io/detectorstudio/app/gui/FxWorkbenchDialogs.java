package io.detectorstudio.app.gui;

import io.detectorstudio.engine.io.ModelReadException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** {@link WorkbenchDialogs} as JavaFX dialogs owned by the main window. */
final class FxWorkbenchDialogs implements WorkbenchDialogs {

    private final Stage stage;

    FxWorkbenchDialogs(Stage stage) {
        this.stage = stage;
    }

    @Override
    public Optional<Path> chooseModelToOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a detector model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Models and templates", "*.json", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return Optional.ofNullable(chooser.showOpenDialog(stage)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolderToOpen() {
        return Optional.ofNullable(new DirectoryChooser().showDialog(stage)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveTarget(SaveQuestion question) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(question.title());
        if (question.filterName() != null) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(question.filterName(),
                    question.filterGlob()));
        }
        if (question.folder() != null && Files.isDirectory(question.folder())) {
            chooser.setInitialDirectory(question.folder().toFile());
        }
        chooser.setInitialFileName(question.suggestedName());
        return Optional.ofNullable(SaveDialog.show(chooser, stage)).map(File::toPath);
    }

    @Override
    public CloseAnswer askToSaveChanges(String modelName) {
        ButtonType save = new ButtonType("Save");
        ButtonType discard = new ButtonType("Discard");
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText(modelName + " has unsaved changes");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? CloseAnswer.SAVE : answer == discard ? CloseAnswer.DISCARD : CloseAnswer.CANCEL;
    }

    @Override
    public boolean askToRestore(String description) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.YES, ButtonType.NO);
        alert.initOwner(stage);
        alert.setTitle("Restore unsaved work");
        alert.setHeaderText("Detector Studio did not close cleanly");
        alert.setContentText(description);
        return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    @Override
    public Optional<Map<String, String>> askTemplateParameters(String fileName, Map<String, String> given,
                                                              List<String> defaulted) {
        return TemplateParametersDialog.ask(stage, fileName, given, defaulted);
    }

    @Override
    public void cannotOpen(Path file, Throwable error) {
        String where = error instanceof ModelReadException m && m.line() > 0
                ? " (line " + m.line() + ", column " + m.column() + ")" : "";
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("Cannot open " + file.getFileName());
        alert.setHeaderText(file.getFileName() + " cannot be opened" + where);
        alert.setContentText(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        alert.show();
    }

    @Override
    public void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.show();
    }

    @Override
    public void warning(String header, List<String> lines) {
        Alert alert = new Alert(Alert.AlertType.WARNING, String.join("\n", lines));
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.show();
    }
}
