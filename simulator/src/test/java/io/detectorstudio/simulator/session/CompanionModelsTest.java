package io.detectorstudio.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 9: a session loads the project's other models; their iotEvents actions feed the session's model. */
class CompanionModelsTest {

    private static final Path MODELS = Path.of("..", "samples", "pump-station", "models").toAbsolutePath().normalize();

    private static ObjectNode model(String file) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(Files.readAllBytes(MODELS.resolve(file)));
    }

    private static Message reading(String id, String pump, int pressure) throws Exception {
        return new Message("PumpReading", id, new ObjectMapper().readTree(
                "{\"pumpId\":\"" + pump + "\",\"stationId\":\"s1\",\"pressure\":" + pressure + "}"), null);
    }

    @Test
    void item9TheSessionRunsEveryModelAndStepsThroughItsOwn() throws Exception {
        ObjectNode station = model("station.json");
        Session session = new Session(Session.Config.of(station).withCompanions(List.of(model("pump.json"), station)));
        assertThat(session.config().companions()).hasSize(1);
        session.send(reading("r1", "p1", 120));
        session.send(reading("r2", "p2", 130));
        assertThat(session.instances()).extracting(InstanceState::keyValue, InstanceState::stateName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", "Critical"));
        session.stepBack();
        assertThat(session.instances()).extracting(InstanceState::stateName).containsExactly("Ok");
    }
}
