package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.document.ModelEdits;
import io.detectorstudio.engine.model.Attribute;
import io.detectorstudio.engine.model.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The input definitions: per input its attributes (JSON paths into the messages), reorderable, with add/remove;
 * new inputs can be added. Paths and names are checked against the service model's patterns as typed.
 * Ids: {@code new-input-name}, {@code add-input}, and per input {@code i}: {@code input-<i>-attributes} (a
 * {@link ListEditor}), {@code input-<i>-new-attribute}, {@code input-<i>-attributes-add}.
 */
public final class InputsPanel extends PropertyPanel {
    private final ValidationSupport validation = new ValidationSupport();
    private final List<ListEditor> lists = new ArrayList<>();
    private final int shownInputs;

    public InputsPanel(ModelDocument document, Consumer<PropertyTarget> navigate) {
        super(document, navigate);
        title("Input definitions", "Model", PropertyTarget.MODEL);
        List<Input> inputs = document.inputs();
        shownInputs = inputs.size();
        if (inputs.isEmpty()) {
            getChildren().add(new Label("No input definitions are open with this model."));
        }
        for (int i = 0; i < inputs.size(); i++) {
            addInputSection(i, inputs.get(i).inputName());
        }
        TextField name = new TextField();
        name.setId("new-input-name");
        name.setPromptText("InputName");
        FieldRules.Check nameRules = FieldRules.shapeOf("CreateInputRequest", "inputName");
        validation.registerValidator(name, false, (c, v) -> result(c, nameRules.problem((String) v)));
        Button add = new Button("Add input");
        add.setId("add-input");
        add.setOnAction(e -> {
            String text = name.getText().strip();
            if (!text.isEmpty() && nameRules.problem(text) == null
                    && document.inputs().stream().noneMatch(in -> text.equals(in.inputName()))) {
                document.editInputs("Add input " + text, l -> append(l, new Input(text, null, List.of(), List.of())));
            }
        });
        HBox.setHgrow(name, Priority.ALWAYS);
        getChildren().add(new HBox(6, name, add));
    }

    private void addInputSection(int index, String inputName) {
        String id = "input-" + index + "-attributes";
        TextField path = new TextField();
        path.setId("input-" + index + "-new-attribute");
        path.setPromptText("sensorData.temperature");
        FieldRules.Check pathRules = FieldRules.member("Attribute", "jsonPath");
        validation.registerValidator(path, false, (c, v) -> result(c,
                ((String) v).isEmpty() ? null : pathRules.problem((String) v)));
        Button add = new Button("Add");
        add.setId(id + "-add");
        add.setOnAction(e -> {
            String text = path.getText().strip();
            if (pathRules.problem(text) == null && editAttributes(index, "Add attribute " + text,
                    l -> l.add(new Attribute(text)))) {
                path.clear();
            }
        });
        ListEditor list = new ListEditor(inputName, id, () -> attributes(index).stream().map(Attribute::jsonPath).toList(),
                new HBox(4, path, add),
                i -> editAttributes(index, "Remove attribute", l -> l.remove((int) i)),
                (from, to) -> editAttributes(index, "Move attribute", l -> ModelEdits.move(l, from, to)), null);
        lists.add(list);
        getChildren().add(list);
    }

    private List<Attribute> attributes(int index) {
        List<Input> inputs = document.inputs();
        return index < inputs.size() ? inputs.get(index).attributes() : List.of();
    }

    private boolean editAttributes(int index, String description, Consumer<List<Attribute>> change) {
        return document.editInputs(description, inputs -> {
            List<Input> copy = new ArrayList<>(inputs);
            List<Attribute> attributes = new ArrayList<>(copy.get(index).attributes());
            change.accept(attributes);
            copy.set(index, copy.get(index).withAttributes(attributes));
            return copy;
        });
    }

    private static List<Input> append(List<Input> inputs, Input input) {
        List<Input> copy = new ArrayList<>(inputs);
        copy.add(input);
        return copy;
    }

    private static ValidationResult result(javafx.scene.control.Control c, String problem) {
        return problem == null ? new ValidationResult() : ValidationResult.fromError(c, problem);
    }

    public ValidationSupport validation() {
        return validation;
    }

    @Override
    public PropertyTarget target() {
        return PropertyTarget.INPUTS;
    }

    /** Rebuilt (false) when the number of inputs changed; otherwise the lists re-read. */
    @Override
    public boolean refresh() {
        if (document.inputs().size() != shownInputs) {
            return false;
        }
        lists.forEach(ListEditor::refresh);
        return true;
    }
}
