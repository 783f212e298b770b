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
 * contract's action object; Copy puts the JSON on the clipboard; Deliver… sends the actions of the selected
 * action's step for real to the targets a bindings file binds them to, after a confirmation (issue 17).
 */
public final class ActionPreview extends SplitPane {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The list shows the newest actions only ({@link ListTail}: a list view walks all its items per layout). */
    static final int SHOWN_ACTIONS = 5_000;
    private final ListView<EmittedAction> list = new ListView<>();
    private final TextArea detail = new TextArea();
    private String lastBindings = "bindings.yaml";

    ActionPreview(SimulationViewModel model) {
        list.setId("action-list");
        detail.setId("action-detail");
        detail.setEditable(false);
        detail.setStyle("-fx-font-family: monospace;");
        ListTail<EmittedAction> tail = new ListTail<>(model.actions(), SHOWN_ACTIONS);
        list.setItems(tail.shown());
        javafx.scene.control.Label older = new javafx.scene.control.Label();
        older.setId("action-older");
        older.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format(
                "The newest %,d actions; %,d older ones are in the trace", SHOWN_ACTIONS, tail.olderProperty().get()),
                tail.olderProperty()));
        older.visibleProperty().bind(tail.olderProperty().greaterThan(0));
        older.managedProperty().bind(older.visibleProperty());
        // one line per action: theme.css gives the list a fixed cell size
        list.setCellFactory(v -> {
            javafx.scene.control.ListCell<EmittedAction> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(EmittedAction a, boolean empty) {
                    super.updateItem(a, empty);
                    setText(empty || a == null ? null : a.summary());
                }
            };
            HoverText.install(cell); // not a tooltip per item shown: each is a popup window with a scene
            return cell;
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, a) -> show(a));
        list.setPlaceholder(new javafx.scene.control.Label("No action emitted yet"));
        // the newest action is selected and scrolled to once per change — during a run, once it ends (scrolling
        // a long list on every update of a run costs the FX thread a layout pass of the list each time)
        model.actions().addListener((javafx.collections.ListChangeListener<EmittedAction>) c -> {
            if (!model.runningProperty().get()) {
                showNewest(model);
            }
        });
        model.runningProperty().addListener((obs, was, running) -> {
            if (!running) {
                showNewest(model);
            }
        });
        Button copy = new Button("Copy", Icons.of("mdi2c-content-copy"));
        copy.setId("action-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(detail.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        Button deliver = new Button("Deliver…", Icons.of("mdi2s-send"));
        deliver.setId("action-deliver");
        deliver.setTooltip(new javafx.scene.control.Tooltip(
                "Send this step's actions for real (MQTT, AWS, HTTP) as a bindings file says"));
        deliver.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.actions()));
        deliver.setOnAction(e -> deliverStep(model));
        BorderPane right = new BorderPane(detail);
        right.setTop(new HBox(4, copy, deliver));
        // the list above the payload: each gets the column's whole width
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        BorderPane listed = new BorderPane(list);
        listed.setTop(older);
        getItems().addAll(listed, right);
        setDividerPositions(0.4);
    }

    private void showNewest(SimulationViewModel model) {
        if (!model.actions().isEmpty()) {
            list.getSelectionModel().selectLast();
            // after the list has taken the change in, or it scrolls to where the end was
            javafx.application.Platform.runLater(() -> list.scrollTo(list.getItems().size() - 1));
        } else {
            detail.clear();
        }
    }

    public TextArea detail() {
        return detail;
    }

    public ListView<EmittedAction> list() {
        return list;
    }

    /** Asks for the bindings file, confirms, delivers off the FX thread, shows what each target got. */
    private void deliverStep(SimulationViewModel model) {
        EmittedAction selected = list.getSelectionModel().getSelectedItem();
        int cycle = selected != null ? selected.cycle() : model.actions().get(model.actions().size() - 1).cycle();
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> step = model.actions().stream()
                .filter(a -> a.cycle() == cycle).map(EmittedAction::action).toList();
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(lastBindings);
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Deliver step " + cycle);
        ask.setHeaderText("Bindings file (docs/bindings.md)");
        java.util.Optional<String> file = ask.showAndWait().map(String::trim).filter(f -> !f.isEmpty());
        if (file.isEmpty()) {
            return;
        }
        lastBindings = file.get();
        javafx.scene.control.ButtonType send = new javafx.scene.control.ButtonType("Deliver",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The " + step.size() + " actions of step " + cycle + " are sent for real to the MQTT brokers, AWS "
                        + "services and URLs that " + file.get() + " binds them to.",
                send, javafx.scene.control.ButtonType.CANCEL);
        confirm.initOwner(getScene().getWindow());
        confirm.setHeaderText("Deliver for real?");
        if (confirm.showAndWait().filter(send::equals).isEmpty()) {
            return;
        }
        javafx.concurrent.Task<String> task = new javafx.concurrent.Task<>() {
            @Override
            protected String call() throws Exception {
                return StepDelivery.deliver(java.nio.file.Path.of(file.get()), step, java.time.Duration.ofSeconds(30));
            }
        };
        task.setOnSucceeded(e -> report(javafx.scene.control.Alert.AlertType.INFORMATION, "Delivered", task.getValue()));
        task.setOnFailed(e -> report(javafx.scene.control.Alert.AlertType.ERROR, "Not delivered",
                task.getException().getMessage()));
        Thread thread = new Thread(task, "deliver step " + cycle);
        thread.setDaemon(true);
        thread.start();
    }

    private void report(javafx.scene.control.Alert.AlertType type, String header, String text) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(type, text);
        alert.initOwner(getScene().getWindow());
        alert.setHeaderText(header);
        alert.getDialogPane().setId("deliver-result");
        alert.show();
    }

    private void show(EmittedAction a) {
        try {
            detail.setText(a == null ? "" : PRETTY.writeValueAsString(a.action()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            detail.setText(a.action().toString());
        }
    }
}
