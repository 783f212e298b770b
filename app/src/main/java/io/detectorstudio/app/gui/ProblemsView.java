package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.sim.TextColumns;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The Problems table: a binding of {@link ProblemsViewModel}; clicking a row chooses that problem. Its columns fit
 * the table's width, as in other IDEs' problem lists: the short ones keep a width that holds their longest text
 * (Code: the longest diagnostic code, 25 characters), Message and Where share the rest, and a text cut short shows
 * in full on hover ({@link TextColumns}).
 */
final class ProblemsView {

    private final TableView<Diagnostic> table = new TableView<>();

    ProblemsView(ProblemsViewModel model) {
        table.setItems(model.problems());
        table.setOnMouseClicked(e -> model.choose(table.getSelectionModel().getSelectedItem()));
        table.setPlaceholder(new Label("No problems"));
        table.setId("problems");
        TextColumns.fitted(table);
        table.getColumns().add(fixed(TextColumns.of("Severity", 90, d -> d.severity().word())));
        table.getColumns().add(fixed(TextColumns.of("Line", 90, d -> d.line() + ":" + d.column())));
        table.getColumns().add(fixed(TextColumns.of("Code", 240, Diagnostic::code)));
        table.getColumns().add(TextColumns.of("Message", 560, Diagnostic::message));
        table.getColumns().add(TextColumns.of("Where", 320, Diagnostic::path));
    }

    TableView<Diagnostic> table() {
        return table;
    }

    /** A column that keeps its width when the table is narrowed or widened: the others take the difference. */
    private static TableColumn<Diagnostic, String> fixed(TableColumn<Diagnostic, String> c) {
        c.setMinWidth(c.getPrefWidth());
        c.setMaxWidth(c.getPrefWidth());
        return c;
    }
}
