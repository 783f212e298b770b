package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An action as emitted, with the cycle that emitted it and its summary. The action object itself is read from its
 * cycle's {@link TraceRow} when shown: a record holds its actions, so keeping them apart would store them twice.
 */
public final class EmittedAction {

    private static final List<String> TARGET_FIELDS = List.of("targetArn", "mqttTopic", "functionArn", "queueUrl",
            "inputName", "variableName", "timerName", "deliveryStreamName", "tableName");
    private final int cycle;
    private final String summary;
    private final TraceRow row;
    private final int index;

    /** The action at {@code index} of {@code row}'s record's {@code actions}, emitted in cycle {@code cycle}. */
    EmittedAction(int cycle, ObjectNode action, TraceRow row, int index) {
        this.cycle = cycle;
        this.summary = summary(cycle, action);
        this.row = row;
        this.index = index;
    }

    public int cycle() {
        return cycle;
    }

    /** The action object (trace.md), read again (a new tree each time). */
    public ObjectNode action() {
        return (ObjectNode) row.record().path("actions").get(index);
    }

    /** One line: cycle, type, target, state and event. */
    public String summary() {
        return summary;
    }

    private static String summary(int cycle, ObjectNode action) {
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

    @Override
    public String toString() {
        return summary;
    }
}
