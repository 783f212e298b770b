package io.detectorstudio.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline is only honest if it does what the engine does: same SNS actions, same order, same values. */
class HandWrittenMotorTest {

    @Test
    void theHandWrittenMotorEmitsExactlyTheEnginesSnsActions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        MotorFleet fleet = new MotorFleet();
        List<String> engineSns = new ArrayList<>();
        List<String> handSns = new ArrayList<>();
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        engine.setActionSink(action -> {
            if (action.path("type").asText().equals("sns")) {
                engineSns.add(action.path("keyValue").asText() + " " + action.path("eventName").asText() + " "
                        + action.path("payload").path("payload").path("state").path("variables")
                        .path("pressureThresholdBreached").asLong());
            }
        });
        engine.putModel((ObjectNode) json.readTree(getClass().getResourceAsStream("/motor.json")));
        HandWrittenMotor hand = new HandWrittenMotor(s -> handSns.add(s.key() + " " + s.event() + " " + s.breached()));
        for (int i = 0; i < 20_000; i++) {
            engine.put(List.of(new Message("PressureInput", null, json.readTree(fleet.json(i)), null)));
            hand.message(fleet.keys[fleet.keyOf[i]], fleet.pressureOf[i]);
        }
        assertThat(engineSns).hasSizeGreaterThan(500);
        assertThat(handSns).containsExactlyElementsOf(engineSns);
    }
}
