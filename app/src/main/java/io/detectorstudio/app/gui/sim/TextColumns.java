package io.detectorstudio.app.gui.sim;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * Read-only text columns for the workbench's tables and the Problems table: used with {@link #fitted}, the columns
 * share the table's width (none cut off at the right), headers stay readable, and a cell too narrow for its text
 * shows it whole on hover.
 */
public final class TextColumns {

    private TextColumns() {
    }

    /** A column of {@code text(row)}; {@code width} is its share of the table when the columns are fitted. */
    public static <R> TableColumn<R, String> of(String title, double width, Function<R, String> text) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 40 + 8 * title.length())); // the header stays readable
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        c.setCellFactory(col -> {
            TableCell<R, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            HoverText.install(cell);
            return cell;
        });
        return c;
    }

    /**
     * Cuts the column's text short at its start instead of its end: for times ("...T00:05:00Z"), whose end is the
     * part that tells rows apart.
     */
    static <R> TableColumn<R, String> cutAtStart(TableColumn<R, String> column) {
        Callback<TableColumn<R, String>, TableCell<R, String>> cells = column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<R, String> cell = cells.call(c);
            cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            return cell;
        });
        return column;
    }

    /** Makes the table's columns share its width, in proportion to their preferred widths. */
    public static void fitted(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }
}
