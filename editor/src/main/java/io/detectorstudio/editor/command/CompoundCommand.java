package io.detectorstudio.editor.command;

import java.util.ArrayList;
import java.util.List;

/** Several commands that undo and redo as one step; undone in reverse order. */
public final class CompoundCommand implements Command {
    private final String description;
    private final List<Command> parts = new ArrayList<>();

    public CompoundCommand(String description) {
        this.description = description;
    }

    void add(Command command) {
        parts.add(command);
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    @Override
    public void execute() {
        parts.forEach(Command::execute);
    }

    @Override
    public void undo() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).undo();
        }
    }

    @Override
    public String description() {
        return description;
    }
}
