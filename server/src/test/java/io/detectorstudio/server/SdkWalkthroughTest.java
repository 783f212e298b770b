package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotevents.IotEventsClient;
import software.amazon.awssdk.services.iotevents.model.DescribeDetectorModelResponse;
import software.amazon.awssdk.services.iotevents.model.DetectorModelVersionStatus;
import software.amazon.awssdk.services.iotevents.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iotevents.model.UnsupportedOperationException;
import software.amazon.awssdk.services.ioteventsdata.IotEventsDataClient;
import software.amazon.awssdk.services.ioteventsdata.model.BatchPutMessageResponse;
import software.amazon.awssdk.services.ioteventsdata.model.DescribeDetectorResponse;
import software.amazon.awssdk.services.ioteventsdata.model.DetectorSummary;
import software.amazon.awssdk.services.ioteventsdata.model.InvalidRequestException;
import software.amazon.awssdk.services.ioteventsdata.model.ListDetectorsResponse;
import software.amazon.awssdk.services.ioteventsdata.model.Message;
import software.amazon.awssdk.services.ioteventsdata.model.ResourceNotFoundException;

/**
 * The developer guide's motor walkthrough through the real AWS SDK for Java v2 clients (iotevents and
 * iotevents-data) against a server started here: inputs, the model, readings, describe/list (paged), update,
 * delete, and the error shapes.
 */
class SdkWalkthroughTest {

    @TempDir
    static Path data;
    static IotEventsServer server;
    static IotEventsClient control;
    static IotEventsDataClient dataPlane;

    @BeforeAll
    static void start() throws Exception {
        server = new IotEventsServer(ServeOptions.defaults(data).withThreads(2));
        URI endpoint = server.start();
        control = Sdk.control(endpoint);
        dataPlane = Sdk.data(endpoint);
        control.createInput(Sdk.createInput(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")));
        control.createDetectorModel(Sdk.createDetectorModel(Sdk.SAMPLES.resolve("motor/model.json"),
                "arn:aws:iam::123456789012:role/IoTEventsRole"));
    }

    @AfterAll
    static void stop() throws Exception {
        control.close();
        dataPlane.close();
        server.close();
    }

    static Message reading(String id, String motor, int pressure) {
        return Message.builder().messageId(id).inputName("PressureInput")
                .payload(SdkBytes.fromUtf8String("{\"motorid\":\"" + motor + "\",\"sensorData\":{\"pressure\":"
                        + pressure + "}}")).build();
    }

    static DescribeDetectorResponse describe(String motor) {
        return dataPlane.describeDetector(b -> b.detectorModelName("motorDetectorModel").keyValue(motor));
    }

    static String variable(DescribeDetectorResponse d, String name) {
        return d.detector().state().variables().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow().value();
    }

    @Test
    void theDocumentedReadingsGoDangerousAndBack() {
        BatchPutMessageResponse first = dataPlane.batchPutMessage(b -> b.messages(reading("00001", "Fulton-A32", 80)));
        assertThat(first.batchPutMessageErrorEntries()).isEmpty();
        DescribeDetectorResponse d = describe("Fulton-A32");
        assertThat(d.detector().state().stateName()).isEqualTo("Dangerous");
        assertThat(variable(d, "pressureThresholdBreached")).isEqualTo("3");
        assertThat(d.detector().detectorModelVersion()).isEqualTo("1");
        assertThat(d.detector().creationTime()).isNotNull();

        for (String id : List.of("00002", "00003", "00004")) {
            dataPlane.batchPutMessage(b -> b.messages(reading(id, "Fulton-A32", 60)));
        }
        d = describe("Fulton-A32");
        assertThat(d.detector().state().stateName()).isEqualTo("Normal");
        assertThat(variable(d, "pressureThresholdBreached")).isEqualTo("0");
    }

    @Test
    void listDetectorsPagesWithMaxResultsAndFiltersByState() {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(reading("page-" + i, "page-motor-" + i, i % 2 == 0 ? 90 : 50));
        }
        assertThat(dataPlane.batchPutMessage(b -> b.messages(batch)).batchPutMessageErrorEntries()).isEmpty();
        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListDetectorsResponse page = dataPlane.listDetectors(b -> b.detectorModelName("motorDetectorModel")
                    .maxResults(3).nextToken(t));
            assertThat(page.detectorSummaries()).hasSizeLessThanOrEqualTo(3);
            page.detectorSummaries().stream().map(DetectorSummary::keyValue).filter(k -> k.startsWith("page-"))
                    .forEach(keys::add);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(keys).hasSize(7).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);
        List<String> dangerous = dataPlane.listDetectors(b -> b.detectorModelName("motorDetectorModel")
                .stateName("Dangerous").maxResults(250)).detectorSummaries().stream()
                .map(DetectorSummary::keyValue).filter(k -> k.startsWith("page-")).toList();
        assertThat(dangerous).containsExactlyInAnyOrder("page-motor-0", "page-motor-2", "page-motor-4", "page-motor-6");
    }

    @Test
    void batchUpdateDetectorSetsStateVariablesAndTimersAndDeleteRemovesTheDetector() {
        dataPlane.batchPutMessage(b -> b.messages(reading("upd-1", "Upd-1", 50)));
        var update = dataPlane.batchUpdateDetector(b -> b.detectors(u -> u.messageId("u1")
                .detectorModelName("motorDetectorModel").keyValue("Upd-1")
                .state(s -> s.stateName("Dangerous")
                        .variables(v -> v.name("pressureThresholdBreached").value("2"))
                        .timers(t -> t.name("checkAgain").seconds(600)))));
        assertThat(update.batchUpdateDetectorErrorEntries()).isEmpty();
        DescribeDetectorResponse d = describe("Upd-1");
        assertThat(d.detector().state().stateName()).isEqualTo("Dangerous");
        assertThat(variable(d, "pressureThresholdBreached")).isEqualTo("2");
        assertThat(d.detector().state().timers()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("checkAgain");
            assertThat(t.timestamp()).isAfter(java.time.Instant.now().plusSeconds(590));
        });

        var deleted = dataPlane.batchDeleteDetector(b -> b.detectors(x -> x.messageId("d1")
                .detectorModelName("motorDetectorModel").keyValue("Upd-1")));
        assertThat(deleted.batchDeleteDetectorErrorEntries()).isEmpty();
        assertThatThrownBy(() -> describe("Upd-1")).isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void controlPlaneDescribesListsAndVersionsTheModel() {
        DescribeDetectorModelResponse d = control.describeDetectorModel(b -> b.detectorModelName("motorDetectorModel"));
        assertThat(d.detectorModel().detectorModelConfiguration().key()).isEqualTo("motorid");
        assertThat(d.detectorModel().detectorModelConfiguration().status()).isEqualTo(DetectorModelVersionStatus.ACTIVE);
        assertThat(d.detectorModel().detectorModelDefinition().initialStateName()).isEqualTo("Normal");
        assertThat(control.listInputs(b -> { }).inputSummaries()).extracting(s -> s.inputName()).contains("PressureInput");
        assertThat(control.describeInput(b -> b.inputName("PressureInput")).input().inputDefinition().attributes())
                .hasSize(2);
        assertThat(control.listDetectorModels(b -> { }).detectorModelSummaries())
                .extracting(s -> s.detectorModelName()).contains("motorDetectorModel");
        assertThat(control.listInputRoutings(b -> b.inputIdentifier(i -> i.iotEventsInputIdentifier(x -> x
                .inputName("PressureInput")))).routedResources()).extracting(r -> r.name()).contains("motorDetectorModel");
    }

    @Test
    void updatingAModelMakesVersionTwoAndStartsItsDetectorsFresh() {
        control.createInput(Sdk.createInput(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")).toBuilder()
                .inputName("PressureInput2").build());
        var create = Sdk.createDetectorModel(Sdk.SAMPLES.resolve("motor/model.json"), "arn:aws:iam::123456789012:role/r")
                .toBuilder().detectorModelName("motorV").build();
        control.createDetectorModel(create);
        dataPlane.batchPutMessage(b -> b.messages(reading("v-1", "V-1", 80)));
        assertThat(dataPlane.describeDetector(b -> b.detectorModelName("motorV").keyValue("V-1")).detector()
                .state().stateName()).isEqualTo("Dangerous");
        var updated = control.updateDetectorModel(b -> b.detectorModelName("motorV")
                .detectorModelDefinition(create.detectorModelDefinition()).roleArn("arn:aws:iam::123456789012:role/r"));
        assertThat(updated.detectorModelConfiguration().detectorModelVersion()).isEqualTo("2");
        assertThat(control.listDetectorModelVersions(b -> b.detectorModelName("motorV")).detectorModelVersionSummaries())
                .extracting(s -> s.detectorModelVersion()).containsExactly("1", "2");
        assertThatThrownBy(() -> dataPlane.describeDetector(b -> b.detectorModelName("motorV").keyValue("V-1")))
                .isInstanceOf(ResourceNotFoundException.class);
        control.deleteDetectorModel(b -> b.detectorModelName("motorV"));
        assertThatThrownBy(() -> control.describeDetectorModel(b -> b.detectorModelName("motorV")))
                .isInstanceOf(software.amazon.awssdk.services.iotevents.model.ResourceNotFoundException.class);
    }

    @Test
    void errorShapesReachTheSdkAsTheServiceTypedExceptions() {
        assertThatThrownBy(() -> dataPlane.describeDetector(b -> b.detectorModelName("noSuchModel").keyValue("x")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> dataPlane.listDetectors(b -> b.detectorModelName("motorDetectorModel").maxResults(0)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).statusCode()).isEqualTo(400));
        BatchPutMessageResponse duplicate = dataPlane.batchPutMessage(b -> b.messages(reading("same", "Dup-1", 10),
                reading("same", "Dup-1", 20)));
        assertThat(duplicate.batchPutMessageErrorEntries()).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo("same");
            assertThat(e.errorCodeAsString()).isEqualTo("InvalidRequestException");
        });
        assertThatThrownBy(() -> control.createInput(Sdk.createInput(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json"))))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .satisfies(e -> assertThat(((ResourceAlreadyExistsException) e).resourceId()).isEqualTo("PressureInput"));
        assertThatThrownBy(() -> control.createInput(b -> b.inputName("bad name!")
                .inputDefinition(d -> d.attributes(a -> a.jsonPath("x")))))
                .isInstanceOf(software.amazon.awssdk.services.iotevents.model.InvalidRequestException.class);
        assertThatThrownBy(() -> control.describeLoggingOptions(b -> { }))
                .isInstanceOf(UnsupportedOperationException.class)
                .satisfies(e -> assertThat(((UnsupportedOperationException) e).statusCode()).isEqualTo(501));
        // a payload that is no JSON object is the entry's error; the call itself succeeds (per-entry errors)
        assertThat(dataPlane.batchPutMessage(b -> b.messages(Message.builder().messageId("m")
                .inputName("PressureInput").payload(SdkBytes.fromUtf8String("not json")).build()))
                .batchPutMessageErrorEntries()).singleElement()
                .satisfies(e -> assertThat(e.errorCodeAsString()).isEqualTo("InvalidRequestException"));
        assertThat(dataPlane.batchPutMessage(b -> b.messages(reading("unrouted", "x", 1).toBuilder()
                .inputName("NoSuchInput").build())).batchPutMessageErrorEntries()).singleElement()
                .satisfies(e -> assertThat(e.errorCodeAsString()).isEqualTo("ResourceNotFoundException"));
    }
}
