package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 items 6, 7, 8 and 9 through the command line. */
class FidelityCommandsTest {

    @TempDir
    Path dir;

    private static final Path PUMP_STATION = Path.of("..", "samples", "pump-station").toAbsolutePath().normalize();
    private static final String MOTOR = SharedCorpus.resolve("corpus/models/devguide__motorDetectorModel.json").toString();

    private static List<JsonNode> actions(CliRun run) {
        return run.out().lines().map(l -> {
            try {
                return new ObjectMapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    private Path messages(String... lines) throws Exception {
        Path file = dir.resolve("m.jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void item9RunLoadsEveryModelOfAProjectAndAnIotEventsActionFeedsTheOtherModel() throws Exception {
        Path m = messages("{\"inputName\":\"PumpReading\",\"payload\":{\"pumpId\":\"p1\",\"stationId\":\"s1\",\"pressure\":120}}",
                "{\"inputName\":\"PumpReading\",\"payload\":{\"pumpId\":\"p2\",\"stationId\":\"s1\",\"pressure\":130}}");
        for (List<String> args : List.of(List.of(PUMP_STATION.toString()),
                List.of(PUMP_STATION.resolve("models/pump.json").toString(), PUMP_STATION.resolve("models/station.json").toString()))) {
            List<String> all = new java.util.ArrayList<>(List.of("run"));
            all.addAll(args);
            all.addAll(List.of("--messages", m.toString()));
            CliRun run = CliRun.of(all.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonNode> actions = actions(run);
            assertThat(actions).extracting(a -> a.path("detectorModelName").asText() + " " + a.path("type").asText())
                    .containsExactly("pumpModel iotEvents", "stationModel setVariable", "stationModel setVariable",
                            "pumpModel iotEvents", "stationModel setVariable", "stationModel sns");
            assertThat(actions.get(5).path("payload").path("payload").path("state").path("stateName").asText())
                    .isEqualTo("Critical");
        }
    }

    @Test
    void item9ValidateChecksEveryModelOfAProject() {
        CliRun run = CliRun.of("validate", PUMP_STATION.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        CliRun json = CliRun.of("validate", "--format", "json", PUMP_STATION.toString());
        assertThat(json.out()).contains("pump.json", "station.json");
    }

    @Test
    void item6RunAcceptsTheBatchPutMessageShapes() throws Exception {
        String payload = "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":80}}";
        String base64 = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Path m = messages("{\"inputName\":\"PressureInput\",\"messageId\":\"a\",\"payload\":\"" + base64 + "\","
                        + "\"timestamp\":{\"timeInMillis\":1767225600000}}",
                "{\"inputName\":\"PressureInput\",\"messageId\":\"b\",\"payload\":" + new ObjectMapper().writeValueAsString(
                        "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":60}}") + "}");
        CliRun run = CliRun.of("run", MOTOR, "--messages", m.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> sns = actions(run).stream().filter(a -> a.path("type").asText().equals("sns")).toList();
        assertThat(sns).hasSize(1);
        assertThat(sns.get(0).path("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void item6AnInvalidTimestampOrPayloadIsALocatedErrorNeverIgnored() throws Exception {
        Path m = messages("{\"inputName\":\"PressureInput\",\"payload\":{\"motorid\":\"x\"},\"timestamp\":\"yesterday\"}",
                "{\"inputName\":\"PressureInput\",\"payload\":\"not base64 at all!\"}",
                "{\"inputName\":\"PressureInput\",\"payload\":{\"motorid\":\"x\"},\"timestamp\":{\"timeInMillis\":-5}}");
        CliRun run = CliRun.of("run", MOTOR, "--messages", m.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("m.jsonl:1: timestamp must be an ISO-8601 instant")
                .contains("m.jsonl:2: payload text is neither JSON nor base64")
                .contains("m.jsonl:3: timestamp.timeInMillis must be");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void item7ValidateExitsOneOnAnUnknownActionKeyAndRunNeverEmitsIt() throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, """
                {"detectorModelName": "m", "roleArn": "arn:aws:iam::123456789012:role/r",
                 "detectorModelDefinition": {"initialStateName": "A", "states": [
                   {"stateName": "A", "onInput": {"events": [{"eventName": "e", "condition": "$input.I.x > 1",
                     "actions": [{"snss": {"targetArn": "arn:aws:sns:us-east-1:123456789012:t"}},
                                 {"setVariable": {"variableName": "v", "value": "1"}}]}]}}]}}""");
        CliRun validate = CliRun.of("validate", model.toString());
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out()).contains(":4:27: error DS-ACTION-UNKNOWN").contains("did you mean 'sns'?");
        CliRun run = CliRun.of("run", model.toString(), "--messages", messages("{\"inputName\":\"I\",\"payload\":{\"x\":5}}").toString());
        assertThat(actions(run)).extracting(a -> a.path("type").asText()).containsExactly("setVariable");
    }

    @Test
    void item8TemplateParametersAreGivenOrTheirDefaultIsNamed() throws Exception {
        String template = SharedCorpus.resolve("corpus/originals/lorawan-soilmoisture__template.yaml").toString();
        CliRun validate = CliRun.of("validate", template);
        assertThat(validate.out()).contains("warning DS-CFN-PARAMETER-DEFAULT")
                .contains("AWS::Region was not given (--parameter AWS::Region=VALUE); using the documentation's placeholder: \"us-east-1\"")
                .contains("AWS::AccountId was not given");
        CliRun given = CliRun.of("validate", template, "--parameter", "AWS::Region=eu-west-1",
                "--parameter", "AWS::AccountId=210987654321", "--parameter", "AWS::StackName=prod");
        assertThat(given.out()).doesNotContain("AWS::Region was not given").doesNotContain("AWS::AccountId was not given")
                .doesNotContain("AWS::StackName was not given");
        Path out = dir.resolve("api.json");
        CliRun exported = CliRun.of("export", template, "--format", "api", "-o", out.toString(), "--parameter",
                "AWS::Region=eu-west-1", "--parameter", "AWS::AccountId=210987654321", "--parameter", "AWS::StackName=prod");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readString(out)).contains("arn:aws:iam::210987654321:role/", "arn:aws:sns:eu-west-1:210987654321:prod_",
                "\"prod_SoilmoistureEventDetectionModel\"").doesNotContain("123456789012");
    }
}
