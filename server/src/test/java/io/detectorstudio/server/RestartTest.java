package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotevents.IotEventsClient;
import software.amazon.awssdk.services.ioteventsdata.IotEventsDataClient;
import software.amazon.awssdk.services.ioteventsdata.model.Detector;

/**
 * A clean restart keeps everything: inputs, every model version, tags, detectors with variables, timers and the
 * retained values of other inputs (§C.7), and the de-duplication window (a batch sent again after the restart is
 * ignored).
 */
class RestartTest {

    @TempDir
    Path data;

    static String variable(Detector d, String name) {
        return d.state().variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void everythingComesBackAfterARestart() throws Exception {
        ObjectNode counter = (ObjectNode) new ObjectMapper().readTree(CrashRecoveryTest.COUNTER_MODEL);
        // a second input read only through retention: the counter adds the last "offset" seen on OffsetInput
        String definition = counter.toString().replace("$variable.sum + $input.PressureInput.sensorData.pressure",
                "$variable.sum + $input.PressureInput.sensorData.pressure + $input.OffsetInput.offset");
        Path model = data.resolve("counter.json");
        java.nio.file.Files.writeString(model, definition);
        var put = software.amazon.awssdk.services.ioteventsdata.model.BatchPutMessageRequest.builder()
                .messages(m -> m.messageId("p1").inputName("PressureInput")
                        .payload(SdkBytes.fromUtf8String("{\"motorid\":\"m1\",\"sensorData\":{\"pressure\":10}}"))).build();
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data.resolve("state")).withThreads(2))) {
            URI endpoint = server.start();
            try (IotEventsClient control = Sdk.control(endpoint); IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                control.createInput(Sdk.createInput(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")));
                control.createInput(b -> b.inputName("OffsetInput").inputDefinition(d -> d.attributes(a -> a.jsonPath("offset"))));
                var create = Sdk.createDetectorModel(model, "arn:aws:iam::123456789012:role/r");
                control.createDetectorModel(create.toBuilder().tags(t -> t.key("team").value("motors")).build());
                control.updateDetectorModel(b -> b.detectorModelName("counter")
                        .detectorModelDefinition(create.detectorModelDefinition()).roleArn(create.roleArn()));
                dataPlane.batchPutMessage(b -> b.messages(m -> m.messageId("o1").inputName("OffsetInput")
                        .payload(SdkBytes.fromUtf8String("{\"motorid\":\"m1\",\"offset\":1000}"))));
                assertThat(dataPlane.batchPutMessage(put).batchPutMessageErrorEntries()).isEmpty();
                dataPlane.batchUpdateDetector(b -> b.detectors(u -> u.messageId("u").detectorModelName("counter")
                        .keyValue("m1").state(s -> s.stateName("Counting")
                                .variables(v -> v.name("count").value("5"), v -> v.name("sum").value("1010"))
                                .timers(t -> t.name("later").seconds(3600)))));
            }
        }
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data.resolve("state")).withThreads(2))) {
            URI endpoint = server.start();
            try (IotEventsClient control = Sdk.control(endpoint); IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                assertThat(control.listInputs(b -> { }).inputSummaries()).hasSize(2);
                assertThat(control.listDetectorModelVersions(b -> b.detectorModelName("counter"))
                        .detectorModelVersionSummaries()).extracting(v -> v.detectorModelVersion()).containsExactly("1", "2");
                assertThat(control.listTagsForResource(b -> b.resourceArn(ControlPlane.ARN_PREFIX + "detectorModel/counter"))
                        .tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=motors");
                Detector d = dataPlane.describeDetector(b -> b.detectorModelName("counter").keyValue("m1")).detector();
                assertThat(d.detectorModelVersion()).isEqualTo("2");
                assertThat(variable(d, "count")).isEqualTo("5");
                assertThat(d.state().timers()).extracting(t -> t.name()).containsExactly("later");

                // the same batch again: inside the 5-minute window, so ignored
                assertThat(dataPlane.batchPutMessage(put).batchPutMessageErrorEntries()).isEmpty();
                assertThat(variable(dataPlane.describeDetector(b -> b.detectorModelName("counter").keyValue("m1"))
                        .detector(), "count")).isEqualTo("5");
                // a new reading counts, and the retained offset (from before the restart) is still added
                dataPlane.batchPutMessage(b -> b.messages(m -> m.messageId("p2").inputName("PressureInput")
                        .payload(SdkBytes.fromUtf8String("{\"motorid\":\"m1\",\"sensorData\":{\"pressure\":20}}"))));
                Detector after = dataPlane.describeDetector(b -> b.detectorModelName("counter").keyValue("m1")).detector();
                assertThat(variable(after, "count")).isEqualTo("6");
                assertThat(variable(after, "sum")).isEqualTo("2030");
            }
        }
    }
}
