package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            {"detectorModelName": "m", "roleArn": "arn:aws:iam::123456789012:role/r", "key": "id",
             "detectorModelDefinition": {"initialStateName": "A", "states": [
               {"stateName": "A", "onInput": {"events": [{"eventName": "e", "condition": "$input.I.x > 1",
                 "actions": [{"setVariable": {"variableName": "v", "value": "1"}}]}]}}]}}""";

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aProjectFolderIsValidatedWithItsOwnInputs() {
        CliRun run = CliRun.of("validate", "--format", "json", "../samples/motor");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("model.json").doesNotContain("DS-REF-INPUT-UNKNOWN");
        CliRun bad = CliRun.of("validate", "../samples/motor/inputs");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("not a Detector Studio project");
    }

    @Test
    void aProjectFolderChecksItsModelAgainstTheAttributesOfItsInputsFolder() throws IOException {
        Path project = dir.resolve("motor");
        Files.createDirectories(project.resolve("inputs"));
        Files.copy(Path.of("../samples/motor/model.json"), project.resolve("model.json"));
        Files.writeString(project.resolve("inputs/PressureInput.json"), Files.readString(
                Path.of("../samples/motor/inputs/PressureInput.json")).replace("sensorData.pressure", "sensorData.level"));
        CliRun run = CliRun.of("validate", project.toString());
        assertThat(run.out()).contains("DS-REF-ATTRIBUTE-UNKNOWN")
                .contains("input 'PressureInput' has no attribute 'sensorData.pressure'");
    }

    @Test
    void aValidModelExitsZeroAndPrintsNothing() throws IOException {
        CliRun run = CliRun.of("validate", write("ok.json", VALID).toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void errorsArePrintedOneLocatedLineEachAndExitOne() throws IOException {
        Path file = write("bad.json", VALID.replace("\"A\"}", "\"A\"}").replace("initialStateName\": \"A\"",
                "initialStateName\": \"Z\""));
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":2:50:")
                .contains(": error DS-STATE-INITIAL-UNKNOWN $.detectorModelDefinition.initialStateName: ");
    }

    @Test
    void jsonFormatFollowsTheContract() throws Exception {
        Path file = write("bad.json", VALID.replace("\"m\"", "\"bad name\""));
        CliRun run = CliRun.of("validate", "--format", "json", file.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode d = json.path("files").path(0).path("diagnostics").path(0);
        assertThat(json.path("files").path(0).path("file").asText()).isEqualTo(file.toString());
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("code").asText()).isEqualTo("DS-SHAPE-PATTERN");
        assertThat(d.path("path").asText()).isEqualTo("$.detectorModelName");
        assertThat(d.path("line").asInt()).isEqualTo(1);
        assertThat(d.path("column").asInt()).isEqualTo(23);
        assertThat(d.has("endLine") && d.has("endColumn") && d.has("message")).isTrue();
    }

    @Test
    void htmlEscapedCorpusModelReportsEachEntity() {
        Path file = SharedCorpus.resolve("corpus/models/awscli__motorDetectorModel_htmlEscaped.json");
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":27:70: error DS-EXPR-HTML-ENTITY");
    }

    @Test
    void unreadableFilesExitTwoWithALocatedMessageAndNoStackTrace() throws IOException {
        String[][] cases = {
                {"empty.json", ""},
                {"text.json", "this is not json"},
                {"truncated.json", VALID.substring(0, VALID.length() / 2)},
                {"array.json", "[1, 2, 3]"},
                {"other.json", "{\"hello\": \"world\"}"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of("validate", write(c[0], c[1]).toString());
            assertThat(run.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(run.err()).as(c[0]).contains(c[0] + ":").contains("DS-READ").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void wrongTypesInEveryFieldKindAreInvalidNotUnreadable() throws IOException {
        String wrong = """
                {"detectorModelName": 1, "roleArn": [], "key": {}, "evaluationMethod": true,
                 "detectorModelDefinition": {"initialStateName": 3, "states": {"stateName": "A"}}}""";
        CliRun run = CliRun.of("validate", write("types.json", wrong).toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("$.detectorModelName: DetectorModelName must be a string")
                .contains("$.roleArn: AmazonResourceName must be a string but is an array")
                .contains("$.detectorModelDefinition.states: States must be an array");
    }

    @Test
    void unknownActionTypeIsReported() throws IOException {
        String model = VALID.replace("{\"setVariable\": {\"variableName\": \"v\", \"value\": \"1\"}}",
                "{\"sendCarrierPigeon\": {\"to\": \"x\"}}");
        CliRun run = CliRun.of("validate", write("pigeon.json", model).toString());
        assertThat(run.out()).contains("error DS-ACTION-UNKNOWN").contains("sendCarrierPigeon");
        assertThat(run.exitCode()).as("issue 14 item 7: the service rejects it").isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void twentyMegabytesOfNestedArraysFailFast() throws IOException {
        Path file = dir.resolve("deep.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = "[".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
        }
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nested more than");
    }

    @Test
    @Timeout(60)
    void aFiftyMegabyteModelIsHandled() throws IOException {
        Path file = dir.resolve("big.json");
        StringBuilder description = new StringBuilder(50 * 1024 * 1024);
        description.append("x".repeat(50 * 1024 * 1024));
        Files.writeString(file, VALID.replace("\"key\": \"id\",", "\"key\": \"id\", \"detectorModelDescription\": \""
                + description + "\","));
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("DS-SHAPE-LENGTH $.detectorModelDescription");
    }

    @Test
    void binaryGarbageExitsTwo() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Path file = dir.resolve("garbage.json");
        Files.write(file, garbage);
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("garbage.json:").doesNotContain("Exception");
    }

    @Test
    void missingFileExitsTwo() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.json").contains("NoSuchFile");
    }
}
