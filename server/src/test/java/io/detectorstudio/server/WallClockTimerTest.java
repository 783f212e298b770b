package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotevents.IotEventsClient;
import software.amazon.awssdk.services.ioteventsdata.IotEventsDataClient;
import software.amazon.awssdk.services.ioteventsdata.model.Detector;

/**
 * The DeviceHeartBeat blueprint (samples/device-heartbeat) with its 300 s timer shortened to 2 s: the timer fires
 * on the wall clock within 1 s of its due time with no message arriving; and a timer that fell due while the
 * server was stopped fires when it starts again.
 */
class WallClockTimerTest {

    static final String INPUT = "AWS_IoTEvents_Blueprints_Heartbeat_Input";

    @TempDir
    Path data;

    static void deploy(URI endpoint) throws Exception {
        ObjectNode model = (ObjectNode) new ObjectMapper().readTree(Sdk.SAMPLES.resolve("device-heartbeat/model.json").toFile());
        model.put("roleArn", "arn:aws:iam::123456789012:role/r");
        String text = model.toString().replace("\"seconds\":300", "\"seconds\":2");
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "heartbeat-" + ProcessHandle.current().pid() + ".json");
        java.nio.file.Files.writeString(file, text);
        try (IotEventsClient control = Sdk.control(endpoint)) {
            control.createInput(b -> b.inputName(INPUT).inputDefinition(d -> d.attributes(a -> a.jsonPath("value"))));
            control.createDetectorModel(Sdk.createDetectorModel(file, "arn:aws:iam::123456789012:role/r"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    static void beat(IotEventsDataClient data, String id) {
        assertThat(data.batchPutMessage(b -> b.messages(m -> m.messageId(id).inputName(INPUT)
                .payload(SdkBytes.fromUtf8String("{\"value\": 1}")))).batchPutMessageErrorEntries()).isEmpty();
    }

    static Detector detector(IotEventsDataClient data) {
        return data.describeDetector(b -> b.detectorModelName("DeviceHeartBeat")).detector();
    }

    @Test
    void theHeartbeatTimerFiresWithinASecondOfItsDueTimeWithoutTraffic() throws Exception {
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data).withThreads(2))) {
            URI endpoint = server.start();
            deploy(endpoint);
            try (IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                beat(dataPlane, "1");
                Detector normal = detector(dataPlane);
                assertThat(normal.state().stateName()).isEqualTo("Normal");
                Instant due = normal.state().timers().get(0).timestamp();
                Instant firedSeen = null;
                while (Instant.now().isBefore(due.plusSeconds(5))) {
                    if (detector(dataPlane).state().stateName().equals("Offline")) {
                        firedSeen = Instant.now();
                        break;
                    }
                    Thread.sleep(25);
                }
                assertThat(firedSeen).as("the detector went Offline by itself").isNotNull();
                assertThat(firedSeen).isBetween(due, due.plusMillis(1000));
                assertThat(detector(dataPlane).state().timers()).isEmpty();
            }
        }
    }

    @Test
    void aTimerThatFellDueWhileTheServerWasDownFiresAtStart() throws Exception {
        Instant due;
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data).withThreads(2))) {
            URI endpoint = server.start();
            deploy(endpoint);
            try (IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                beat(dataPlane, "1");
                due = detector(dataPlane).state().timers().get(0).timestamp();
            }
        }
        Thread.sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 500);
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data).withThreads(2))) {
            URI endpoint = server.start();
            try (IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                Instant deadline = Instant.now().plusSeconds(1);
                String state = detector(dataPlane).state().stateName();
                while (!state.equals("Offline") && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                    state = detector(dataPlane).state().stateName();
                }
                assertThat(state).isEqualTo("Offline");
                // it fired at its due time, not at start: the cycle ran on the timer's clock
                assertThat(detector(dataPlane).lastUpdateTime()).isBetween(due.minusMillis(1), due.plusMillis(1));
                // and the next beat brings it back, as the blueprint says
                beat(dataPlane, "2");
                assertThat(detector(dataPlane).state().stateName()).isEqualTo("Normal");
                assertThat(detector(dataPlane).state().timers()).singleElement()
                        .satisfies(t -> assertThat(t.name()).isEqualTo("awake")); // Normal.onEnter set it again
            }
        }
    }
}
