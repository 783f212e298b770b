package io.detectorstudio.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.export.DiagramExport;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path dir;

    @Test
    void theMotorSampleHasOneModelOneInputTwoScenarios() throws Exception {
        ProjectFiles files = ProjectFiles.scan(Path.of("..", "samples", "motor"));
        assertThat(files.models()).extracting(p -> p.getFileName().toString()).containsExactly("model.json");
        assertThat(files.inputs()).extracting(p -> p.getFileName().toString()).containsExactly("PressureInput.json");
        assertThat(files.scenarios()).hasSize(2);
        assertThat(files.traces()).isEmpty();
    }

    @Test
    void item9AProjectWithSeveralModelsListsEachForTheDiagram() throws Exception {
        ProjectFiles files = ProjectFiles.scan(Path.of("..", "samples", "pump-station"));
        assertThat(files.models()).extracting(p -> p.getFileName().toString()).containsExactly("pump.json", "station.json");
        assertThat(files.inputs()).extracting(p -> p.getFileName().toString())
                .containsExactly("PumpReading.json", "StationAlarm.json");
        assertThat(files.scenarios()).hasSize(2);
    }

    @Test
    void samplesAreListedWithTheirReadmeFirstLine() throws Exception {
        var samples = Samples.list(Path.of("..", "samples"));
        assertThat(samples).extracting(Samples.Sample::name).contains("motor", "hvac");
        assertThat(samples).filteredOn(s -> s.name().equals("motor")).singleElement()
                .satisfies(s -> assertThat(s.description()).isEqualTo("Motor pressure (developer guide, simple example)"));
    }

    @Test
    void everyTemplateIsAValidModel() throws Exception {
        for (ModelTemplates t : ModelTemplates.all()) {
            Path file = dir.resolve(t.name() + ".json");
            Files.write(file, t.bytes());
            var read = new ModelLoader().load(file);
            assertThat(new Validator().validate(read, read.model(null), read.inputs(), false))
                    .as(t.title()).noneMatch(d -> d.isError());
        }
    }

    @Test
    void exportsWriteEachFormat() throws Exception {
        Path model = Path.of("..", "samples", "motor", "model.json");
        var loaded = new ModelLoader().load(model).model(null);
        var graph = DiagramExport.placed(model);
        for (ExportFormat f : ExportFormat.values()) {
            Path out = dir.resolve("out." + f.extension());
            f.write(out, loaded, java.util.List.of(), graph);
            assertThat(Files.size(out)).as(f.title()).isPositive();
        }
        assertThat(Files.readString(dir.resolve("out.template.yaml"))).contains("AWS::IoTEvents::DetectorModel");
        assertThat(Files.readString(dir.resolve("out.svg"))).startsWith("<svg").contains("Dangerous");
        byte[] png = Files.readAllBytes(dir.resolve("out.png"));
        assertThat(png[1]).isEqualTo((byte) 'P');
        // the request export reads back as the same model
        assertThat(new ModelLoader().load(dir.resolve("out.json")).model(null).model())
                .isEqualTo(loaded.model());
    }
}
