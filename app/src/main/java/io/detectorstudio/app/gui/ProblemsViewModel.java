package io.detectorstudio.app.gui;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Problems view's content: the problems of the newest check of the open model, and what choosing one does
 * (the window takes the user to it). No JavaFX scene types.
 */
final class ProblemsViewModel {

    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private Consumer<Diagnostic> reveal = d -> { };

    ObservableList<Diagnostic> problems() {
        return problems;
    }

    void show(List<Diagnostic> found) {
        problems.setAll(found);
    }

    void onReveal(Consumer<Diagnostic> reveal) {
        this.reveal = reveal;
    }

    /** The user chose {@code problem} (clicked its row). */
    void choose(Diagnostic problem) {
        if (problem != null) {
            reveal.accept(problem);
        }
    }
}
