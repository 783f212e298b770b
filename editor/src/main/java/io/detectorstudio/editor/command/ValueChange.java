package io.detectorstudio.editor.command;

import java.util.function.Consumer;

/** Replaces an immutable document value by another; undo puts the old value back. */
public record ValueChange<T>(String description, T before, T after, Consumer<T> setter) implements Command {
    @Override
    public void execute() {
        setter.accept(after);
    }

    @Override
    public void undo() {
        setter.accept(before);
    }
}
