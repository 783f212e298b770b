package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.detectorstudio.app.gui.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Every emitted action (newest selected) with its resolved fields and pretty-printed payload, as the trace
 * contract's action object; Copy puts the JSON on the clipboard.
 */
public final class ActionPreview extends SplitPane {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ListView<SimulationModel.EmittedAction> list = new ListView<>();
    private final TextArea detail = new TextArea();

    ActionPreview(SimulationModel model) {
        list.setId("action-list");
        detail.setId("action-detail");
        detail.setEditable(false);
        detail.setStyle("-fx-font-family: monospace;");
        list.setItems(model.actions());
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SimulationModel.EmittedAction a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.summary());
                setTooltip(empty || a == null ? null : new javafx.scene.control.Tooltip(a.summary()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, a) -> show(a));
        list.setPlaceholder(new javafx.scene.control.Label("No action emitted yet"));
        model.actions().addListener((javafx.collections.ListChangeListener<SimulationModel.EmittedAction>) c -> {
            if (!model.actions().isEmpty()) {
                list.getSelectionModel().selectLast();
                // after the list has taken the change in, or it scrolls to where the end was
                javafx.application.Platform.runLater(() -> list.scrollTo(model.actions().size() - 1));
            } else {
                detail.clear();
            }
        });
        Button copy = new Button("Copy", Icons.of("mdi2c-content-copy"));
        copy.setId("action-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(detail.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        BorderPane right = new BorderPane(detail);
        right.setTop(new HBox(4, copy));
        // the list above the payload: each gets the column's whole width
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        getItems().addAll(list, right);
        setDividerPositions(0.4);
    }

    public TextArea detail() {
        return detail;
    }

    public ListView<SimulationModel.EmittedAction> list() {
        return list;
    }

    private void show(SimulationModel.EmittedAction a) {
        try {
            detail.setText(a == null ? "" : PRETTY.writeValueAsString(a.action()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            detail.setText(a.action().toString());
        }
    }
}
