package io.detectorstudio.app.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WorkbenchDialogs} for tests: answers set beforehand, messages recorded. */
final class ScriptedDialogs implements WorkbenchDialogs {

    CloseAnswer closeAnswer = CloseAnswer.CANCEL;
    Path saveTarget;
    boolean restore;
    final List<String> asked = new ArrayList<>();
    final List<String> shown = new ArrayList<>();

    @Override
    public Optional<Path> chooseModelToOpen() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFolderToOpen() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseSaveTarget(SaveQuestion question) {
        asked.add("save: " + question.title() + " " + question.suggestedName());
        return Optional.ofNullable(saveTarget);
    }

    @Override
    public CloseAnswer askToSaveChanges(String modelName) {
        asked.add("unsaved: " + modelName);
        return closeAnswer;
    }

    @Override
    public boolean askToRestore(String description) {
        asked.add("restore: " + description);
        return restore;
    }

    @Override
    public Optional<Map<String, String>> askTemplateParameters(String fileName, Map<String, String> given,
                                                              List<String> defaulted) {
        return Optional.empty();
    }

    @Override
    public void cannotOpen(Path file, Throwable error) {
        shown.add("cannot open " + file.getFileName() + ": " + error.getMessage());
    }

    @Override
    public void error(String header, String message) {
        shown.add(header + ": " + message);
    }

    @Override
    public void warning(String header, List<String> lines) {
        shown.add(header + ": " + String.join("; ", lines));
    }
}
