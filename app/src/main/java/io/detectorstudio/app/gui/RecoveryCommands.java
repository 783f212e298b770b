package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ProjectFiles;
import io.detectorstudio.app.gui.files.RecoveryStore;
import java.io.IOException;
import java.time.Instant;

/**
 * Autosave and crash recovery of the workbench: the unsaved model goes to the {@link RecoveryStore} every 30 s (in
 * the background), its copy goes once it is saved or discarded, and after a crash the newest copy is offered. No
 * JavaFX.
 */
final class RecoveryCommands {

    private final WorkbenchViewModel workbench;
    private final BackgroundWork work;
    private final RecoveryStore recovery;
    private final WorkbenchDialogs dialogs;

    RecoveryCommands(WorkbenchViewModel workbench, BackgroundWork work, RecoveryStore recovery,
                     WorkbenchDialogs dialogs) {
        this.workbench = workbench;
        this.work = work;
        this.recovery = recovery;
        this.dialogs = dialogs;
    }

    /**
     * Writes what a save would (the unsaved model, its input definitions and diagram layout) to the recovery area in
     * the background (every 30 s while dirty).
     */
    BackgroundWork.Job autosaveNow() {
        ModelWorkspace w = workbench.workspaceProperty().get();
        if (w == null || !w.dirtyProperty().get()) {
            return null;
        }
        ModelWorkspace.Saving snapshot = w.saving(workbench.zoomProperty().get());
        return work.submit("Autosave", () -> {
            recovery.save(w.recoveryId(), w.file(), snapshot.recoveryParts(), Instant.now());
            return null;
        }, done -> { }, e -> workbench.statusProperty().set("Autosave failed: " + e.getMessage()));
    }

    /** Removes {@code w}'s recovery copy in the background. */
    void discard(ModelWorkspace w) {
        work.submit("Clearing the recovery copy", () -> {
            discardNow(w);
            return null;
        }, done -> { }, this::cannotClear);
    }

    /** On a worker: removes {@code w}'s recovery copy. */
    void discardNow(ModelWorkspace w) throws IOException {
        recovery.discard(w.recoveryId());
    }

    private void cannotClear(Throwable e) {
        workbench.statusProperty().set("Cannot clear the recovery copy: " + e.getMessage());
    }

    /** After a crash: offers the newest model left in the recovery area; declined, all of them go. */
    BackgroundWork.Job offer() {
        return work.submit("Looking for unsaved work", recovery::leftovers, left -> {
            if (left.isEmpty()) {
                return;
            }
            RecoveryStore.Entry newest = left.get(0);
            if (dialogs.askToRestore("Unsaved changes to " + (newest.original() == null ? "an untitled model"
                    : newest.original().getFileName()) + " from " + newest.savedAt() + " were kept. Restore them?")) {
                restore(newest);
            } else {
                work.submit("Discarding unsaved work", () -> {
                    for (RecoveryStore.Entry e : left) {
                        recovery.discard(e.id());
                    }
                    return null;
                }, done -> { }, e -> { }); // what cannot be removed stays for next time
            }
        }, e -> { });
    }

    /** Opens a recovered model (unsaved, belonging to its original file); the entry is removed once shown. */
    BackgroundWork.Job restore(RecoveryStore.Entry entry) {
        return workbench.background("Restoring", () -> new ModelOpening.Opened(
                ModelWorkspace.recovered(entry.original(), new RecoveryStore.Parts(entry.bytes(),
                        entry.inputs().orElse(null), entry.layout().orElse(null))),
                entry.original() == null ? null : ModelOpening.scanQuietly(ProjectFiles.folderOf(entry.original()))),
                opened -> {
                    workbench.show(opened.workspace(), opened.project());
                    work.submit("Clearing the recovery copy", () -> {
                        recovery.discard(entry.id());
                        return null;
                    }, done -> { }, this::cannotClear);
                }, e -> dialogs.cannotOpen(entry.content(), e));
    }
}
