package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import java.util.function.Function;

/**
 * The trace of the session (one row per cycle, trace.md records) with a filter: every word must occur in the
 * record's key, trigger, states, events or actions. Selecting a row shows the whole record.
 */
public final class TraceView extends SplitPane {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final FilteredList<TraceRow> filtered;
    private final TextField filter = new TextField();
    private final TableView<TraceRow> table = new TableView<>();
    // the columns read one row after another: its tree is read once for all of them
    private TraceRow lastRow;
    private ObjectNode lastTree;

    TraceView(SimulationViewModel model) {
        filtered = new FilteredList<>(model.trace());
        filter.setId("trace-filter");
        filter.setPromptText("Filter: key, input, state, event or action type (all words must match)");
        filter.textProperty().addListener((obs, old, text) -> filtered.setPredicate(r -> TraceTexts.matches(tree(r), text)));
        table.setId("trace-table");
        table.setItems(filtered);
        table.setPlaceholder(new Label("No cycle yet"));
        TextColumns.fitted(table); // none cut off at the right edge at any window size
        table.getColumns().add(column("#", 50, r -> r.path("seq").asText()));
        table.getColumns().add(TextColumns.cutAtStart(column("Time", 180, r -> r.path("time").asText())));
        table.getColumns().add(column("Key", 110, r -> r.path("keyValue").asText("")));
        table.getColumns().add(column("Trigger", 200, TraceTexts::trigger));
        table.getColumns().add(column("From → to", 200, TraceTexts::transition));
        table.getColumns().add(column("Fired", 260, TraceTexts::fired));
        table.getColumns().add(column("Actions", 220, r -> {
            StringBuilder b = new StringBuilder();
            r.path("actions").forEach(a -> b.append(b.length() == 0 ? "" : ", ").append(a.path("type").asText()));
            return b.toString();
        }));
        TextArea detail = new TextArea();
        detail.setEditable(false);
        detail.setStyle("-fx-font-family: monospace;");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            try {
                detail.setText(r == null ? "" : PRETTY.writeValueAsString(tree(r)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                detail.setText(String.valueOf(r));
            }
        });
        BorderPane left = new BorderPane(table);
        left.setTop(filter);
        getItems().addAll(left, detail);
        setDividerPositions(0.7);
    }

    private ObjectNode tree(TraceRow row) {
        if (row != lastRow) {
            lastTree = row.record();
            lastRow = row;
        }
        return lastTree;
    }

    public TableView<TraceRow> table() {
        return table;
    }

    public TextField filter() {
        return filter;
    }

    private TableColumn<TraceRow, String> column(String title, double width, Function<ObjectNode, String> f) {
        return TextColumns.of(title, width, (TraceRow r) -> f.apply(tree(r)));
    }
}
