package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An action as emitted, with the cycle that emitted it. */
public record EmittedAction(int cycle, ObjectNode action) {

    private static final List<String> TARGET_FIELDS = List.of("targetArn", "mqttTopic", "functionArn", "queueUrl",
            "inputName", "variableName", "timerName", "deliveryStreamName", "tableName");

    public String summary() {
        String type = action.path("type").asText();
        String target = "";
        for (String f : TARGET_FIELDS) {
            if (action.has(f)) {
                target = action.path(f).asText();
                break;
            }
        }
        return "#" + cycle + "  " + type + "  " + target + "  (" + action.path("stateName").asText() + " / "
                + action.path("eventName").asText() + ")";
    }
}
