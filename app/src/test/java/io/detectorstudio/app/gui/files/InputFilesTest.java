package io.detectorstudio.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.model.Attribute;
import io.detectorstudio.engine.model.Input;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void newAndEditedDefinitionsGoIntoTheInputsFolderOverTheirOriginalTrees() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path pressure = Files.writeString(inputs.resolve("pressure-input.json"), """
                {"inputName": "PressureInput", "inputDescription": "kept",
                 "inputDefinition": {"attributes": [{"jsonPath": "pressure"}]}, "x-note": "unknown member kept"}
                """);
        LoadedInput read = new ModelLoader().load(pressure).inputs().get(0);
        InputFiles files = new InputFiles(List.of(new InputFiles.Origin(read, pressure)));
        Input edited = read.input().withAttributes(List.of(new Attribute("pressure"), new Attribute("motorid")));
        Input added = new Input("TemperatureInput", null, List.of(new Attribute("sensorData.temperature")), List.of());

        List<Path> written = files.save(dir.resolve("model.json"), List.of(edited, added));

        assertThat(written).containsExactly(pressure, inputs.resolve("TemperatureInput.json"));
        LoadedInput back = new ModelLoader().load(pressure).inputs().get(0);
        assertThat(back.input()).isEqualTo(edited);
        assertThat(back.request().path("x-note").asText()).isEqualTo("unknown member kept");
        assertThat(new ModelLoader().load(inputs.resolve("TemperatureInput.json")).inputs().get(0).input())
                .isEqualTo(added);
        assertThat(files.save(dir.resolve("model.json"), List.of(edited, added))).as("nothing changed").isEmpty();
    }

    @Test
    void anAddedInputThatWasUndoneLosesItsFileAtTheNextSave() throws Exception {
        InputFiles files = new InputFiles(List.of());
        Input added = new Input("TemperatureInput", null, List.of(new Attribute("t")), List.of());
        files.save(dir.resolve("model.json"), List.of(added));
        assertThat(dir.resolve("inputs/TemperatureInput.json")).exists();
        files.save(dir.resolve("model.json"), List.of());
        assertThat(dir.resolve("inputs/TemperatureInput.json")).doesNotExist();
    }

    @Test
    void savedAsElsewhereEveryDefinitionIsWrittenThereAndTheOldFolderIsLeftAlone() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old/inputs"));
        Path pressure = Files.writeString(old.resolve("PressureInput.json"),
                "{\"inputName\": \"PressureInput\", \"inputDefinition\": {\"attributes\": [{\"jsonPath\": \"p\"}]}}");
        LoadedInput read = new ModelLoader().load(pressure).inputs().get(0);
        InputFiles files = new InputFiles(List.of(new InputFiles.Origin(read, pressure)));
        files.save(dir.resolve("new/model.json"), List.of(read.input()));
        assertThat(dir.resolve("new/inputs/PressureInput.json")).exists();
        assertThat(pressure).exists();
    }
}
