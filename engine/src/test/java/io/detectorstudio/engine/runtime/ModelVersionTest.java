package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

/** Issue 14 item 5: detectorModelVersion in the default payload is the model's version, not always "1". */
class ModelVersionTest {

    private static final String MESSAGE = "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80}}";

    @Test
    void item5EachUpdateBumpsTheVersionTheDefaultPayloadShows() throws Exception {
        EngineHarness h = new EngineHarness().model("/runtime/motorDetectorModel.json");
        h.send("PressureInput", MESSAGE);
        assertThat(h.external().get(0).path("payload").path("payload").path("detector").path("detectorModelVersion")
                .asText()).isEqualTo("1");
        h.model("/runtime/motorDetectorModel.json").model("/runtime/motorDetectorModel.json");
        h.actions.clear();
        h.send("PressureInput", MESSAGE);
        assertThat(h.external().get(0).path("payload").path("payload").path("detector").path("detectorModelVersion")
                .asText()).isEqualTo("3");
    }

    @Test
    void item5ADescribeExportKeepsItsVersion() throws Exception {
        ObjectNode describe = (ObjectNode) EngineHarness.JSON.readTree(java.nio.file.Files.readAllBytes(SharedCorpus.resolve(
                "reference/doc-examples/console-tutorial/describe-detector-model.motorDetectorModel.json")));
        ((ObjectNode) describe.path("detectorModel").path("detectorModelConfiguration")).put("detectorModelVersion", "7");
        LoadedModel loaded = new ModelLoader().load(java.nio.file.Path.of("export.json"),
                describe.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).model(null);
        assertThat(loaded.version()).isEqualTo("7");
        EngineHarness h = new EngineHarness();
        h.engine.putModel(loaded.request(), loaded.version());
        h.send("PressureInput", MESSAGE);
        assertThat(h.external()).isNotEmpty();
        assertThat(h.external().get(0).path("payload").path("payload").path("detector").path("detectorModelVersion")
                .asText()).isEqualTo("7");
        h.engine.putModel(loaded.request());
        assertThat(h.engine.modelVersion(loaded.name())).isEqualTo("8");
    }
}
