package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.TemplateParameterText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File ▸ Template parameters: the values of a CloudFormation template's parameters and pseudo-parameters, one
 * {@code NAME=VALUE} a line (the studio's {@code --parameter}); the header names the defaults in use. OK stays
 * disabled while a line is not {@code NAME=VALUE}, with the reason shown.
 */
final class TemplateParametersDialog {

    private TemplateParametersDialog() {
    }

    static Optional<Map<String, String>> ask(Window owner, String file, Map<String, String> given,
                                             List<String> defaulted) {
        Dialog<Map<String, String>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Template parameters");
        dialog.setHeaderText("Parameters for " + file + ", one NAME=VALUE a line (AWS::StackName, AWS::Region, "
                + "AWS::AccountId, the template's Parameters)"
                + (defaulted.isEmpty() ? "" : "\nNot given, so their default is used: " + String.join(", ", defaulted)));
        TextArea text = new TextArea(TemplateParameterText.format(given));
        text.setId("template-parameters");
        text.setPromptText("AWS::Region=eu-west-1");
        text.setPrefRowCount(8);
        Label errors = new Label();
        errors.setId("template-parameter-errors");
        errors.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(6, text, errors));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        text.textProperty().addListener((obs, old, now) -> {
            List<String> problems = TemplateParameterText.parse(now).errors();
            errors.setText(String.join("\n", problems));
            ok.setDisable(!problems.isEmpty());
        });
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? TemplateParameterText.parse(text.getText()).values() : null);
        return dialog.showAndWait();
    }
}
