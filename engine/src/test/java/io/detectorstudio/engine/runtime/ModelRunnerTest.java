package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model run on state handed in and back gives what the embedded engine gives, cycle for cycle. */
class ModelRunnerTest {

    private static ObjectNode model(String resource) throws Exception {
        try (InputStream in = ModelRunnerTest.class.getResourceAsStream(resource)) {
            return (ObjectNode) EngineHarness.JSON.readTree(in);
        }
    }

    @Test
    void motorMessagesGiveTheEnginesActionsAndStates() throws Exception {
        ObjectNode request = model("/runtime/motorDetectorModel.json");
        EngineHarness engine = new EngineHarness().model(request.deepCopy());
        ModelRunner runner = new ModelRunner(request, null, EngineOptions.DEFAULTS);
        int[] pressures = {80, 60, 60, 80, 60, 60, 60, 20};
        byte[] state = null;
        List<ObjectNode> runnerActions = new ArrayList<>();
        for (int i = 0; i < pressures.length; i++) {
            String payload = "{\"motorid\":\"Fulton-A32\",\"sensorData\":{\"pressure\":" + pressures[i] + ",\"temperature\":39}}";
            engine.send("PressureInput", "m" + i, payload);
            ModelRunner.Outcome out = runner.message(state, runner.keyOf(EngineHarness.JSON.readTree(payload)),
                    new Message("PressureInput", "m" + i, EngineHarness.JSON.readTree(payload), null), 0);
            out.actions().forEach(a -> runnerActions.add(a.toJson()));
            state = out.state();
        }
        // exactly, generated ids included: both number an instance's cycles themselves
        assertThat(runnerActions).containsExactlyElementsOf(engine.actions);
        DetectorInstance expected = engine.instance("motorDetectorModel", "Fulton-A32");
        DetectorInstance actual = runner.read(state, "Fulton-A32");
        assertThat(actual.stateName()).isEqualTo(expected.stateName());
        assertThat(actual.variables()).isEqualTo(expected.variables());
        assertThat(state.length).as("bytes per motor instance").isLessThan(32);
        // §C.7 retention keeps the values the model reads of the payload, not the payload
        assertThat(actual.retainedArray()).containsExactly(Value.integer(20));
    }

    @Test
    void timersTravelWithTheStateAndFireWhenTimeAdvances() throws Exception {
        ObjectNode request = model("/runtime/DeviceHeartBeat.json").put("detectorModelName", "DeviceHeartBeat");
        EngineHarness engine = new EngineHarness().model(request.deepCopy());
        ModelRunner runner = new ModelRunner(request, null, EngineOptions.DEFAULTS);
        String payload = "{\"value\": 1}";
        engine.send("AWS_IoTEvents_Blueprints_Heartbeat_Input", "a", payload);
        ModelRunner.Outcome first = runner.message(null, null, new Message("AWS_IoTEvents_Blueprints_Heartbeat_Input",
                "a", EngineHarness.JSON.readTree(payload), null), 0);
        assertThat(first.nextTimerDue()).isEqualTo(300_000L);
        assertThat(runner.advance(first.state(), null, 299_999).actions()).isEmpty();

        engine.advanceSeconds(301);
        ModelRunner.Outcome expired = runner.advance(first.state(), null, 301_000);
        DetectorInstance want = engine.engine.instances("DeviceHeartBeat").iterator().next();
        DetectorInstance got = runner.read(expired.state(), null);
        assertThat(got.stateName()).isEqualTo(want.stateName()).isEqualTo("Offline");
        assertThat(got.timerExpiries()).isEqualTo(want.timerExpiries());
        assertThat(got.lastUpdateTimeMillis()).isEqualTo(300_000L);
        assertThat(expired.actions()).extracting(PerformedAction::toJson)
                .containsExactlyElementsOf(engine.actions.subList(first.actions().size(), engine.actions.size()));
    }

    @Test
    void bytesRoundTripEveryValueType() {
        ObjectNode request = EngineHarness.JSON.createObjectNode();
        request.put("detectorModelName", "m");
        DetectorInstance instance = new DetectorInstance("k", new io.detectorstudio.engine.expr.SymbolTable(), "S", 1_700_000_000_000L);
        instance.replaceVariables(new io.detectorstudio.engine.expr.Value[] {
                io.detectorstudio.engine.expr.Value.integer(-5), io.detectorstudio.engine.expr.Value.decimal(new java.math.BigDecimal("19.570")),
                io.detectorstudio.engine.expr.Value.string("é\"x"), io.detectorstudio.engine.expr.Value.TRUE, null});
        instance.replaceRetained(new io.detectorstudio.engine.expr.Value[] {null,
                io.detectorstudio.engine.expr.Value.decimal(new java.math.BigDecimal("1.50")),
                io.detectorstudio.engine.expr.Value.UNDEFINED, io.detectorstudio.engine.expr.Value.NULL});
        instance.putTimer(new Timer("t", 1_700_000_060_000L, 60));
        instance.expired("old");
        instance.lastUpdateTime = 1_700_000_000_500L;
        instance.cycles = 7;
        CompiledModel model = new CompiledModel(request, "1");
        DetectorInstance back = DetectorStateCodec.decode(DetectorStateCodec.encode(instance, model), "k", model);
        assertThat(back.stateName).isEqualTo("S");
        assertThat(back.variableArray()).containsExactly(instance.variableArray());
        assertThat(back.retainedArray()).containsExactly(instance.retainedArray());
        assertThat(back.retained(1).toText()).isEqualTo("1.50");
        assertThat(back.timerExpiries()).isEqualTo(instance.timerExpiries());
        assertThat(back.timer("t").durationSeconds()).isEqualTo(60);
        assertThat(back.consumeExpiry("old")).isTrue();
        assertThat(back.lastUpdateTime).isEqualTo(instance.lastUpdateTime);
        assertThat(back.creationTime).isEqualTo(instance.creationTime);
        assertThat(back.cycles).isEqualTo(7);
    }
}
