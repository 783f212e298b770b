package io.detectorstudio.app.gui;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The Problems table: a binding of {@link ProblemsViewModel}; clicking a row chooses that problem. Its columns fit
 * the table's width, as in other IDEs' problem lists: the short ones keep a width that holds their longest text
 * (Code: the longest diagnostic code, 25 characters), Message and Where share the rest, and a text cut short shows
 * in full as the cell's tooltip.
 */
final class ProblemsView {

    private final TableView<Diagnostic> table = new TableView<>();

    ProblemsView(ProblemsViewModel model) {
        table.setItems(model.problems());
        table.setOnMouseClicked(e -> model.choose(table.getSelectionModel().getSelectedItem()));
        table.setPlaceholder(new Label("No problems"));
        table.setId("problems");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(fixed(column("Severity", 90, d -> d.severity().word())));
        table.getColumns().add(fixed(column("Line", 90, d -> d.line() + ":" + d.column())));
        table.getColumns().add(fixed(column("Code", 240, Diagnostic::code)));
        table.getColumns().add(column("Message", 560, Diagnostic::message));
        table.getColumns().add(column("Where", 320, Diagnostic::path));
    }

    TableView<Diagnostic> table() {
        return table;
    }

    private static TableColumn<Diagnostic, String> column(String title, double width,
                                                          Function<Diagnostic, String> value) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 120));
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setCellFactory(col -> new FullTextCell());
        return c;
    }

    /** A column that keeps its width when the table is narrowed or widened: the others take the difference. */
    private static TableColumn<Diagnostic, String> fixed(TableColumn<Diagnostic, String> c) {
        c.setMinWidth(c.getPrefWidth());
        c.setMaxWidth(c.getPrefWidth());
        return c;
    }

    /** A cell whose tooltip is its whole text, for what the column's width cuts short. */
    private static final class FullTextCell extends TableCell<Diagnostic, String> {
        private final Tooltip tooltip = new Tooltip();

        FullTextCell() {
            tooltip.setWrapText(true); // a long message in lines of a readable width, not one line off the screen
            tooltip.setMaxWidth(640);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean blank = empty || text == null || text.isEmpty();
            setText(blank ? null : text);
            tooltip.setText(blank ? "" : text);
            setTooltip(blank ? null : tooltip);
        }
    }
}
