package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of the semantics reference §F, run through the engine. */
class ConformanceTest {

    private static final String MOTOR = "/runtime/motorDetectorModel.json";

    private static String pressure(int value) {
        return "{\"motorid\": \"Fulton-A32\", \"sensorData\": {\"pressure\": " + value + "}}";
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream(name)) {
            return EngineHarness.JSON.readTree(in);
        }
    }

    @Test
    void f1SimpleExampleStepByStepWithTheDocumentedSnsPayloads() throws IOException {
        EngineHarness h = new EngineHarness().model(MOTOR);
        h.send("PressureInput", "00001", pressure(80));
        assertThat(h.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("3");
        assertThat(h.external()).hasSize(1);
        ObjectNode sns = h.external().get(0);
        assertThat(sns.path("type").asText()).isEqualTo("sns");
        assertThat(sns.path("targetArn").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:underPressureAction");
        assertThat(EngineHarness.withoutGenerated(sns.path("payload")))
                .isEqualTo(EngineHarness.withoutGenerated(resource("/runtime/expected-sns-pressure-threshold-breached.json")));
        assertThat(sns.path("payload").path("payload").path("actionExecutionId").asText()).hasSize(36);

        h.send("PressureInput", "00002", pressure(60));
        assertThat(h.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("2");
        h.send("PressureInput", "00003", pressure(60));
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("1");
        assertThat(h.external()).hasSize(1);
        h.send("PressureInput", "00004", pressure(60));
        assertThat(h.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Normal");
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("0");
        assertThat(h.external()).hasSize(2);
        assertThat(EngineHarness.withoutGenerated(h.external().get(1).path("payload")))
                .isEqualTo(EngineHarness.withoutGenerated(resource("/runtime/expected-sns-normal-pressure-restored.json")));

        h.send("PressureInput", "00005", pressure(90)); // back to Dangerous with p = 3 (iotevents-iot-rules-engine.md)
        assertThat(h.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("3");
    }

    @Test
    void duplicateMessageIdsWithinFiveMinutesAreIgnored() throws IOException {
        EngineHarness h = new EngineHarness().model(MOTOR);
        h.send("PressureInput", "00001", pressure(80));
        h.send("PressureInput", "00002", pressure(60));
        h.send("PressureInput", "00002", pressure(60));
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("2");
        h.advanceSeconds(301);
        h.send("PressureInput", "00002", pressure(60));
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("1");
    }

    @Test
    void f4BatchAndSerialGiveTheDocumentedDifferentResults() throws IOException {
        EngineHarness batch = new EngineHarness().model(MOTOR);
        batch.send("PressureInput", pressure(80));
        batch.send("PressureInput", pressure(60));
        batch.send("PressureInput", pressure(60));
        assertThat(batch.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");

        ObjectNode serialModel = (ObjectNode) resource(MOTOR);
        serialModel.put("evaluationMethod", "SERIAL");
        EngineHarness serial = new EngineHarness().model(serialModel);
        serial.send("PressureInput", pressure(80));
        serial.send("PressureInput", pressure(60));
        assertThat(serial.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");
        serial.send("PressureInput", pressure(60));
        assertThat(serial.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Normal");

        // 60, 60, 80 under BATCH: Overpressurized resets p to 3 and the pressure test blocks the transition
        EngineHarness blocked = new EngineHarness().model(MOTOR);
        for (int p : new int[] {80, 60, 60, 80}) {
            blocked.send("PressureInput", pressure(p));
        }
        assertThat(blocked.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");
        assertThat(blocked.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("3");
    }

    @Test
    void f6DeviceHeartbeatTimers() throws IOException {
        ObjectNode model = (ObjectNode) resource("/runtime/DeviceHeartBeat.json");
        model.put("detectorModelName", "DeviceHeartBeat");
        EngineHarness h = new EngineHarness().model(model);
        String input = "AWS_IoTEvents_Blueprints_Heartbeat_Input";
        h.send(input, "{\"value\": 1}");
        DetectorInstance d = h.instance("DeviceHeartBeat", null);
        assertThat(d.stateName()).isEqualTo("Normal");
        assertThat(d.timerExpiries()).containsEntry("awake", 300_000L);
        h.advanceSeconds(100);
        h.send(input, "{\"value\": 1}");
        assertThat(d.timerExpiries()).containsEntry("awake", 400_000L);
        h.advanceSeconds(299);
        assertThat(d.stateName()).isEqualTo("Normal");
        h.advanceSeconds(1);
        assertThat(d.stateName()).isEqualTo("Offline");
        ObjectNode sns = h.external().get(h.external().size() - 1);
        assertThat(sns.path("payload").path("payload").path("eventTriggerDetails").path("triggerType").asText())
                .isEqualTo("Timer");
        assertThat(h.trace.get(h.trace.size() - 1).path("trigger").path("type").asText()).isEqualTo("Timer");
        h.advanceSeconds(100);
        h.send(input, "{\"value\": 1}");
        assertThat(d.stateName()).isEqualTo("Normal");
        assertThat(d.timerExpiries()).containsEntry("awake", 800_000L);
    }

    @Test
    void f6AFirstMessageWithValueZeroCreatesNoTimer() throws IOException {
        ObjectNode model = (ObjectNode) resource("/runtime/DeviceHeartBeat.json");
        model.put("detectorModelName", "DeviceHeartBeat");
        EngineHarness h = new EngineHarness().model(model);
        h.send("AWS_IoTEvents_Blueprints_Heartbeat_Input", "{\"value\": 0}");
        h.advanceSeconds(10_000);
        assertThat(h.instance("DeviceHeartBeat", null).stateName()).isEqualTo("Normal");
        assertThat(h.instance("DeviceHeartBeat", null).timerExpiries()).isEmpty();
    }

    @Test
    void f7SimpleAlarmUsesTheUndefinedIdiomAndEscalates() throws IOException {
        ObjectNode model = (ObjectNode) resource("/runtime/SimpleAlarm.json");
        model.put("detectorModelName", "SimpleAlarm");
        EngineHarness h = new EngineHarness().model(model);
        String input = "AWS_IoTEvents_Blueprints_Simple_Alarm_Input";
        h.send(input, "{\"alarmId\":\"a1\",\"value\":50,\"threshold\":40}");
        assertThat(h.instance("SimpleAlarm", "a1").stateName()).isEqualTo("Normal");
        assertThat(h.variable("SimpleAlarm", "a1", "threshold")).isEqualTo("40");
        h.send(input, "{\"alarmId\":\"a1\",\"value\":50,\"threshold\":40}");
        assertThat(h.instance("SimpleAlarm", "a1").stateName()).isEqualTo("Alarming");
        int before = h.external().size();
        h.advanceSeconds(300);
        assertThat(h.external().size()).isEqualTo(before + 1);
        assertThat(h.external().get(before).path("payload").path("eventName").asText())
                .isEqualTo("Escalated Alarm Notification");
    }

    @Test
    void f3HvacSeedThenTemperature() throws IOException {
        EngineHarness h = new EngineHarness().model("/runtime/areaDetectorModel.json");
        h.send("seedTemperatureInput", "{\"areaId\":\"Area51\",\"desiredTemperature\":20.0,\"allowedError\":0.7,"
                + "\"rangeHigh\":30.0,\"rangeLow\":15.0,\"anomalousHigh\":60.0,\"anomalousLow\":0.0,"
                + "\"sensorCount\":10,\"noDelay\":false}");
        DetectorInstance area = h.instance("areaDetectorModel", "Area51");
        assertThat(area.stateName()).isEqualTo("idle");
        assertThat(area.variables()).hasSize(12);
        assertThat(h.external()).hasSize(4);
        JsonNode heatOff = h.external().get(0).path("payload").path("payload");
        assertThat(heatOff.path("state").path("stateName").asText()).isEqualTo("start");
        assertThat(heatOff.path("state").path("variables").path("rangeHigh").toString()).isEqualTo("30.0");
        assertThat(heatOff.path("state").path("variables").path("sensorCount").toString()).isEqualTo("10");
        assertThat(heatOff.path("eventTriggerDetails").path("inputName").asText()).isEqualTo("seedTemperatureInput");

        h.send("temperatureInput", "{\"sensorId\":\"05\",\"areaId\":\"Area51\",\"sensorData\":{\"temperature\":23.12}}");
        assertThat(area.stateName()).isEqualTo("idle");
        assertThat(h.variable("areaDetectorModel", "Area51", "averageTemperature")).isEqualTo("20.312");
        assertThat(h.variable("areaDetectorModel", "Area51", "sensorId")).isEqualTo("05");
        assertThat(h.external()).hasSize(4);
    }

    @Test
    void badMessagesGetServiceErrorsAndTheRestOfTheBatchRuns() throws IOException {
        EngineHarness h = new EngineHarness().model(MOTOR);
        JsonNode ok = EngineHarness.JSON.readTree(pressure(80));
        List<MessageError> errors = h.engine.put(List.of(
                new Message("NoSuchInput", "a", ok, null),
                new Message("PressureInput", "b", EngineHarness.JSON.readTree("[1]"), null),
                new Message("PressureInput", "c", ok, null),
                new Message("PressureInput", "c", ok, null)));
        assertThat(errors).extracting(MessageError::messageId, MessageError::errorCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "ResourceNotFoundException"),
                org.assertj.core.groups.Tuple.tuple("b", "InvalidRequestException"),
                org.assertj.core.groups.Tuple.tuple("c", "InvalidRequestException"));
        assertThat(h.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");
        List<Message> eleven = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> new Message("PressureInput", "x" + i, ok, null)).toList();
        assertThat(h.engine.put(eleven)).hasSize(11).allMatch(e -> e.errorCode().equals("InvalidRequestException"));
        // a message without the key attribute creates no instance
        h.send("PressureInput", "{\"sensorData\": {\"pressure\": 80}}");
        assertThat(h.engine.instances("motorDetectorModel")).hasSize(1);
    }

    @Test
    void snapshotAndRestoreReturnExactlyToAnEarlierMoment() throws IOException {
        EngineHarness h = new EngineHarness().model(MOTOR);
        h.send("PressureInput", pressure(80));
        Engine.Snapshot snapshot = h.engine.snapshot();
        h.send("PressureInput", pressure(60));
        h.send("PressureInput", pressure(60));
        h.send("PressureInput", pressure(60));
        assertThat(h.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Normal");
        h.engine.restore(snapshot);
        assertThat(h.instance("motorDetectorModel", "Fulton-A32").stateName()).isEqualTo("Dangerous");
        assertThat(h.variable("motorDetectorModel", "Fulton-A32", "pressureThresholdBreached")).isEqualTo("3");
    }

    @Test
    void traceRecordsFollowTheContract() throws IOException {
        EngineHarness h = new EngineHarness().model(MOTOR);
        h.send("PressureInput", "m1", pressure(80));
        ObjectNode r = h.trace.get(0);
        assertThat(r.path("seq").asLong()).isEqualTo(1);
        assertThat(r.path("created").asBoolean()).isTrue();
        assertThat(r.path("toState").asText()).isEqualTo("Dangerous");
        assertThat(r.path("trigger").path("messageId").asText()).isEqualTo("m1");
        assertThat(r.path("evaluations")).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("transition");
            assertThat(e.path("result").asBoolean()).isTrue();
            assertThat(e.path("nextState").asText()).isEqualTo("Dangerous");
        });
        assertThat(r.path("actions").get(0).path("type").asText()).isEqualTo("setVariable");
        assertThat(r.path("state").path("variables").path("pressureThresholdBreached").asInt()).isEqualTo(3);
    }
}
