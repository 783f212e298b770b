package io.detectorstudio.app.gui;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * Validation scheduling: after each edit, and while a field is typed in, the open model is checked on an immutable
 * snapshot taken on the FX thread, off it; {@link LatestResults} makes the newest check's result the one shown
 * (an older check finishing late never overwrites it). No JavaFX scene types.
 */
final class ModelChecks {

    private final LatestResults latest;
    private final ProblemsViewModel problems;
    private final ObservableValue<ModelWorkspace> open;
    private Consumer<TypingCheck.Result> onTypingChecked = r -> { };

    ModelChecks(BackgroundWork work, ProblemsViewModel problems, ObservableValue<ModelWorkspace> open) {
        this.latest = new LatestResults(work);
        this.problems = problems;
        this.open = open;
    }

    /** Called with each newest check of what is being typed (the window underlines the field). */
    void onTypingChecked(Consumer<TypingCheck.Result> listener) {
        this.onTypingChecked = listener;
    }

    /** Checks {@code w} as it is now; the result replaces the problems unless a newer check came since. */
    void revalidate(ModelWorkspace w) {
        ModelWorkspace.ModelCheck snapshot = w.currentCheck();
        latest.submit("Checking " + w.name(), snapshot::run, found -> {
            if (open.getValue() == w) {
                problems.show(found);
            }
        }, e -> problems.show(List.of()));
    }

    /**
     * While a field is typed in (the window calls this once typing pauses): Problems shows the model as it would be
     * with that text, and the typing listener gets the field's own problems. Shares {@link LatestResults} with
     * {@link #revalidate}, so the newest check's result is the one shown.
     */
    void checkTyping() {
        ModelWorkspace w = open.getValue();
        var draft = w == null ? null : w.document().draftProperty().get();
        if (draft == null) {
            return;
        }
        var committed = w.document().model();
        ModelWorkspace.ModelCheck snapshot = w.checkOf(draft.model(), draft.inputs());
        latest.submit("Checking what is typed",
                () -> TypingCheck.run(snapshot, committed, draft.model(), draft.inputs()), result -> {
                    if (open.getValue() == w) {
                        problems.show(result.problems());
                        onTypingChecked.accept(result);
                    }
                }, e -> { }); // a draft that cannot be read yet is simply not shown
    }
}
