package io.detectorstudio.editor.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandStackTest {
    private final List<String> value = new ArrayList<>(List.of("a"));
    private final CommandStack stack = new CommandStack();

    private ValueChange<List<String>> set(String description, String... after) {
        return new ValueChange<>(description, List.copyOf(value), List.of(after), v -> {
            value.clear();
            value.addAll(v);
        });
    }

    @Test
    void undoAndRedoWalkTheHistory() {
        stack.execute(set("one", "b"));
        stack.execute(set("two", "c"));
        assertThat(value).containsExactly("c");
        assertThat(stack.undo()).isTrue();
        assertThat(value).containsExactly("b");
        assertThat(stack.redoDescription()).isEqualTo("two");
        assertThat(stack.redo()).isTrue();
        assertThat(value).containsExactly("c");
        stack.undo();
        stack.undo();
        assertThat(value).containsExactly("a");
        assertThat(stack.undo()).isFalse();
        assertThat(stack.canUndoProperty().get()).isFalse();
    }

    @Test
    void aNewCommandClearsTheRedoHistory() {
        stack.execute(set("one", "b"));
        stack.undo();
        stack.execute(set("other", "x"));
        assertThat(stack.canRedoProperty().get()).isFalse();
        assertThat(stack.redo()).isFalse();
    }

    @Test
    void aGroupIsOneStepUndoneInReverse() {
        stack.beginGroup("drag");
        stack.execute(set("1", "b"));
        stack.execute(set("2", "c"));
        stack.execute(set("3", "d"));
        stack.endGroup();
        assertThat(stack.undoDescription()).isEqualTo("drag");
        stack.undo();
        assertThat(value).containsExactly("a");
        assertThat(stack.canUndoProperty().get()).isFalse();
        stack.redo();
        assertThat(value).containsExactly("d");
    }

    @Test
    void dirtyFollowsTheSavedPosition() {
        assertThat(stack.isDirty()).isFalse();
        stack.execute(set("one", "b"));
        assertThat(stack.isDirty()).isTrue();
        stack.markSaved();
        assertThat(stack.isDirty()).isFalse();
        stack.undo();
        assertThat(stack.isDirty()).isTrue();
        stack.redo();
        assertThat(stack.isDirty()).isFalse();
    }

    @Test
    void recordAddsAnAlreadyAppliedEditWithoutRunningIt() {
        ValueChange<List<String>> change = set("move", "z");
        value.set(0, "z");
        stack.record(change);
        assertThat(value).containsExactly("z");
        stack.undo();
        assertThat(value).containsExactly("a");
    }

    @Test
    void pushingACommandFromInsideACommandIsRejected() {
        Command nested = new Command() {
            @Override
            public void execute() {
                stack.execute(set("inner", "q"));
            }

            @Override
            public void undo() {
            }

            @Override
            public String description() {
                return "outer";
            }
        };
        assertThatThrownBy(() -> stack.execute(nested)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theHistoryKeepsTheLatestStepsUpToItsLimit() {
        CommandStack bounded = new CommandStack(3);
        bounded.markSaved();
        for (String v : List.of("b", "c", "d", "e", "f")) {
            bounded.execute(set(v, v));
        }
        int undone = 0;
        while (bounded.undo()) {
            undone++;
        }
        assertThat(undone).isEqualTo(3);
        assertThat(value).containsExactly("c");
        assertThat(bounded.isDirty()).as("the saved state fell out of the history").isTrue();
    }

    @Test
    void aSavedStepAtTheBottomOfABoundedHistoryStaysReachable() {
        CommandStack bounded = new CommandStack(2);
        bounded.execute(set("b", "b"));
        bounded.markSaved();
        bounded.execute(set("c", "c"));
        bounded.execute(set("d", "d"));
        assertThat(bounded.isDirty()).isTrue();
        bounded.undo();
        bounded.undo();
        assertThat(value).containsExactly("b");
        assertThat(bounded.isDirty()).isFalse();
    }

    @Test
    void aGroupEndsEvenWhenItsEditsThrow() {
        assertThatThrownBy(() -> stack.group("paste", () -> {
            stack.execute(set("1", "b"));
            throw new IllegalArgumentException("bad clipboard");
        })).hasMessage("bad clipboard");
        stack.execute(set("next", "c"));
        assertThat(stack.undoDescription()).isEqualTo("next");
        stack.undo();
        assertThat(stack.undoDescription()).isEqualTo("paste");
        stack.undo();
        assertThat(value).containsExactly("a");
    }

    @Test
    void undoGivesBackTheSelectionTheStepWasMadeWith() {
        String[] selection = {"first"};
        stack.rememberSelection(() -> selection[0], s -> selection[0] = s);
        stack.execute(set("one", "b"));
        selection[0] = "second";
        stack.group("two", () -> {
            stack.execute(set("2a", "c"));
            selection[0] = "changed inside the group";
            stack.execute(set("2b", "d"));
        });
        selection[0] = "last";
        stack.undo();
        assertThat(selection[0]).isEqualTo("second");
        stack.undo();
        assertThat(selection[0]).isEqualTo("first");
        stack.redo();
        assertThat(value).containsExactly("b");
    }

    @Test
    void anUnchangedSelectionIsNotSetAgainOnUndo() {
        List<String> restored = new ArrayList<>();
        stack.rememberSelection(() -> "same", restored::add);
        stack.execute(set("one", "b"));
        stack.undo();
        assertThat(value).containsExactly("a");
        assertThat(restored).isEmpty();
    }
}
