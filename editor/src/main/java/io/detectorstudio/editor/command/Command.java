package io.detectorstudio.editor.command;

/** One undoable edit. {@link #execute()} is also used to redo, so it must be repeatable after {@link #undo()}. */
public interface Command {
    void execute();

    void undo();

    /** Shown in menus, e.g. "Undo Move". */
    String description();
}
