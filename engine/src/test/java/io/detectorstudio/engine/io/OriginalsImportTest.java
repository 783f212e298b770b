package io.detectorstudio.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code corpus/originals} (untouched CloudFormation/SAM templates, console exports, a commented
 * JSON) imports to the model the corpus holds for it (corpus/MANIFEST.md), compared as typed models.
 */
class OriginalsImportTest {

    /** original → corpus model it was converted to (MANIFEST "Originals" table). */
    static final Map<String, String> MODEL_OF = new TreeMap<>(Map.ofEntries(
            Map.entry("accelerators__IoTImlDetectorModel_export.json", "accelerators__IoTImlDetectorModel.json"),
            Map.entry("awscdk-detector-model__detector-model-test-stack.template.json",
                    "awscdk-detector-model__test-detector-model.json"),
            Map.entry("awscdk-lambda-invoke__lambda-invoke-action-test-stack.template.json",
                    "awscdk-lambda-invoke__MyDetectorModel559C0B0E.json"),
            Map.entry("awscdk-set-variable__iotevents-set-variable-action-test-stack.template.json",
                    "awscdk-set-variable__MyDetectorModel559C0B0E.json"),
            Map.entry("awscdk-sns-publish__sns-topic-publish-action-test-stack.template.json",
                    "awscdk-sns-publish__MyDetectorModel559C0B0E.json"),
            Map.entry("awscdk-timer-actions__iotevents-timer-actions-test-stack.template.json",
                    "awscdk-timer-actions__MyDetectorModel559C0B0E.json"),
            Map.entry("cfnguide-full__myDetectorModel.template.json", "cfnguide-full__myDetectorModel.json"),
            Map.entry("cfnguide-full__myDetectorModel.yaml", "cfnguide-full__myDetectorModel.json"),
            Map.entry("cfnguide-simple__myDetectorModel.template.json", "cfnguide-simple__myDetectorModel.json"),
            Map.entry("cfnguide-simple__myDetectorModel.yaml", "cfnguide-simple__myDetectorModel.json"),
            Map.entry("devguide__areaDetectorModel_commented.jsonc", "devguide__areaDetectorModel.json"),
            Map.entry("devguide__motorDetectorModel_consoleExport.json",
                    "devguide__motorDetectorModel_consoleExport.json"),
            Map.entry("lorawan-soilmoisture__template.yaml",
                    "lorawan-soilmoisture__soilmoisturealarming_SoilmoistureEventDetectionModel.json")));

    /** original → corpus input. */
    static final Map<String, String> INPUT_OF = Map.of(
            "cfnguide__myInput.template.json", "cfnguide__myInput.json",
            "cfnguide__myInput.yaml", "cfnguide__myInput.json");

    /**
     * The corpus converted this template with the stack name of its README launch link (MANIFEST); the importer
     * uses the documented placeholder for {@code AWS::StackName}, so the expectation is compared with that.
     */
    static final Map<String, String> STACK_NAME_USED = Map.of(
            "lorawan-soilmoisture__template.yaml", "soilmoisturealarming");

    /** Documentation, not a model file: the model it shows is corpus/models/awscli__motorDetectorModel_htmlEscaped.json. */
    static final String DOCUMENTATION = "awscli__create-detector-model.rst";

    private final ModelLoader loader = new ModelLoader();

    static List<String> modelOriginals() {
        return List.copyOf(MODEL_OF.keySet());
    }

    @Test
    void everyOriginalIsAccountedFor() {
        List<String> names = SharedCorpus.files("corpus/originals", "").stream()
                .map(p -> p.getFileName().toString()).toList();
        assertThat(names).allMatch(n -> MODEL_OF.containsKey(n) || INPUT_OF.containsKey(n) || n.equals(DOCUMENTATION));
    }

    @ParameterizedTest
    @MethodSource("modelOriginals")
    void importsToTheCorpusModel(String original) throws Exception {
        DetectorModel imported = loader.load(SharedCorpus.resolve("corpus/originals/" + original)).model(null).model();
        DetectorModel expected = expected(original);

        assertThat(imported.detectorModelDefinition()).isEqualTo(expected.detectorModelDefinition());
        assertThat(imported.key()).isEqualTo(expected.key());
        assertThat(imported.evaluationMethod()).isIn(expected.evaluationMethod(), null, "BATCH");
    }

    private static DetectorModel expected(String original) throws Exception {
        String text = Files.readString(SharedCorpus.resolve("corpus/models/" + MODEL_OF.get(original)));
        if (STACK_NAME_USED.containsKey(original)) {
            text = text.replace(STACK_NAME_USED.get(original),
                    CloudFormationImport.PSEUDO_PARAMETERS.get("AWS::StackName"));
        }
        return new ModelTreeReader().detectorModel(new ObjectMapper().readTree(text));
    }

    @Test
    void inputTemplatesImportToTheCorpusInput() throws Exception {
        for (Map.Entry<String, String> pair : INPUT_OF.entrySet()) {
            Input expected = loader.load(SharedCorpus.resolve("corpus/inputs/" + pair.getValue())).inputs().get(0)
                    .input();
            Input imported = loader.load(SharedCorpus.resolve("corpus/originals/" + pair.getKey())).inputs().get(0)
                    .input();
            assertThat(imported.inputName()).as(pair.getKey()).isEqualTo(expected.inputName());
            assertThat(imported.attributes()).as(pair.getKey()).isEqualTo(expected.attributes());
        }
    }

    @Test
    void theReStructuredTextPageIsDocumentationNotAModelFile() {
        Path page = SharedCorpus.resolve("corpus/originals/" + DOCUMENTATION);
        assertThatThrownBy(() -> loader.load(page).model(null)).isInstanceOf(ModelReadException.class);
    }
}
