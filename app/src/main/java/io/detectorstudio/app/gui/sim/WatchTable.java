package io.detectorstudio.app.gui.sim;

import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.simulator.session.InstanceState;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Variables and timers of the selected instance (timers with their countdown on virtual time) and the watch
 * expressions. Values of variables and timers are editable while the simulation is not playing: a commit is a
 * BatchUpdateDetector through the session.
 */
public final class WatchTable extends VBox {

    /** One row: kind is {@code variable}, {@code timer} or {@code watch}. */
    public record Row(String kind, String name, String value) {
    }

    private final SimulationModel model;
    private final TableView<Row> table = new TableView<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private boolean editable = true;

    WatchTable(SimulationModel model) {
        this.model = model;
        table.setId("watch-table");
        table.setItems(rows);
        table.setEditable(true);
        table.setPlaceholder(new javafx.scene.control.Label("No instance yet: send a message"));
        TableColumn<Row, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().kind()));
        kind.setPrefWidth(70);
        TableColumn<Row, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().name()));
        name.setPrefWidth(190);
        TableColumn<Row, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().value()));
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setPrefWidth(160);
        value.setOnEditCommit(e -> commit(e.getRowValue(), e.getNewValue()));
        table.getColumns().setAll(java.util.List.of(kind, name, value));
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
        model.instances().addListener((javafx.collections.ListChangeListener<InstanceState>) c -> refresh());
        model.selectedKeyProperty().addListener(o -> refresh());
        model.nowProperty().addListener(o -> refresh());
        model.watchExpressions().addListener((javafx.collections.ListChangeListener<String>) c -> refresh());
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
        rows.clear();
        InstanceState s = model.selected();
        if (s != null) {
            s.variables().forEach((n, v) -> rows.add(new Row("variable", n, v.toText())));
            long now = model.nowProperty().get();
            s.timers().forEach((n, at) -> rows.add(new Row("timer", n, s.secondsLeft(n, now) + "")));
        }
        for (String w : model.watchExpressions()) {
            rows.add(new Row("watch", w, model.evaluateWatch(w).toText()));
        }
    }

    private void commit(Row row, String text) {
        if (!editable || text == null) {
            refresh();
            return;
        }
        MessageError error = null;
        if (row.kind().equals("variable")) {
            error = model.setVariable(row.name(), text.strip());
        } else if (row.kind().equals("timer")) {
            try {
                error = model.setTimer(row.name(), Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                model.statusProperty().set("A timer takes whole seconds, not '" + text + "'");
            }
        }
        if (error != null) {
            model.statusProperty().set(error.errorCode() + ": " + error.errorMessage());
        }
        refresh();
    }
}
