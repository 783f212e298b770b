package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.data.IotEventsData;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message sets of shared/corpus/messages with their documented (or, where marked there, derived) outcomes,
 * each replayed on the engine.
 */
class CorpusMessagesTest {

    @BeforeAll
    static void corpus() {
    }

    private static JsonNode messages(String name) throws IOException {
        return EngineHarness.JSON.readTree(SharedCorpus.resolve("corpus/messages/" + name).toFile());
    }

    private static EngineHarness harness(String model) throws IOException {
        return new EngineHarness().model(SharedCorpus.resolve("corpus/models/" + model));
    }

    private static List<ObjectNode> ofType(List<ObjectNode> actions, String type) {
        return actions.stream().filter(a -> a.path("type").asText().equals(type)).toList();
    }

    @Test
    void motorWalkThroughOfTheDeveloperGuide() throws Exception {
        EngineHarness h = harness("devguide__motorDetectorModel.json");
        for (JsonNode step : messages("devguide__motorDetectorModel__sequence.json").path("steps")) {
            h.actions.clear();
            for (JsonNode m : step.path("batchPutMessage").path("messages")) {
                assertThat(h.send(m.path("inputName").asText(), m.path("messageId").asText(), m.path("payload").asText()))
                        .isEmpty();
            }
            JsonNode expected = step.path("expected");
            DetectorInstance motor = h.instance("motorDetectorModel", "Fulton-A32");
            assertThat(motor.stateName()).as(step.toString()).isEqualTo(expected.path("state").asText());
            expected.path("variables").fields().forEachRemaining(v ->
                    assertThat(motor.variables().get(v.getKey()).asLong()).isEqualTo(v.getValue().asLong()));
            List<ObjectNode> sns = ofType(h.actions, "sns");
            assertThat(sns).hasSize(expected.path("actions").size());
            for (int i = 0; i < sns.size(); i++) {
                JsonNode want = expected.path("actions").get(i);
                JsonNode payload = sns.get(i).path("payload").path("payload");
                assertThat(sns.get(i).path("targetArn").asText()).isEqualTo(want.path("sns").asText());
                assertThat(sns.get(i).path("eventName").asText()).isEqualTo(want.path("eventName").asText());
                assertThat(payload.path("state").path("variables")).isEqualTo(want.path("variables"));
                if (want.has("stateInPayload")) {
                    assertThat(payload.path("state").path("stateName").asText()).isEqualTo(want.path("stateInPayload").asText());
                }
            }
        }
    }

    @Test
    void sprinklerDryWetSequence() throws Exception {
        JsonNode set = messages("sprinkler__dry-wet-sequence.json");
        EngineHarness h = harness("sprinkler__IES_SprinklerDetectorModel.json");
        String input = set.path("inputName").asText();
        for (JsonNode step : set.path("steps")) {
            h.actions.clear();
            assertThat(h.send(input, step.path("message").toString())).isEmpty();
            JsonNode expected = step.path("expected");
            DetectorInstance sprinkler = h.engine.instances("IES_SprinklerDetectorModel").iterator().next();
            assertThat(sprinkler.stateName()).as(step.toString()).isEqualTo(expected.path("state").asText());
            assertThat(sprinkler.variables().get("InputValue").asLong()).isEqualTo(expected.path("InputValue_after").asLong());
            List<ObjectNode> sns = ofType(h.actions, "sns");
            assertThat(sns).hasSize(expected.path("actions").size());
            for (int i = 0; i < sns.size(); i++) {
                String want = expected.path("actions").get(i).asText(); // "sns IES_SprinklerOnTopic (OnTransition)"
                assertThat(sns.get(i).path("targetArn").asText()).endsWith(want.split(" ")[1]);
                assertThat(sns.get(i).path("eventName").asText()).isEqualTo(want.replaceAll(".*\\((.*)\\)", "$1"));
            }
        }
    }

    @Test
    void cdkIntegrationTestsSetVariableInvokeLambdaPublishSns() throws Exception {
        JsonNode message = messages("awscdk-set-variable__verification.json").path("messages").get(0);
        EngineHarness setVariable = harness("awscdk-set-variable__MyDetectorModel559C0B0E.json");
        setVariable.send("test_input", message.path("payload").asText());
        DetectorInstance detector = setVariable.instance("MyDetectorModel559C0B0E", "000");
        assertThat(detector.keyValue()).isEqualTo("000");
        assertThat(detector.stateName()).isEqualTo("MyState");
        assertThat(detector.variables().get("MyVariable").toText()).isEqualTo("31.9");

        EngineHarness lambda = harness("awscdk-lambda-invoke__MyDetectorModel559C0B0E.json");
        lambda.send("test_input", message.path("payload").asText());
        assertThat(ofType(lambda.actions, "lambda")).hasSize(1);

        EngineHarness sns = harness("awscdk-sns-publish__MyDetectorModel559C0B0E.json");
        sns.send("test_input", message.path("payload").asText());
        assertThat(ofType(sns.actions, "sns")).hasSize(1);
    }

    @Test
    void cdkTimerActionsBehaveLikeTheHeartbeat() throws Exception {
        JsonNode message = messages("awscdk-timer-actions__verification.json").path("messages").get(0);
        EngineHarness h = harness("awscdk-timer-actions__MyDetectorModel559C0B0E.json");
        String model = "MyDetectorModel559C0B0E";
        h.send("test_input", message.path("payload").asText());
        assertThat(h.instance(model, "000").stateName()).isEqualTo("Online");
        assertThat(h.instance(model, "000").timerExpiries()).containsKey("MyTimer");
        h.advanceSeconds(59);
        assertThat(h.instance(model, "000").stateName()).isEqualTo("Online");
        h.advanceSeconds(1);
        assertThat(h.instance(model, "000").stateName()).isEqualTo("Offline");
        assertThat(h.instance(model, "000").timerExpiries()).isEmpty();
        h.send("test_input", message.path("payload").asText());
        assertThat(h.instance(model, "000").stateName()).isEqualTo("Online");
    }

    @Test
    void loraWanWatchdogEventArrivesAsBase64AndTheDeviceGoesUnhealthyWhenSilent() throws Exception {
        JsonNode set = messages("lorawan-device-watchdog__event.json");
        EngineHarness h = harness("lorawan-device-watchdog__LoRaWANDeviceHeartbeatWatchdogModel.json");
        JsonNode response = new IotEventsData(h.engine).batchPutMessage(set.path("batchPutMessage"));
        assertThat(response.path("BatchPutMessageErrorEntries")).isEmpty();
        String model = "LoRaWANDeviceHeartbeatWatchdogModel";
        assertThat(h.instance(model, "1").stateName()).isEqualTo("Healthy");
        assertThat(h.instance(model, "1").timerExpiries()).containsKey("DisconnectedTimer");
        h.actions.clear();
        h.advanceSeconds(900);
        assertThat(h.instance(model, "1").stateName()).isEqualTo("Unhealthy");
        // the timer cycle also runs Healthy's onInput events (their conditions are true), so the presence
        // message goes out once more before the transition; then Unhealthy's onEnter reports the missing heartbeat
        assertThat(ofType(h.actions, "iotTopicPublish")).extracting(a -> a.path("mqttTopic").asText())
                .containsExactly("awsiotcorelorawan/events/uplink", "awsiotcorelorawan/events/presence/missingheartbeat/1");
    }

    @Test
    void soilMoistureMessagesWithoutTheKeyAreLoggedNotDelivered() throws Exception {
        JsonNode set = messages("lorawan-soilmoisture__readme-test.json");
        EngineHarness h = harness("lorawan-soilmoisture__soilmoisturealarming_SoilmoistureEventDetectionModel.json");
        List<EngineLog.Entry> log = new ArrayList<>();
        h.engine.setLog(log::add);
        String input = set.path("inputName").asText();
        JsonNode dry = set.path("steps").get(0).path("message");
        assertThat(h.send(input, dry.toString())).isEmpty(); // accepted, as the service would
        assertThat(h.engine.instances("soilmoisturealarming_SoilmoistureEventDetectionModel")).isEmpty();
        assertThat(log).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(Severity.ERROR);
            assertThat(e.message()).contains("payload.transformed_payload.DeviceId");
        });
    }

    @Test
    void aKeyValueDescribeCouldNeverAddressIsCreatedAndWarned() throws Exception {
        EngineHarness h = harness("devguide__motorDetectorModel.json");
        List<EngineLog.Entry> log = new ArrayList<>();
        h.engine.setLog(log::add);
        h.send("PressureInput", "{\"motorid\": \"motor 7.b\", \"sensorData\": {\"pressure\": 80}}");
        assertThat(h.instance("motorDetectorModel", "motor 7.b").stateName()).isEqualTo("Dangerous");
        assertThat(log).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(Severity.WARNING);
            assertThat(e.keyValue()).isEqualTo("motor 7.b");
            assertThat(e.message()).contains("could not address it");
        });
    }

    @Test
    void soilMoistureWithTheKeyTheModelExpectsGoesDryHealthyAndUnknown() throws Exception {
        JsonNode set = messages("lorawan-soilmoisture__readme-test.json");
        EngineHarness h = harness("lorawan-soilmoisture__soilmoisturealarming_SoilmoistureEventDetectionModel.json");
        String model = "soilmoisturealarming_SoilmoistureEventDetectionModel";
        String input = set.path("inputName").asText();
        for (int i = 0; i < 2; i++) {
            ObjectNode message = (ObjectNode) set.path("steps").get(i).path("message").deepCopy();
            ((ObjectNode) message.path("payload").path("transformed_payload")).put("DeviceId", "12345");
            h.actions.clear();
            h.send(input, message.toString());
            h.send(input, message.toString()); // SERIAL: the first reading lands in Unknown, the second decides
            assertThat(h.instance(model, "12345").stateName()).isEqualTo(i == 0 ? "Dry" : "Healthy");
            assertThat(ofType(h.actions, "sns")).hasSize(1);
        }
        h.advanceSeconds(60); // config_timeout_till_unknownstate = 1 minute
        assertThat(h.instance(model, "12345").stateName()).isEqualTo("Unknown");
    }

    @Test
    void cranesOneInputReachesBothModelsAndReusedMessageIdsAreDeduplicated() throws Exception {
        JsonNode set = messages("devguide-cranes__messages.json").path("messages");
        EngineHarness h = harness("devguide-cranes__craneDetectorModel.json")
                .model(SharedCorpus.resolve("corpus/models/devguide-cranes__motorDetectorModel.json"));
        // the crane model reads only TemperatureInput, the motor model both inputs
        JsonNode high = set.path("highTemperatureMessage.json").path("messages").get(0);
        JsonNode low = set.path("lowTemperatureMessage.json").path("messages").get(0);
        h.send("TemperatureInput", high.path("messageId").asText(), high.path("payload").asText());
        List<ObjectNode> cycles = new ArrayList<>(h.trace);
        assertThat(cycles).extracting(r -> r.path("detectorModelName").asText())
                .contains("craneDetectorModel", "motorDetectorModel");
        h.trace.clear();
        // the guide reuses messageId "2" in the next file: within 5 minutes the service drops it
        h.send("TemperatureInput", low.path("messageId").asText(), low.path("payload").asText());
        assertThat(h.trace).isEmpty();
        h.advanceSeconds(5 * 60);
        h.send("TemperatureInput", low.path("messageId").asText(), low.path("payload").asText());
        assertThat(h.trace).isNotEmpty();
    }
}
