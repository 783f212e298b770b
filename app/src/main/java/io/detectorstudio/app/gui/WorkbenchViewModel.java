package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.WorkbenchDialogs.CloseAnswer;
import io.detectorstudio.app.gui.WorkbenchDialogs.SaveQuestion;
import io.detectorstudio.app.gui.files.ExportFormat;
import io.detectorstudio.app.gui.files.ModelTemplates;
import io.detectorstudio.app.gui.files.ProjectFiles;
import io.detectorstudio.app.gui.files.RecentFiles;
import io.detectorstudio.app.gui.files.RecoveryStore;
import io.detectorstudio.app.gui.files.TemplateParameterText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The workbench's state and commands, without a toolkit (JabRef's gui → logic split): the open model
 * ({@link ModelWorkspace}), the project around it ({@link ProjectTreeViewModel}), its problems
 * ({@link ProblemsViewModel}); open a file or folder, new from a template, save / save as, export, autosave and
 * recovery, and the checks after each edit. Files are read, written and scanned through {@link BackgroundWork};
 * checks go through {@link LatestResults} on immutable snapshots, so the newest edit's problems are the ones shown.
 * Questions go to {@link WorkbenchDialogs}. Runs on one thread (the FX thread in the window).
 */
final class WorkbenchViewModel {

    private final BackgroundWork work;
    private final ModelChecks checks;
    private final WorkbenchDialogs dialogs;
    private final RecentFiles recent;
    private final RecoveryCommands recoveryCommands;
    private final ProjectTreeViewModel project = new ProjectTreeViewModel();
    private final ProblemsViewModel problems = new ProblemsViewModel();
    private final ReadOnlyObjectWrapper<ModelWorkspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Detector Studio");
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private int running;

    /**
     * @param work   file work: open, save, export, scans, autosave
     * @param checks model checks (one at a time is enough; only the newest result is shown)
     */
    WorkbenchViewModel(BackgroundWork work, BackgroundWork checks, WorkbenchDialogs dialogs, RecentFiles recent,
                       RecoveryStore recovery) {
        this.work = work;
        this.checks = new ModelChecks(checks, problems, workspace.getReadOnlyProperty());
        this.dialogs = dialogs;
        this.recent = recent;
        this.recoveryCommands = new RecoveryCommands(this, work, recovery, dialogs);
    }

    // ---------------------------------------------------------------- state

    ReadOnlyObjectProperty<ModelWorkspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    ProjectTreeViewModel project() {
        return project;
    }

    ProblemsViewModel problems() {
        return problems;
    }

    /** The window title: model — file • (unsaved) — Detector Studio. */
    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The status line: what runs, what happened. */
    StringProperty statusProperty() {
        return status;
    }

    /** True while file work runs (the progress bar shows). */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The diagram's zoom (the window binds it to the editor's), saved with the layout. */
    DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Checks of the open model after each edit and while a field is typed in. */
    ModelChecks checks() {
        return checks;
    }

    boolean isDirty() {
        ModelWorkspace w = workspace.get();
        return w != null && w.dirtyProperty().get();
    }

    // ---------------------------------------------------------------- open

    void openDialog() {
        dialogs.chooseModelToOpen().ifPresent(this::open);
    }

    void openFolderDialog() {
        dialogs.chooseFolderToOpen().ifPresent(this::open);
    }

    /**
     * Opens {@code file} in the background (a folder: its {@code model.json} or first model, the folder as the
     * project). Only once it is read is the user asked about unsaved changes; cancelling keeps the current model
     * and its project tree, and an unreadable file leaves everything as it was.
     */
    BackgroundWork.Job open(Path file) {
        Path currentRoot = project.root();
        return background("Opening " + file.getFileName(), () -> ModelOpening.read(file, currentRoot, Map.of()), opened -> {
            if (opened.workspace() == null) {
                project.show(opened.project()); // nothing to open: the tree shows what the folder holds
                return;
            }
            whenClosable(() -> {
                recent.add(opened.workspace().file(), opened.workspace().name());
                show(opened.workspace(), opened.project());
            });
        }, this::cannotOpen);
    }

    /** Reads the current template again with {@code parameters}; its problems say which defaults remain. */
    BackgroundWork.Job reopenWithParameters(Map<String, String> parameters) {
        ModelWorkspace w = workspace.get();
        if (w == null || w.file() == null) {
            return null;
        }
        BackgroundWork.Job[] job = {null};
        whenClosable(() -> job[0] = background("Reading " + w.file().getFileName(),
                () -> ModelOpening.read(w.file(), project.root(), parameters),
                opened -> show(opened.workspace(), opened.project()), this::cannotOpen));
        return job[0];
    }

    /** File ▸ Template parameters…: asks for new values and reads the template again with them. */
    void templateParameters() {
        ModelWorkspace w = workspace.get();
        if (w != null && w.isTemplate()) {
            dialogs.askTemplateParameters(w.file().getFileName().toString(), w.parameters(),
                    TemplateParameterText.defaulted(w.problems())).ifPresent(this::reopenWithParameters);
        }
    }

    /** A new, untitled model from {@code template} (it belongs to no project yet). */
    BackgroundWork.Job newFromTemplate(ModelTemplates template) {
        BackgroundWork.Job[] job = {null};
        whenClosable(() -> job[0] = background("New " + template.title(),
                () -> ModelWorkspace.fromBytes(null, template.bytes()), w -> show(w, null),
                e -> dialogs.cannotOpen(Path.of(template.title()), e)));
        return job[0];
    }

    private void cannotOpen(Throwable e) {
        if (e instanceof ModelOpening.CannotOpen c) {
            dialogs.cannotOpen(c.file(), c.getCause());
        } else {
            dialogs.cannotOpen(Path.of("?"), e);
        }
    }

    /** Shows {@code opened} (with {@code files} as the project, null: keep the tree or, untitled, clear it). */
    void show(ModelWorkspace opened, ProjectFiles files) {
        ModelWorkspace previous = workspace.get();
        if (previous != null) {
            discardRecovery(previous);
        }
        problems.show(opened.problems());
        opened.document().modelProperty().addListener((obs, old, now) -> {
            updateTitle(); // the model's name may have changed
            checks.revalidate(opened);
        });
        opened.document().inputsProperty().addListener((obs, old, now) -> checks.revalidate(opened));
        opened.dirtyProperty().addListener(o -> updateTitle());
        if (opened.file() == null) {
            project.clear(); // a new, untitled model belongs to no folder yet
        } else if (files != null) {
            project.show(files);
        }
        workspace.set(opened);
        updateTitle();
        showOpenModel();
    }

    private void showOpenModel() {
        ModelWorkspace w = workspace.get();
        project.openModelProperty().set(w == null || w.file() == null ? null : w.file().toAbsolutePath());
    }

    private void updateTitle() {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            title.set("Detector Studio");
            return;
        }
        String file = w.file() == null ? "untitled" : w.file().getFileName().toString();
        title.set(w.name() + " — " + file + (w.dirtyProperty().get() ? " •" : "") + " — Detector Studio");
    }

    // ---------------------------------------------------------------- close

    /**
     * Runs {@code then} once the current model may be replaced: nothing unsaved, or the user chose to discard, or
     * to save and the save succeeded. Cancelled: never.
     */
    void whenClosable(Runnable then) {
        ModelWorkspace w = workspace.get();
        if (w == null || !w.dirtyProperty().get()) {
            then.run();
            return;
        }
        CloseAnswer answer = dialogs.askToSaveChanges(w.name());
        if (answer == CloseAnswer.SAVE) {
            save(then);
        } else if (answer == CloseAnswer.DISCARD) {
            discardRecovery(w);
            then.run();
        }
    }

    /** The window closes: the closed model's recovery copy goes (now: the application may exit next). */
    void closing() {
        ModelWorkspace w = workspace.get();
        if (w != null) {
            try {
                recoveryCommands.discardNow(w);
            } catch (java.io.IOException e) {
                status.set("Cannot clear the recovery copy: " + e.getMessage()); // it is offered next time
            }
        }
    }

    // ---------------------------------------------------------------- save

    BackgroundWork.Job save() {
        return save(() -> { });
    }

    /** Saves over the model's file, or asks where when it has none (or is not request JSON); then {@code then}. */
    BackgroundWork.Job save(Runnable then) {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            return null;
        }
        return w.file() == null || !isRequestFile(w.file()) ? saveAs(then) : saveTo(w.file(), then);
    }

    /** A file we can save over as request JSON (CloudFormation and exports are exported, not overwritten). */
    static boolean isRequestFile(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".json") && !name.endsWith(".template.json");
    }

    BackgroundWork.Job saveAs() {
        return saveAs(() -> { });
    }

    private BackgroundWork.Job saveAs(Runnable then) {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            return null;
        }
        return dialogs.chooseSaveTarget(new SaveQuestion("Save the model as", w.name() + ".json", null,
                "Model (request JSON)", "*.json")).map(target -> saveTo(target, then)).orElse(null);
    }

    BackgroundWork.Job saveTo(Path target) {
        return saveTo(target, () -> { });
    }

    /**
     * Saves model, layout and input definitions atomically to {@code target} in the background; the recovery copy
     * goes and the project tree is scanned again (new inputs, a first save). A failed save says why and keeps the
     * model unsaved.
     */
    private BackgroundWork.Job saveTo(Path target, Runnable then) {
        ModelWorkspace w = workspace.get();
        ModelWorkspace.Saving saving = w.saving(zoom.get());
        Path folder = project.contains(target) ? project.root() : ProjectFiles.folderOf(target);
        return background("Saving " + target.getFileName(), () -> {
            saving.write(target);
            recoveryCommands.discardNow(w);
            return ModelOpening.scanQuietly(folder);
        }, files -> {
            w.saved(target, saving);
            recent.add(target, w.name());
            updateTitle();
            if (files != null && workspace.get() == w) {
                project.show(files);
            }
            showOpenModel();
            then.run();
        }, e -> dialogs.error("Cannot save " + target.getFileName(), e.getMessage()));
    }

    /** Scans the project folder again (after a scenario was saved into it). */
    void rescanProject() {
        Path root = project.root();
        if (root != null) {
            work.submit("Scanning " + root.getFileName(), () -> ModelOpening.scanQuietly(root), files -> {
                if (files != null && root.equals(project.root())) {
                    project.show(files);
                }
            }, e -> { });
        }
    }

    // ---------------------------------------------------------------- export

    void exportDialog(ExportFormat format) {
        ModelWorkspace w = workspace.get();
        if (w != null) {
            dialogs.chooseSaveTarget(SaveQuestion.of(format.title(), w.name() + "." + format.extension()))
                    .ifPresent(target -> export(format, target));
        }
    }

    /** Writes the export in the background (atomically); warns when the result cannot be deployed as it is. */
    BackgroundWork.Job export(ExportFormat format, Path target) {
        ModelWorkspace w = workspace.get();
        var graph = w.document().graphProperty().get();
        var model = w.model();
        var inputs = w.inputs();
        return background("Exporting " + target.getFileName(), () -> {
            format.write(target, model, inputs, graph);
            return target;
        }, p -> {
            status.set("Exported " + p.getFileName());
            List<String> warnings = format.warnings(model);
            if (!warnings.isEmpty()) {
                dialogs.warning("Exported " + p.getFileName() + ", but it cannot be deployed as it is", warnings);
            }
        }, e -> dialogs.error("Cannot export", e.getMessage()));
    }

    // ---------------------------------------------------------------- autosave and recovery

    RecoveryCommands recovery() {
        return recoveryCommands;
    }

    void discardRecovery(ModelWorkspace w) {
        recoveryCommands.discard(w);
    }

    // ---------------------------------------------------------------- background with progress

    /** File work the user waits for: the status line says what runs and the progress bar shows meanwhile. */
    <T> BackgroundWork.Job background(String what, Callable<T> job, Consumer<T> done, Consumer<Throwable> failed) {
        running++;
        busy.set(true);
        status.set(what + "…");
        return work.submit(what, job, result -> {
            finished();
            done.accept(result);
        }, e -> {
            finished();
            failed.accept(e);
        });
    }

    private void finished() {
        running--;
        busy.set(running > 0);
        status.set("");
    }
}
