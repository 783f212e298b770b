package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.app.gui.Icons;
import io.detectorstudio.engine.runtime.MessageShapes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Builds a message per input from a form: one field per attribute path (number, string or boolean; the kind can be
 * changed), values remembered per input across sends; or raw JSON. Enter in a field sends.
 */
public final class InputStepper extends VBox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulationViewModel model;
    private final Map<String, List<InputFields.Field>> inputs;
    private final Map<String, Map<String, String>> remembered = new HashMap<>();
    private final Map<String, Map<String, InputFields.Kind>> kinds = new HashMap<>();
    private final ChoiceBox<String> input = new ChoiceBox<>();
    private final GridPane form = new GridPane();
    private final TextArea raw = new TextArea();
    private final ToggleButton rawMode = new ToggleButton(null, Icons.of("mdi2c-code-braces"));
    private final Label error = new Label();

    InputStepper(SimulationViewModel model, Map<String, List<InputFields.Field>> inputs) {
        this.model = model;
        this.inputs = inputs;
        setSpacing(6);
        setPadding(new Insets(6));
        getStyleClass().add("input-stepper");
        input.getItems().setAll(inputs.keySet());
        input.setId("stepper-input");
        input.valueProperty().addListener((obs, old, now) -> rebuild());
        form.setHgap(4);
        form.setVgap(4);
        raw.setPrefRowCount(4);
        raw.setId("stepper-raw");
        raw.setPromptText("{\"sensorData\": {\"pressure\": 80}}");
        rawMode.setOnAction(e -> rebuild());
        rawMode.setId("stepper-raw-mode");
        rawMode.setTooltip(new Tooltip("Raw JSON: write the payload as JSON instead of the form"));
        rawMode.setAccessibleText("Raw JSON");
        Button send = new Button("Send", Icons.of("mdi2s-send"));
        send.setId("stepper-send");
        send.setDefaultButton(false);
        send.setOnAction(e -> send());
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c53030;");
        HBox head = new HBox(6, input, rawMode, send);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // the toggle and Send keep their size; a long input name is elided in the chooser (full name on hover).
        // Send sits in the chooser's row, not under the form: the workbench's bottom pane is about 250 px high in
        // an 800 px window, and a button under a form of a few fields was scrolled out of sight there
        rawMode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        input.setMinWidth(60);
        input.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(input, Priority.ALWAYS);
        Tooltip inputName = new Tooltip();
        input.valueProperty().addListener((obs, old, now) -> inputName.setText(now));
        input.setTooltip(inputName);
        getChildren().addAll(head, form, error);
        VBox.setVgrow(form, Priority.ALWAYS);
        if (!inputs.isEmpty()) {
            input.setValue(inputs.keySet().iterator().next());
        } else {
            getChildren().add(new Label("The model reads no input."));
        }
    }

    private void rebuild() {
        form.getChildren().clear();
        getChildren().remove(raw);
        String name = input.getValue();
        if (name == null) {
            return;
        }
        if (rawMode.isSelected()) {
            getChildren().add(2, raw);
            return;
        }
        Map<String, String> values = remembered.computeIfAbsent(name, n -> new HashMap<>());
        Map<String, InputFields.Kind> kindOf = kinds.computeIfAbsent(name, n -> new HashMap<>());
        int row = 0;
        for (InputFields.Field f : inputs.get(name)) {
            InputFields.Kind kind = kindOf.getOrDefault(f.path(), f.kind());
            Label label = new Label(f.path());
            // as a last resort (a very narrow column) a long path is elided, never the Send button pushed away
            label.setMinWidth(Math.min(60, label.prefWidth(-1)));
            label.setTooltip(new Tooltip(f.path()));
            MenuButton kindBox = kindChooser(kind, chosen -> {
                kindOf.put(f.path(), chosen);
                rebuild();
            });
            javafx.scene.Node editor;
            if (kind == InputFields.Kind.BOOLEAN) {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(values.getOrDefault(f.path(), "false")));
                box.selectedProperty().addListener((obs, old, now) -> values.put(f.path(), Boolean.toString(now)));
                values.putIfAbsent(f.path(), "false");
                editor = box;
            } else {
                TextField field = new TextField(values.getOrDefault(f.path(), ""));
                field.setId("field-" + f.path().replace('.', '_'));
                // asks for no more than its least width and grows into the room there is: the path label keeps
                // its width as long as the row can give the value field that least width
                field.setMinWidth(48);
                field.setPrefWidth(48);
                field.setPromptText(kind == InputFields.Kind.NUMBER ? "number" : "text");
                field.textProperty().addListener((obs, old, now) -> values.put(f.path(), now));
                field.setOnAction(e -> send());
                editor = field;
            }
            form.addRow(row++, label, editor, kindBox);
            GridPane.setHgrow(editor, Priority.ALWAYS);
        }
    }

    /**
     * How a value is written into the message, as a short mark ("123", "abc", "t/f") with the kinds in its menu: a
     * chooser showing the kind's name ("number ▾") would not leave the value room beside a path in a third of a
     * 1024 px window. The value field gives way, never the kind.
     */
    private static MenuButton kindChooser(InputFields.Kind kind, java.util.function.Consumer<InputFields.Kind> chosen) {
        MenuButton chooser = new MenuButton(mark(kind));
        chooser.getStyleClass().add("kind-chooser");
        chooser.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chooser.setTooltip(new Tooltip("Written into the message as " + name(kind) + "; click to change"));
        for (InputFields.Kind k : InputFields.Kind.values()) {
            MenuItem item = new MenuItem(mark(k) + "   " + name(k));
            item.setOnAction(e -> chosen.accept(k));
            chooser.getItems().add(item);
        }
        return chooser;
    }

    private static String mark(InputFields.Kind kind) {
        return switch (kind) {
            case NUMBER -> "123";
            case STRING -> "abc";
            case BOOLEAN -> "t/f";
        };
    }

    private static String name(InputFields.Kind kind) {
        return switch (kind) {
            case NUMBER -> "a number";
            case STRING -> "text";
            case BOOLEAN -> "a boolean";
        };
    }

    /** Sets a field's text (as typed) for the current input. */
    void setValue(String path, String value) {
        remembered.computeIfAbsent(input.getValue(), n -> new HashMap<>()).put(path, value);
        rebuild();
    }

    void selectInput(String name) {
        input.setValue(name);
    }

    /** Sends the form (or the raw JSON) as one message; shows what is wrong instead when it cannot. */
    public void send() {
        String name = input.getValue();
        if (name == null) {
            return;
        }
        try {
            JsonNode payload = rawMode.isSelected() ? rawPayload(JSON.readTree(raw.getText()))
                    : InputFields.payload(effectiveFields(name), remembered.getOrDefault(name, Map.of()));
            if (!payload.isObject()) {
                throw new IllegalArgumentException("a message payload is a JSON object");
            }
            error.setText("");
            model.send(name, payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error.setText("Not JSON: line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    /**
     * The raw text as the device's JSON object, or in the API's own shapes (issue 14 item 6): a BatchPutMessage
     * entry ({@code payload} as base64 or JSON text) or the payload blob alone as a JSON string.
     */
    static JsonNode rawPayload(JsonNode raw) {
        if (raw.isTextual()) {
            return MessageShapes.payload(raw);
        }
        if (raw.isObject() && raw.has("payload") && (raw.has("inputName") || raw.has("messageId"))) {
            if (raw.has("timestamp")) {
                MessageShapes.timestamp(raw.get("timestamp")); // a bad one is an error, a good one is said unused
                throw new IllegalArgumentException("timestamp: the workbench sends at the session clock; remove it"
                        + " and advance the clock instead");
            }
            return MessageShapes.payload(raw.get("payload"));
        }
        return raw;
    }

    private List<InputFields.Field> effectiveFields(String name) {
        Map<String, InputFields.Kind> kindOf = kinds.getOrDefault(name, Map.of());
        return inputs.get(name).stream()
                .map(f -> new InputFields.Field(f.path(), kindOf.getOrDefault(f.path(), f.kind()))).toList();
    }
}
