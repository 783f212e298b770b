package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.expression.ModelSymbols;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.Payload;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/**
 * The payload rows of an action form: "custom payload" (absent = the default payload of §C.11), the content
 * expression, the type (JSON/STRING), editable sample values and a live preview of the payload evaluated against
 * them (updated as the expression is typed, before it is committed). Ids: {@code <prefix>-custom},
 * {@code -contentExpression}, {@code -type}, {@code -samples}, {@code -preview}.
 */
final class PayloadEditor {
    static final String DEFAULT_CONTENT = "'{}'";

    private PayloadEditor() {
    }

    static void add(Form form, String prefix, ModelDocument document, Supplier<Payload> get, Consumer<Payload> commit) {
        CheckBox custom = form.check("custom payload", prefix + "-custom", () -> get.get() != null,
                on -> commit.accept(on ? new Payload(DEFAULT_CONTENT, "JSON") : null));
        TextInput content = form.text("contentExpression", prefix + "-contentExpression",
                TextInputs.multiline(FieldKind.EXPRESSION, ModelSymbols.from(document.model(), document.inputs())),
                text -> get.get() == null ? null : FieldRules.member("Payload", "contentExpression")
                        .and(FieldRules.syntax(FieldKind.EXPRESSION)).problem(text),
                false, false, () -> get.get() == null ? null : get.get().contentExpression(),
                v -> {
                    if (get.get() != null) {
                        commit.accept(get.get().withContentExpression(v == null ? "" : v));
                    }
                });
        ComboBox<String> type = form.choice("type", prefix + "-type", List.of("JSON", "STRING"),
                () -> get.get() == null ? "JSON" : get.get().type(),
                v -> {
                    if (get.get() != null) {
                        commit.accept(get.get().withType(v));
                    }
                });
        TextArea samples = new TextArea(PayloadPreview.defaultSamples(document.model(), document.inputs()));
        samples.setId(prefix + "-samples");
        samples.setPrefRowCount(4);
        form.row("sample values", samples);
        Label preview = new Label();
        preview.setId(prefix + "-preview");
        preview.setWrapText(true);
        preview.setStyle("-fx-font-family: monospace;");
        form.row("preview", preview);
        Runnable update = () -> {
            boolean on = get.get() != null;
            content.node().setDisable(!on);
            type.setDisable(!on);
            preview.setText(on ? PayloadPreview.preview(content.textProperty().get(), type.getValue(), samples.getText())
                    : "(the default payload: detector, event trigger details, state)");
        };
        content.textProperty().addListener((obs, old, now) -> update.run());
        type.valueProperty().addListener((obs, old, now) -> update.run());
        samples.textProperty().addListener((obs, old, now) -> update.run());
        custom.selectedProperty().addListener((obs, old, now) -> update.run());
        form.onRefresh(update);
        update.run();
    }
}
