package io.detectorstudio.editor.command;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Undo/redo history of a document. Commands pushed between {@link #beginGroup} and {@link #endGroup} become one
 * step; {@link #record} accepts an edit that was already applied live (a drag). {@link #dirtyProperty()} is true
 * whenever the current history position differs from the one marked by {@link #markSaved()}.
 */
public final class CommandStack {
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final Deque<CompoundCommand> openGroups = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private Command savedTop;
    private boolean running;

    /** Runs the command and makes it undoable. */
    public void execute(Command command) {
        guard();
        running = true;
        try {
            command.execute();
        } finally {
            running = false;
        }
        record(command);
    }

    /** Adds a command whose effect is already applied (e.g. a drag previewed live). */
    public void record(Command command) {
        guard();
        if (!openGroups.isEmpty()) {
            openGroups.peek().add(command);
            return;
        }
        undo.push(command);
        redo.clear();
        changed();
    }

    public void beginGroup(String description) {
        openGroups.push(new CompoundCommand(description));
    }

    public void endGroup() {
        if (openGroups.isEmpty()) {
            throw new IllegalStateException("endGroup without beginGroup");
        }
        CompoundCommand group = openGroups.pop();
        if (!group.isEmpty()) {
            record(group);
        }
    }

    public boolean undo() {
        guard();
        if (undo.isEmpty()) {
            return false;
        }
        Command command = undo.pop();
        run(command::undo);
        redo.push(command);
        changed();
        return true;
    }

    public boolean redo() {
        guard();
        if (redo.isEmpty()) {
            return false;
        }
        Command command = redo.pop();
        run(command::execute);
        undo.push(command);
        changed();
        return true;
    }

    /** The current state is what is on disk now. */
    public void markSaved() {
        savedTop = undo.peek();
        changed();
    }

    public String undoDescription() {
        return undo.isEmpty() ? "" : undo.peek().description();
    }

    public String redoDescription() {
        return redo.isEmpty() ? "" : redo.peek().description();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Bumped once per executed, undone or redone step: panels refresh on it. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void run(Runnable action) {
        running = true;
        try {
            action.run();
        } finally {
            running = false;
        }
    }

    /** A command or a listener reacting to one must not push another command (it would corrupt the history). */
    private void guard() {
        if (running) {
            throw new IllegalStateException("a command may not be pushed while another one runs");
        }
    }

    private void changed() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        dirty.set(undo.peek() != savedTop);
        revision.set(revision.get() + 1);
    }
}
