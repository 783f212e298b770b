package io.detectorstudio.app.gui;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Problems table: a binding of {@link ProblemsViewModel}; clicking a row chooses that problem. */
final class ProblemsView {

    private final TableView<Diagnostic> table = new TableView<>();

    ProblemsView(ProblemsViewModel model) {
        table.setItems(model.problems());
        table.setOnMouseClicked(e -> model.choose(table.getSelectionModel().getSelectedItem()));
        table.setPlaceholder(new Label("No problems"));
        table.setId("problems");
        table.getColumns().add(column("Severity", 80, d -> d.severity().word()));
        table.getColumns().add(column("Line", 60, d -> d.line() + ":" + d.column()));
        table.getColumns().add(column("Code", 190, Diagnostic::code));
        table.getColumns().add(column("Message", 700, Diagnostic::message));
        table.getColumns().add(column("Where", 420, Diagnostic::path));
    }

    TableView<Diagnostic> table() {
        return table;
    }

    private static TableColumn<Diagnostic, String> column(String title, double width,
                                                          Function<Diagnostic, String> value) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }
}
