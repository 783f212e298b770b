package io.detectorstudio.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShapeDetectionTest {

    private final ModelLoader loader = new ModelLoader();

    private static Path resource(String name) throws Exception {
        return Path.of(ShapeDetectionTest.class.getResource(name).toURI());
    }

    @Test
    void describeResponseBecomesARequestWithTheConfiguration() throws Exception {
        ModelFile file = loader.load(resource("/console__motorDetectorModel.json"));
        assertThat(file.shape()).isEqualTo(ModelShape.DESCRIBE_RESPONSE);
        LoadedModel model = file.model(null);
        assertThat(model.name()).isEqualTo("motorDetectorModel");
        assertThat(model.request().path("key").asText()).isEqualTo("motorid");
        assertThat(model.request().path("detectorModelDefinition").path("initialStateName").asText()).isEqualTo("Normal");
        assertThat(model.filePath().apply("$.detectorModelDefinition.states[0]"))
                .isEqualTo("$.detectorModel.detectorModelDefinition.states[0]");
    }

    @Test
    void cloudFormationYamlWithShortFormTagsIsResolved() throws Exception {
        ModelFile file = loader.load(resource("/cfnguide-simple__myDetectorModel.yaml"));
        assertThat(file.shape()).isEqualTo(ModelShape.CLOUDFORMATION);
        LoadedModel model = file.model("myDetectorModel");
        // myRole is not defined in this documentation snippet: a plausible ARN is used and reported
        assertThat(model.request().path("roleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/myRole");
        assertThat(file.readDiagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("DS-CFN-SUBSTITUTED");
            assertThat(d.path()).isEqualTo("$.Resources.MyDetectorModel.Properties.RoleArn");
        });
        String condition = model.request().path("detectorModelDefinition").path("states").path(0)
                .path("onInput").path("events").path(0).path("condition").asText();
        assertThat(condition).isEqualTo("$input.myInput.foo > 1");
        assertThat(model.filePath().apply("$.detectorModelDefinition.states[0].stateName"))
                .isEqualTo("$.Resources.MyDetectorModel.Properties.DetectorModelDefinition.States[0].StateName");
    }

    @Test
    void aRefToAResourceUsesItsResolvedNameAndSelfReferencesStop() throws Exception {
        String template = """
                Resources:
                  In:
                    Type: AWS::IoTEvents::Input
                    Properties:
                      InputName: !Sub '${AWS::StackName}Readings'
                      InputDefinition: {Attributes: [{JsonPath: v}]}
                  Loop:
                    Type: AWS::SNS::Topic
                    Properties: {TopicName: !Ref Loop}
                  M:
                    Type: AWS::IoTEvents::DetectorModel
                    Properties:
                      DetectorModelName: m
                      DetectorModelDefinition:
                        InitialStateName: s
                        States:
                        - StateName: s
                          OnInput:
                            Events:
                            - EventName: e
                              Condition: !Join ['', ['$input.', !Ref In, '.v > 1']]
                              Actions: [{Sns: {TargetArn: !Ref Loop}}]
                """;
        ModelFile file = loader.load(Path.of("t.yaml"), template.getBytes(StandardCharsets.UTF_8));
        JsonNode event = file.model("m").request().at("/detectorModelDefinition/states/0/onInput/events/0");
        assertThat(event.path("condition").asText()).isEqualTo("$input.stackReadings.v > 1");
        // a name that refers to itself is cut at the first repetition instead of recursing forever
        assertThat(event.at("/actions/0/sns/targetArn").asText()).startsWith("arn:aws:sns:").endsWith(":Loop");
        assertThat(file.inputs()).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("stackReadings"));
    }

    @Test
    void unresolvableIntrinsicsAreReportedWithTheirPath() throws Exception {
        String template = """
                {"Parameters": {"Role": {"Type": "String"}},
                 "Resources": {"M": {"Type": "AWS::IoTEvents::DetectorModel", "Properties": {
                  "DetectorModelName": "m", "RoleArn": {"Ref": "Role"},
                  "DetectorModelDefinition": {"InitialStateName": "s", "States": [{"StateName": "s"}]}}}}}""";
        ModelFile file = loader.load(Path.of("t.json"), template.getBytes(StandardCharsets.UTF_8));
        assertThat(file.readDiagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("DS-CFN-UNRESOLVED");
            assertThat(d.path()).isEqualTo("$.Resources.M.Properties.RoleArn");
            assertThat(d.message()).contains("'Role' has no Default");
        });
    }

    @Test
    void anArrayIsRefusedWithItsLocation() {
        assertThatThrownBy(() -> loader.load(Path.of("a.json"), "[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ModelReadException.class)
                .hasMessageContaining("expected a JSON object")
                .satisfies(e -> assertThat(((ModelReadException) e).line()).isEqualTo(1));
    }

    @Test
    void truncatedJsonSaysWhere() {
        byte[] truncated = "{\n  \"detectorModelName\": \"x\",\n  \"detectorModelDefinition\": {".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.load(Path.of("t.json"), truncated))
                .isInstanceOf(ModelReadException.class)
                .hasMessageContaining("truncated")
                .satisfies(e -> assertThat(((ModelReadException) e).line()).isEqualTo(3));
    }

    @Test
    void deepNestingFailsFastWithAClearMessage() {
        String deep = "[".repeat(100_000);
        assertThatThrownBy(() -> loader.load(Path.of("d.json"), deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ModelReadException.class)
                .hasMessageContaining("nested more than");
    }

    @Test
    void binaryGarbageIsNotText() {
        byte[] garbage = {0, (byte) 0xff, (byte) 0xfe, 3, 0, 7};
        assertThatThrownBy(() -> loader.load(Path.of("g.json"), garbage))
                .isInstanceOf(ModelReadException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void offsetsInsideEscapedStringsMapToFileColumns() throws Exception {
        String json = "{\"a\": \"x\\\"y &gt; z\"}";
        LocatedJson located = new LocatingReader().read(json.getBytes(StandardCharsets.UTF_8), false);
        // decoded value is  x"y &gt; z  — '&gt;' starts at decoded offset 4, raw column 13
        SourceRange r = located.rangeInString("$.a", 4, 8);
        assertThat(r.line()).isEqualTo(1);
        assertThat(json.substring(r.column() - 1, r.endColumn() - 1)).isEqualTo("&gt;");
    }
}
