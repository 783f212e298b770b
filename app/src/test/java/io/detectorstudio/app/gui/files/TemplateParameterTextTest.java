package io.detectorstudio.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 item 8 (GUI part): the dialog's NAME=VALUE text and the defaults it names. */
class TemplateParameterTextTest {

    @Test
    void item8ParametersAreReadOneNameEqualsValueALineAndWrittenBackTheSame() {
        var parsed = TemplateParameterText.parse("AWS::Region = eu-west-1\n\n# a comment\r\nAWS::StackName=prod\n"
                + "Threshold=a=b\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.values()).containsExactly(Map.entry("AWS::Region", "eu-west-1"),
                Map.entry("AWS::StackName", "prod"), Map.entry("Threshold", "a=b"));
        assertThat(TemplateParameterText.parse(TemplateParameterText.format(parsed.values())).values())
                .isEqualTo(parsed.values());
    }

    @Test
    void item8ALineThatIsNotNameEqualsValueOrANameGivenTwiceIsAnErrorNamingItsLine() {
        var parsed = TemplateParameterText.parse("AWS::Region=eu-west-1\neu-west-2\n=x\nAWS::Region=us-east-2");
        assertThat(parsed.errors()).containsExactly(
                "line 2: \"eu-west-2\" is not NAME=VALUE (e.g. AWS::Region=eu-west-1)",
                "line 3: \"=x\" is not NAME=VALUE (e.g. AWS::Region=eu-west-1)",
                "line 4: AWS::Region is given twice");
        assertThat(parsed.values()).containsExactly(Map.entry("AWS::Region", "eu-west-1"));
    }

    @Test
    void item8TheDefaultsUsedAreNamedFromTheLoadersWarningsAndGoneOnceGiven() throws Exception {
        var template = SharedCorpus.resolve("corpus/originals/lorawan-soilmoisture__template.yaml");
        ModelFile defaults = new ModelLoader().load(template);
        assertThat(TemplateParameterText.defaulted(defaults.readDiagnostics()))
                .contains("AWS::Region", "AWS::AccountId", "AWS::StackName");
        ModelFile given = new ModelLoader(TemplateParameterText.parse(
                "AWS::Region=eu-west-1\nAWS::AccountId=210987654321\nAWS::StackName=prod").values()).load(template);
        assertThat(TemplateParameterText.defaulted(given.readDiagnostics()))
                .doesNotContain("AWS::Region", "AWS::AccountId", "AWS::StackName");
    }
}
