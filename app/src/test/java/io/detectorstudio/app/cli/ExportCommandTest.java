package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void apiExportOfEveryCorpusModelGivesTheSameTreeAndKeyOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Path model : SharedCorpus.files("corpus/models", ".json")) {
            Path out = dir.resolve(model.getFileName());
            CliRun run = CliRun.of("export", model.toString(), "--format", "api", "-o", out.toString());
            assertThat(run.exitCode()).as(model.toString()).isZero();
            JsonNode original = json.readTree(model.toFile());
            JsonNode exported = json.readTree(out.toFile());
            if (original.has("detectorModelDefinition")) {
                assertThat(exported).as(model.toString()).isEqualTo(original);
                assertThat(exported.toString()).isEqualTo(original.toString()); // key order and numbers too
            } else {
                assertThat(exported.path("detectorModelDefinition"))
                        .isEqualTo(original.path("detectorModel").path("detectorModelDefinition"));
            }
        }
    }

    @Test
    void cloudFormationExportReimportsToTheSameModel() throws Exception {
        Path model = SharedCorpus.resolve("corpus/models/devguide__areaDetectorModel.json");
        for (String format : List.of("cloudformation-json", "cloudformation-yaml")) {
            Path out = dir.resolve("template." + (format.endsWith("yaml") ? "yaml" : "json"));
            CliRun run = CliRun.of("export", model.toString(), "--format", format, "-o", out.toString(),
                    "--inputs", SharedCorpus.resolve("corpus/inputs/devguide__temperatureInput.json").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode template = format.endsWith("yaml") ? new YAMLMapper().readTree(out.toFile())
                    : new ObjectMapper().readTree(out.toFile());
            assertThat(template.path("Resources").toString()).contains("AWS::IoTEvents::DetectorModel")
                    .contains("AWS::IoTEvents::Input");
            JsonNode back = new ModelLoader().load(out).model("areaDetectorModel").request();
            assertThat(back.path("detectorModelDefinition"))
                    .isEqualTo(new ObjectMapper().readTree(model.toFile()).path("detectorModelDefinition"));
        }
    }

    @Test
    void everyOriginalImportsToTheCorpusModel() throws Exception {
        // original file -> the corpus model it was converted to (corpus/MANIFEST.md)
        String[][] pairs = {
                {"cfnguide-simple__myDetectorModel.yaml", "cfnguide-simple__myDetectorModel.json"},
                {"cfnguide-simple__myDetectorModel.template.json", "cfnguide-simple__myDetectorModel.json"},
                {"cfnguide-full__myDetectorModel.yaml", "cfnguide-full__myDetectorModel.json"},
                {"cfnguide-full__myDetectorModel.template.json", "cfnguide-full__myDetectorModel.json"},
                {"devguide__motorDetectorModel_consoleExport.json", "devguide__motorDetectorModel_consoleExport.json"},
                {"accelerators__IoTImlDetectorModel_export.json", "accelerators__IoTImlDetectorModel.json"},
        };
        ObjectMapper json = new ObjectMapper();
        for (String[] pair : pairs) {
            JsonNode imported = new ModelLoader().load(SharedCorpus.resolve("corpus/originals/" + pair[0]))
                    .model(null).request();
            JsonNode expected = json.readTree(SharedCorpus.resolve("corpus/models/" + pair[1]).toFile());
            assertThat(imported.path("detectorModelDefinition")).as(pair[0])
                    .isEqualTo(expected.path("detectorModelDefinition"));
        }
    }

    @Test
    void aFailedExportLeavesTheExistingFileIntact() throws Exception {
        Path out = dir.resolve("out.json");
        Files.writeString(out, "previous content");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"detectorModelDefinition\": ");
        CliRun run = CliRun.of("export", broken.toString(), "--format", "api", "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("previous content");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.json", "broken.json");
        }
    }

    @Test
    void diagramsExportAsSvgAndPng() throws Exception {
        Path model = SharedCorpus.resolve("corpus/models/devguide__areaDetectorModel.json");
        Path svg = dir.resolve("area.svg");
        Path png = dir.resolve("area.png");
        assertThat(CliRun.of("export", model.toString(), "--format", "svg", "-o", svg.toString()).exitCode()).isZero();
        assertThat(CliRun.of("export", model.toString(), "--format", "png", "-o", png.toString()).exitCode()).isZero();
        assertThat(Files.readString(svg)).startsWith("<").contains("<svg").contains("heating").contains("cooling");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(200);
    }

    @Test
    void aProjectFolderExportsItsModelWithItsSavedLayout() throws Exception {
        Path svg = dir.resolve("hvac.svg");
        assertThat(CliRun.of("export", "../samples/hvac", "--format", "svg", "-o", svg.toString()).exitCode()).isZero();
        assertThat(Files.readString(svg)).contains("<svg");
        Path api = dir.resolve("motor.json");
        assertThat(CliRun.of("export", "../samples/motor", "--format", "api", "-o", api.toString()).exitCode()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(api.toFile())).isEqualTo(json.readTree(Path.of("../samples/motor/model.json").toFile()));
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun run = CliRun.of("export", "x.json", "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'pdf'");
    }
}
