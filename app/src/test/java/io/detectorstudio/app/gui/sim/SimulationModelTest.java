package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = "AWS_IoTEvents_Blueprints_ISA_Alarm_Input";

    private static void send(SimulationModel sim, String json) throws Exception {
        assertThat(sim.send(INPUT, JSON.readTree(json))).isEmpty();
    }

    @Test
    void theLastTransitionIsTheDiagramKeyOfTheSameNamedTransitionThatFired() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(Path.of("..", "samples", "isa-alarm", "model.json")));
        SimulationModel sim = new SimulationModel(new Session(Session.Config.of(request).withInputs(List.of(INPUT))));
        send(sim, "{\"alarmId\":\"p\",\"value\":50,\"command\":\"none\",\"lower_threshold\":20,\"higher_threshold\":80}");
        send(sim, "{\"alarmId\":\"p\",\"value\":5,\"command\":\"none\"}");
        send(sim, "{\"alarmId\":\"p\",\"value\":5,\"command\":\"shelve\"}");
        assertThat(sim.lastTransitionProperty().get()).isEqualTo("Unacknowledged/shelve");
        // the third unshelve (back to Unacknowledged) is the one whose condition holds
        send(sim, "{\"alarmId\":\"p\",\"value\":5,\"command\":\"unshelve\"}");
        assertThat(sim.lastTransitionProperty().get()).isEqualTo("Shelved/unshelve#3");
    }
}
