package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * §F.2 and §F.5 (doc examples in testdata/), and the run-time side of the bad-input list: timers out of
 * range and division by zero are reported on the action or the evaluation, and the cycle goes on.
 */
class ConformanceMoreTest {

    private static String pressure(int value) {
        return "{\"motorid\": \"Fulton-A32\", \"sensorData\": {\"pressure\": " + value + "}}";
    }

    @Test
    void f2ConsoleTutorialVariantGivesTheSameStatesAndValuesAsF1() throws Exception {
        // the Describe response shape is accepted as a model source (the loader turns it into request shape)
        ObjectNode request = new ModelLoader().load(SharedCorpus.resolve(
                "reference/doc-examples/console-tutorial/describe-detector-model.motorDetectorModel.json"))
                .model(null).request();
        EngineHarness tutorial = new EngineHarness().model(request);
        EngineHarness simple = new EngineHarness().model("/runtime/motorDetectorModel.json");
        String name = request.path("detectorModelName").asText();
        int id = 0;
        for (int p : new int[] {80, 60, 60, 60, 90}) {
            id++;
            tutorial.send("PressureInput", "m" + id, pressure(p));
            simple.send("PressureInput", "m" + id, pressure(p));
            assertThat(tutorial.instance(name, "Fulton-A32").stateName())
                    .isEqualTo(simple.instance("motorDetectorModel", "Fulton-A32").stateName());
            assertThat(tutorial.instance(name, "Fulton-A32").variables())
                    .isEqualTo(simple.instance("motorDetectorModel", "Fulton-A32").variables());
        }
        assertThat(tutorial.external()).hasSameSizeAs(simple.external());
    }

    private static EngineHarness cranes(EngineOptions options) throws Exception {
        return new EngineHarness(options)
                .model(SharedCorpus.resolve("reference/doc-examples/cranes/craneDetectorModel.json"))
                .model(SharedCorpus.resolve("reference/doc-examples/cranes/motorDetectorModel.json"));
    }

    private static void sendCraneMessages(EngineHarness h, String... ids) throws Exception {
        h.send("PressureInput", ids[0], "{\"craneid\": \"100009\", \"pressure\": 80, \"motorid\": \"200009\"}");
        h.send("TemperatureInput", ids[1], "{\"craneid\": \"100009\", \"temperature\": 40, \"motorid\": \"200009\"}");
        h.send("PressureInput", ids[2], "{\"craneid\": \"100009\", \"pressure\": 20, \"motorid\": \"200009\"}");
        h.send("TemperatureInput", ids[3], "{\"craneid\": \"100009\", \"temperature\": 20, \"motorid\": \"200009\"}");
    }

    @Test
    void f5CranesWithDistinctIdsAndInputRetention() throws Exception {
        EngineHarness h = cranes(EngineOptions.DEFAULTS);
        h.send("PressureInput", "1", "{\"craneid\": \"100009\", \"pressure\": 80, \"motorid\": \"200009\"}");
        assertThat(h.instance("craneDetectorModel", "100009")).as("msg1 is not routed to the crane model").isNull();
        h.send("TemperatureInput", "2", "{\"craneid\": \"100009\", \"temperature\": 40, \"motorid\": \"200009\"}");
        assertThat(h.variable("craneDetectorModel", "100009", "craneThresholdBreached")).isEqualTo("1");
        assertThat(h.variable("motorDetectorModel", "200009", "motorThresholdBreached")).isEqualTo("1");
        h.send("PressureInput", "3", "{\"craneid\": \"100009\", \"pressure\": 20, \"motorid\": \"200009\"}");
        h.send("TemperatureInput", "4", "{\"craneid\": \"100009\", \"temperature\": 20, \"motorid\": \"200009\"}");
        assertThat(h.variable("craneDetectorModel", "100009", "craneThresholdBreached")).isEqualTo("0");
        assertThat(h.variable("motorDetectorModel", "200009", "motorThresholdBreached")).isEqualTo("1");
        assertThat(h.external()).as("SNS needs more than five qualifying messages").isEmpty();
    }

    @Test
    void f5CranesWithoutRetentionTheMotorConditionIsNeverTrue() throws Exception {
        EngineHarness h = cranes(EngineOptions.DEFAULTS.withRetainInputValues(false));
        sendCraneMessages(h, "1", "2", "3", "4");
        assertThat(h.variable("motorDetectorModel", "200009", "motorThresholdBreached")).isEqualTo("0");
    }

    @Test
    void f5CranesWithTheDocsReusedIdsDropTheLastTwoMessages() throws Exception {
        EngineHarness h = cranes(EngineOptions.DEFAULTS);
        sendCraneMessages(h, "1", "2", "1", "2");
        assertThat(h.variable("craneDetectorModel", "100009", "craneThresholdBreached")).isEqualTo("1");
    }

    @Test
    void f5UpdatedModelsGetVersionTwoAndFreshInstances() throws Exception {
        EngineHarness h = cranes(EngineOptions.DEFAULTS);
        sendCraneMessages(h, "1", "2", "3", "4");
        h.model(SharedCorpus.resolve("reference/doc-examples/cranes/updateCraneDetectorModel.json"));
        assertThat(h.engine.modelVersion("craneDetectorModel")).isEqualTo("2");
        assertThat(h.engine.instances("craneDetectorModel")).isEmpty();
        h.send("TemperatureInput", "5", "{\"craneid\": \"100009\", \"temperature\": 40, \"motorid\": \"200009\"}");
        assertThat(h.instance("craneDetectorModel", "100009").variables().get("alarmRaised").asString()).isEqualTo("false");
    }

    @Test
    void timersOutOfRangeAndDivisionByZeroAreReportedAndTheRestRuns() throws Exception {
        String model = "{\"detectorModelName\":\"m\",\"detectorModelDefinition\":{\"initialStateName\":\"S\",\"states\":["
                + "{\"stateName\":\"S\",\"onInput\":{\"events\":[{\"eventName\":\"e\",\"condition\":\"true\","
                + "\"actions\":[{\"setTimer\":{\"timerName\":\"zero\",\"seconds\":0}},"
                + "{\"setTimer\":{\"timerName\":\"negative\",\"durationExpression\":\"-5\"}},"
                + "{\"setTimer\":{\"timerName\":\"huge\",\"durationExpression\":\"31622401\"}},"
                + "{\"setVariable\":{\"variableName\":\"q\",\"value\":\"10 / $input.I.d\"}},"
                + "{\"setVariable\":{\"variableName\":\"ok\",\"value\":\"1\"}}]},"
                + "{\"eventName\":\"div\",\"condition\":\"10 / $input.I.d > 1\"}]}}]}}";
        EngineHarness h = new EngineHarness().model((ObjectNode) EngineHarness.JSON.readTree(model));
        assertThat(h.send("I", "{\"d\": 0}")).isEmpty();
        List<ObjectNode> actions = h.actions;
        assertThat(actions).hasSize(5);
        assertThat(actions.subList(0, 4)).allSatisfy(a -> assertThat(a.path("error").asText()).isNotEmpty());
        assertThat(actions.get(0).path("error").asText()).contains("outside 1–31622400");
        assertThat(actions.get(3).path("error").asText()).contains("division by zero");
        assertThat(actions.get(4).has("error")).isFalse();
        assertThat(h.instance("m", null).variables()).containsOnlyKeys("ok");
        assertThat(h.instance("m", null).timerExpiries()).isEmpty();
        JsonNode div = h.trace.get(0).path("evaluations").get(1);
        assertThat(div.path("result").asText()).isEqualTo("invalid");
        assertThat(div.path("error").asText()).contains("division by zero");
    }
}
