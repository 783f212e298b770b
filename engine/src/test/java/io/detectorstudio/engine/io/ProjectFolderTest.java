package io.detectorstudio.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Detector Studio project is a folder: model.json plus inputs/*.json (the samples' layout). */
class ProjectFolderTest {

    @Test
    void aProjectFolderLoadsItsModelWithItsInputs(@TempDir Path project) throws Exception {
        Files.copy(Path.of(getClass().getResource("/models/devguide__motorDetectorModel.json").toURI()),
                project.resolve("model.json"));
        Files.createDirectories(project.resolve("inputs"));
        Files.writeString(project.resolve("inputs/PressureInput.json"), "{\"inputName\":\"PressureInput\","
                + "\"inputDefinition\":{\"attributes\":[{\"jsonPath\":\"sensorData.pressure\"},{\"jsonPath\":\"motorid\"}]}}");
        Files.writeString(project.resolve("inputs/notes.txt"), "not an input");
        ModelFile file = new ModelLoader().load(project);
        assertThat(file.path()).isEqualTo(project.resolve("model.json"));
        assertThat(file.model(null).name()).isEqualTo("motorDetectorModel");
        assertThat(file.inputs()).extracting(LoadedInput::name).containsExactly("PressureInput");
    }

    @Test
    void aFolderWithoutModelJsonSaysWhatAProjectIs(@TempDir Path folder) {
        assertThatThrownBy(() -> new ModelLoader().load(folder)).isInstanceOf(ModelReadException.class)
                .hasMessageContaining("not a Detector Studio project").hasMessageContaining("model.json");
    }
}
