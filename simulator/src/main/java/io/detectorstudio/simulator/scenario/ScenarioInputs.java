package io.detectorstudio.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageShapes;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionInput;
import java.util.ArrayList;
import java.util.List;

/** A scenario as session inputs: open a scenario and step through it (expectations are for the runner). */
public final class ScenarioInputs {

    private ScenarioInputs() {
    }

    public static Session.Config config(Scenario scenario) {
        return Session.Config.of(scenario.model()).withCompanions(scenario.models())
                .withInputs(scenario.inputNames()).withStart(scenario.startMillis())
                .withOptions(scenario.options());
    }

    /** The message, messages, advance and update steps in order; messages get the runner's default ids. */
    public static List<SessionInput> of(Scenario scenario) {
        List<SessionInput> out = new ArrayList<>();
        for (Scenario.Step step : scenario.steps()) {
            JsonNode v = step.value();
            switch (step.kind()) {
                case "message" -> out.add(new SessionInput.Send(List.of(message(v, step.index(), 0))));
                case "messages" -> {
                    List<Message> batch = new ArrayList<>();
                    for (int i = 0; i < v.size(); i++) {
                        batch.add(message(v.get(i), step.index(), i));
                    }
                    out.add(new SessionInput.Send(batch));
                }
                case "advance" -> out.add(new SessionInput.AdvanceBy(MessageShapes.durationMillis(v)));
                case "update" -> out.add(new SessionInput.Update(v));
                default -> { }
            }
        }
        return out;
    }

    /** One message step entry as the engine's message (same ids and timestamps as {@link ScenarioRunner}). */
    static Message message(JsonNode m, int step, int index) {
        // the reader checked both shapes (MessageShapes): payload blob or object, timestamp in any form
        Long timestamp = m.has("timestamp") ? MessageShapes.timestamp(m.get("timestamp")) : null;
        String id = m.has("messageId") ? m.get("messageId").asText() : "step" + step + "-" + index;
        return new Message(m.get("inputName").asText(), id, MessageShapes.payload(m.get("payload")), timestamp);
    }
}
