package io.detectorstudio.app.gui.sim;

import io.detectorstudio.app.gui.Icons;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.simulator.session.InstanceState;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Variables and timers of the selected instance (timers with their time left on virtual time, with units) and the
 * watch expressions. Values of variables and timers are editable while the simulation is not playing: a commit is a
 * BatchUpdateDetector through the session.
 */
public final class WatchTable extends VBox {

    /** One row: kind is {@code variable}, {@code timer} or {@code watch}. */
    /**
     * One row: kind is {@code variable}, {@code timer} or {@code watch}. Its value changes in place while the rows
     * stay the same ones: replacing a table's items makes it rebuild its rows, and the rebuilt rows swap places, which
     * JavaFX's renderer (its region then covering the one-row viewport's clip) answered with a whole-window repaint
     * on every update of a run.
     */
    public static final class Row {
        private final String kind;
        private final String name;
        private final StringProperty value;

        Row(String kind, String name, String value) {
            this.kind = kind;
            this.name = name;
            this.value = new SimpleStringProperty(value);
        }

        public String kind() {
            return kind;
        }

        public String name() {
            return name;
        }

        public String value() {
            return value.get();
        }

        StringProperty valueProperty() {
            return value;
        }

        /** Whether {@code other} is the same variable, timer or watch (its value aside). */
        boolean sameAs(Row other) {
            return kind.equals(other.kind) && name.equals(other.name);
        }

        @Override
        public String toString() {
            return kind + " " + name + " = " + value.get();
        }
    }

    private final SimulationViewModel model;
    private final TableView<Row> table = new TableView<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Label placeholder = new Label();
    private final TableColumn<Row, Row> nameColumn;
    private final TableColumn<Row, String> valueColumn;
    private boolean editable = true;
    private javafx.scene.text.Font cellFont;

    WatchTable(SimulationViewModel model) {
        this.model = model;
        table.setId("watch-table");
        table.setItems(rows);
        table.setEditable(true);
        table.setPlaceholder(placeholder);
        // the columns share the table's width (none cut off at the right, see fitColumns); a cell too narrow
        // shows its whole text on hover
        // the kind is the name's icon (with a tooltip), so the name and value get the width
        TableColumn<Row, Row> name = new TableColumn<>("Name");
        name.setCellValueFactory(r -> new javafx.beans.property.SimpleObjectProperty<>(r.getValue()));
        name.setCellFactory(c -> {
            TableCell<Row, Row> cell = new TableCell<>() {
                // the cell's icon, changed only with the kind (the rows are refreshed on every update of a run);
                // made for the first row the cell shows: the rows that only fill the table's height never need one
                private org.kordamp.ikonli.javafx.FontIcon icon;

                @Override
                protected void updateItem(Row row, boolean empty) {
                    super.updateItem(row, empty);
                    setText(empty || row == null ? null : row.name());
                    if (empty || row == null) {
                        setGraphic(null);
                        return;
                    }
                    String literal = switch (row.kind()) {
                        case "timer" -> "mdi2t-timer-outline";
                        case "watch" -> "mdi2e-eye-outline";
                        default -> "mdi2v-variable";
                    };
                    if (icon == null) {
                        icon = Icons.of(literal);
                    } else if (!literal.equals(icon.getIconLiteral())) {
                        icon.setIconLiteral(literal);
                    }
                    setGraphic(icon);
                }
            };
            // the kind the icon stands for, and the name; made on hover, not per cell (HoverText)
            HoverText.install(cell, () -> cell.isEmpty() || cell.getItem() == null ? null
                    : cell.getItem().kind() + " " + cell.getItem().name());
            return cell;
        });
        name.setMinWidth(80);
        name.setPrefWidth(200);
        this.nameColumn = name;
        TableColumn<Row, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(r -> r.getValue().valueProperty());
        value.setCellFactory(c -> {
            TextFieldTableCell<Row, String> cell = new TextFieldTableCell<>(new javafx.util.converter.DefaultStringConverter());
            HoverText.install(cell); // the whole value when it is cut
            return cell;
        });
        value.setMinWidth(64);
        value.setPrefWidth(140);
        value.setOnEditCommit(e -> commit(e.getRowValue(), e.getNewValue()));
        this.valueColumn = value;
        table.widthProperty().addListener(o -> fitColumns());
        table.getColumns().setAll(java.util.List.of(name, value));
        TextField watch = new TextField();
        watch.setId("watch-expression");
        watch.setPromptText("Watch expression, e.g. $variable.count * 2");
        Button add = new Button("Watch");
        add.setOnAction(e -> {
            if (!watch.getText().isBlank()) {
                model.watchExpressions().add(watch.getText().strip());
                watch.clear();
            }
        });
        watch.setOnAction(add.getOnAction());
        HBox bar = new HBox(4, watch, add);
        HBox.setHgrow(watch, Priority.ALWAYS);
        getChildren().addAll(table, bar);
        VBox.setVgrow(table, Priority.ALWAYS);
        // once per published state (not once per observable it changed), and when the selection changes
        model.published().addListener(o -> refresh());
        model.selectedKeyProperty().addListener(o -> refresh());
        model.watchExpressions().addListener((javafx.collections.ListChangeListener<String>) c -> refresh());
        refresh();
    }

    public TableView<Row> table() {
        return table;
    }

    /** Editing is refused while the clock plays. */
    void setEditable(boolean editable) {
        this.editable = editable;
        table.setEditable(editable);
    }

    void refresh() {
        refresh(false);
    }

    /** @param always also when the rows are the same (after an edit, whose cell shows what was typed) */
    private void refresh(boolean always) {
        java.util.List<Row> shown = new java.util.ArrayList<>();
        InstanceState s = model.selected();
        placeholder.setText(placeholderFor(s));
        if (s != null) {
            s.variables().forEach((n, v) -> shown.add(new Row("variable", n, v.toText())));
            long now = model.nowProperty().get();
            s.timers().forEach((n, at) -> shown.add(new Row("timer", n, countdown(s.secondsLeft(n, now)))));
        }
        for (String w : model.watchExpressions()) {
            shown.add(new Row("watch", w, model.evaluateWatch(w).toText()));
        }
        if (!always && sameRows(shown)) { // a run refreshes on every update: the values change in place
            for (int i = 0; i < shown.size(); i++) {
                rows.get(i).valueProperty().set(shown.get(i).value());
            }
            if (cellFont == null) { // the rows came before their cells: fit the names in the cells' font now
                fitColumns();
            }
            return;
        }
        rows.setAll(shown); // one change for the table, not one per row
        fitColumns();
    }

    /** Whether {@code shown} has the same variables, timers and watches, in order, as the table has now. */
    private boolean sameRows(java.util.List<Row> shown) {
        if (shown.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!rows.get(i).sameAs(shown.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The name column takes what its longest name needs (leaving the value its minimum), the value the rest. */
    private void fitColumns() {
        // measured in the cells' own font (the theme's), once a cell exists (looked up once: a lookup parses its
        // selector and walks the table, on every published state)
        if (cellFont == null && table.lookup(".table-cell") instanceof javafx.scene.control.Labeled cell) {
            cellFont = cell.getFont();
        }
        javafx.scene.text.Font font = cellFont != null ? cellFont : javafx.scene.text.Font.getDefault();
        double longest = 0;
        for (Row r : rows) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(r.name());
            text.setFont(font);
            longest = Math.max(longest, text.getLayoutBounds().getWidth());
        }
        double width = table.getWidth() - 20; // borders and a vertical scroll bar
        if (width <= 0) {
            return;
        }
        double wanted = longest + 48; // icon, gap, cell padding and a margin for the theme's font
        double name = Math.max(nameColumn.getMinWidth(), Math.min(wanted, width - valueColumn.getMinWidth()));
        nameColumn.setPrefWidth(name);
        valueColumn.setPrefWidth(Math.max(valueColumn.getMinWidth(), width - name));
    }

    /** What the empty table says: no instance yet, or the selected instance has nothing to show. */
    static String placeholderFor(InstanceState selected) {
        if (selected == null) {
            return "No instance yet: send a message";
        }
        return (selected.keyValue() == null ? "The instance" : selected.keyValue()) + " (" + selected.stateName()
                + ") has no variables and no timer running";
    }

    /** A timer's time left with its unit, as the value column shows and takes it: "5m", "4m 59s", "45s". */
    static String countdown(long seconds) {
        long h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h).append('h');
        }
        if (m > 0) {
            b.append(b.isEmpty() ? "" : " ").append(m).append('m');
        }
        if (s > 0 || b.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append(s).append('s');
        }
        return b.toString();
    }

    private void commit(Row row, String text) {
        if (!editable || text == null) {
            refresh(true);
            return;
        }
        MessageError error = null;
        if (row.kind().equals("variable")) {
            error = model.setVariable(row.name(), text.strip());
        } else if (row.kind().equals("timer")) {
            try {
                error = model.setTimer(row.name(), Math.round(Durations.parseMillis(text) / 1000.0));
            } catch (IllegalArgumentException e) {
                model.statusProperty().set("A timer takes a duration: " + e.getMessage());
            }
        }
        if (error != null) {
            model.statusProperty().set(error.errorCode() + ": " + error.errorMessage());
        }
        refresh(true);
    }
}
