package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.engine.model.DetectorModel;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.scene.control.Hyperlink;

/** The model's own members: name, description, key, evaluation method (BATCH/SERIAL), role ARN. */
public final class ModelPanel extends PropertyPanel {
    private static final String REQUEST = "CreateDetectorModelRequest";
    private final Form form = new Form();

    public ModelPanel(ModelDocument document, Consumer<PropertyTarget> navigate) {
        super(document, navigate);
        form.draftTo(document::draft);
        title("Detector model", null, null);
        text("Name", "model-name", "detectorModelName", DetectorModel::detectorModelName,
                DetectorModel::withDetectorModelName, FieldRules.Check.NONE);
        text("Description", "model-description", "detectorModelDescription",
                DetectorModel::detectorModelDescription, DetectorModel::withDetectorModelDescription,
                FieldRules.Check.NONE);
        text("Key", "model-key", "key", DetectorModel::key, DetectorModel::withKey, FieldRules.Check.NONE);
        form.choice("Evaluation", "model-evaluation", List.of("", "BATCH", "SERIAL"), "BATCH (default; not set)",
                () -> document.model().evaluationMethod(),
                v -> document.edit("Evaluation method", m -> m.withEvaluationMethod(v)));
        text("Role ARN", "model-role", "roleArn", DetectorModel::roleArn, DetectorModel::withRoleArn,
                FieldRules.Format.IAM_ROLE_ARN.check());
        Hyperlink inputs = new Hyperlink("Input definitions…");
        inputs.setId("open-inputs");
        inputs.setOnAction(e -> navigate.accept(PropertyTarget.INPUTS));
        form.wide(inputs);
        getChildren().add(form.node());
    }

    private void text(String label, String id, String member, Function<DetectorModel, String> get,
                      java.util.function.BiFunction<DetectorModel, String, DetectorModel> with, FieldRules.Check extra) {
        // a missing role only matters at deployment (the validator warns), so it is not flagged as required here
        boolean required = FieldRules.isRequired(REQUEST, member) && !member.equals("roleArn");
        FieldRules.Check rules = required ? FieldRules.member(REQUEST, member) : FieldRules.shapeOf(REQUEST, member);
        form.text(label, id, TextInputs.plain(), rules.and(extra), required, !required,
                () -> get.apply(document.model()),
                v -> document.edit("Edit " + label.toLowerCase(), (UnaryOperator<DetectorModel>) m -> with.apply(m, v)));
    }

    public Form form() {
        return form;
    }

    @Override
    public PropertyTarget target() {
        return PropertyTarget.MODEL;
    }

    @Override
    public boolean refresh() {
        form.refresh();
        return true;
    }
}
