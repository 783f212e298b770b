package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14 item 8 (GUI part), through the real launch on a CloudFormation template: Problems names the defaults
 * used; File ▸ Template parameters… takes NAME=VALUE lines and the model is read again with them.
 */
class TemplateParametersE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.launch(AppDriver.repository()
            .resolve("testdata/corpus/originals/lorawan-soilmoisture__template.yaml").toString());

    @Test
    void item8TemplateParametersAreGivenInTheStudioAndTheDefaultsUsedAreInProblems() {
        app.waitUntil("Problems names the region's default", () -> defaultsNamed().contains("AWS::Region"));

        app.clickMenu("File", "Template parameters…");
        app.waitUntil("the dialog is shown", () -> app.robot().lookup("#template-parameters").tryQuery().isPresent());
        app.robot().clickOn("#template-parameters");
        app.robot().write("AWS::Region eu-west-1\n");
        app.waitUntil("a line that is not NAME=VALUE is refused", () -> app.robot()
                .lookup("#template-parameter-errors").queryLabeled().getText().contains("is not NAME=VALUE"));
        assertThat(app.onFx(() -> app.shown("OK").isDisabled())).isTrue();
        app.robot().push(KeyCode.CONTROL, KeyCode.A);
        app.robot().write("AWS::Region=eu-west-1\nAWS::AccountId=210987654321");
        app.screenshot("TemplateParametersE2E.dialog");
        app.robot().clickOn("OK");

        app.waitUntil("the model is read with the region given", () -> !defaultsNamed().contains("AWS::Region"));
        assertThat(defaultsNamed()).doesNotContain("AWS::AccountId").contains("AWS::StackName");
    }

    private static List<String> defaultsNamed() {
        return app.onFx(() -> {
            TableView<?> problems = app.robot().lookup("#problems").queryAs(TableView.class);
            return problems.getItems().stream().map(Diagnostic.class::cast)
                    .filter(d -> d.code().equals("DS-CFN-PARAMETER-DEFAULT"))
                    .map(d -> d.message().substring(0, d.message().indexOf(' '))).toList();
        });
    }
}
