package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationCarryOverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode motor() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("..", "samples", "motor", "model.json")));
    }

    private static Session session(ObjectNode model) {
        return new Session(Session.Config.of(model).withInputs(List.of("PressureInput")));
    }

    private static void send(Session s, int pressure, int i) throws Exception {
        s.send(new Message("PressureInput", "m" + i,
                JSON.readTree("{\"motorid\":\"m1\",\"sensorData\":{\"pressure\":" + pressure + "}}"), null));
    }

    @Test
    void theEditedModelSeesTheSameMessagesAndTheBreakpointsComeAlong() throws Exception {
        Session before = session(motor());
        for (int i = 0; i < 3; i++) {
            send(before, 80, i);
        }
        before.addBreakpoint(new Breakpoint.StateEntered("Dangerous"));
        assertThat(before.instance("m1").stateName()).isEqualTo("Dangerous");

        // the threshold raised to 90: the same readings no longer breach it
        ObjectNode edited = (ObjectNode) JSON.readTree(motor().toString().replace("pressure > 70", "pressure > 90"));
        Session after = session(edited);
        List<Breakpoint> set = new ArrayList<>();
        SimulationCarryOver.Outcome outcome = SimulationCarryOver.replay(before, after, b -> {
            set.add(b);
            after.addBreakpoint(b);
        });

        assertThat(after.instance("m1").stateName()).isEqualTo("Normal");
        assertThat(after.history()).hasSize(3);
        assertThat(set).containsExactly(new Breakpoint.StateEntered("Dangerous"));
        assertThat(outcome.notice()).contains("restarted on the edited model").contains("replayed the 3 inputs");
    }

    @Test
    void aFreshSessionIsSimplyRestartedAndAVeryLongOneIsNotReplayed() throws Exception {
        Session empty = session(motor());
        assertThat(SimulationCarryOver.replay(empty, session(motor()), b -> { }).notice())
                .isEqualTo("The model changed — the simulation restarted on the edited model.");
        assertThat(SimulationCarryOver.canReplay(empty)).isTrue();
        assertThat(new SimulationCarryOver.Outcome(false, 0).notice()).contains("previous version").contains("Ctrl+R");
    }
}
