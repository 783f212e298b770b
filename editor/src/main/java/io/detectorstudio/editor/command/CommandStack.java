package io.detectorstudio.editor.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Undo/redo history of a document. Commands pushed inside {@link #group} (or between {@link #beginGroup} and
 * {@link #endGroup}) become one step; {@link #record} accepts an edit that was already applied live (a drag).
 * {@link #dirtyProperty()} is true whenever the current history position differs from the one marked by
 * {@link #markSaved()}. The history keeps the latest {@link #DEFAULT_LIMIT} steps (or the limit given); a view that
 * registers its selection with {@link #rememberSelection} gets back, on undo, the selection the step was made with.
 */
public final class CommandStack {
    /** Steps kept by default: enough for a long session, bounded so a day of edits cannot grow without end. */
    public static final int DEFAULT_LIMIT = 500;

    /** The saved position fell off the bottom of the bounded history: no undo reaches it again. */
    private static final Step UNREACHABLE = new Step(null, null);

    /** One undoable step and the selection it was made with (null when no selection is remembered). */
    private record Step(Command command, Object selectionBefore) {
    }

    private final int limit;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final Deque<CompoundCommand> openGroups = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private Supplier<Object> currentSelection = () -> null;
    private Consumer<Object> restoreSelection = s -> { };
    private Object groupSelection;
    private Step savedTop;
    private boolean running;

    public CommandStack() {
        this(DEFAULT_LIMIT);
    }

    /** A history keeping at most {@code limit} steps; older ones are forgotten. */
    public CommandStack(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the history must keep at least one step, not " + limit);
        }
        this.limit = limit;
    }

    /**
     * Remembers {@code current}'s value with every step and gives it back to {@code restore} when that step is
     * undone (after the document changed back, so the restored selection names things that exist again). One
     * view's selection at a time: registering again replaces the previous one.
     */
    @SuppressWarnings("unchecked")
    public <S> void rememberSelection(Supplier<S> current, Consumer<S> restore) {
        this.currentSelection = (Supplier<Object>) current;
        this.restoreSelection = s -> restore.accept((S) s);
    }

    /** Runs the command and makes it undoable. */
    public void execute(Command command) {
        guard();
        Object selection = currentSelection.get();
        running = true;
        try {
            command.execute();
        } finally {
            running = false;
        }
        push(command, selection);
    }

    /** Adds a command whose effect is already applied (e.g. a drag previewed live). */
    public void record(Command command) {
        guard();
        push(command, currentSelection.get());
    }

    /**
     * Runs {@code edits} as one undo step named {@code description}. The group ends even when {@code edits} throws:
     * what it did before is one step (so undo still matches the document) and the exception goes on.
     */
    public void group(String description, Runnable edits) {
        beginGroup(description);
        try {
            edits.run();
        } finally {
            endGroup();
        }
    }

    /** Prefer {@link #group}: a group left open swallows every later edit. */
    public void beginGroup(String description) {
        if (openGroups.isEmpty()) {
            groupSelection = currentSelection.get();
        }
        openGroups.push(new CompoundCommand(description));
    }

    public void endGroup() {
        if (openGroups.isEmpty()) {
            throw new IllegalStateException("endGroup without beginGroup");
        }
        CompoundCommand group = openGroups.pop();
        if (!group.isEmpty()) {
            if (openGroups.isEmpty()) {
                push(group, groupSelection);
            } else {
                openGroups.peek().add(group);
            }
        }
    }

    private void push(Command command, Object selectionBefore) {
        if (!openGroups.isEmpty()) {
            openGroups.peek().add(command);
            return;
        }
        undo.push(new Step(command, selectionBefore));
        if (undo.size() > limit) {
            Step forgotten = undo.removeLast();
            // the state after the forgotten step is now the bottom of the history, the one before it is gone
            if (savedTop == null) {
                savedTop = UNREACHABLE;
            } else if (savedTop == forgotten) {
                savedTop = null;
            }
        }
        redo.clear();
        changed();
    }

    public boolean undo() {
        guard();
        if (undo.isEmpty()) {
            return false;
        }
        Step step = undo.pop();
        run(step.command()::undo);
        redo.push(step);
        changed();
        Object before = step.selectionBefore();
        if (before != null && !before.equals(currentSelection.get())) {
            restoreSelection.accept(before); // an unchanged selection is left alone: panels keep what they show
        }
        return true;
    }

    public boolean redo() {
        guard();
        if (redo.isEmpty()) {
            return false;
        }
        Step step = redo.pop();
        run(step.command()::execute);
        undo.push(step);
        changed();
        return true;
    }

    /** The current state is what is on disk now. */
    public void markSaved() {
        savedTop = undo.peek();
        changed();
    }

    public String undoDescription() {
        return undo.isEmpty() ? "" : undo.peek().command().description();
    }

    public String redoDescription() {
        return redo.isEmpty() ? "" : redo.peek().command().description();
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
