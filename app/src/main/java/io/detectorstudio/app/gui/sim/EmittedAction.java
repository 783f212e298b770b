package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An action as emitted, with the cycle that emitted it. The action object and its summary are read from its cycle's
 * {@link TraceRow} when shown: a record holds its actions, so keeping them apart would store them twice (a replay
 * keeps a hundred thousand of these, and only the few on screen are ever shown).
 */
public final class EmittedAction {

    private static final List<String> TARGET_FIELDS = List.of("targetArn", "mqttTopic", "functionArn", "queueUrl",
            "inputName", "variableName", "timerName", "deliveryStreamName", "tableName");
    private final int cycle;
    private final TraceRow row;
    private final int index;
    /** made when first shown */
    private String summary;

    /** The action at {@code index} of {@code row}'s record's {@code actions}, emitted in cycle {@code cycle}. */
    EmittedAction(int cycle, TraceRow row, int index) {
        this.cycle = cycle;
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
        if (summary == null) { // a race between threads would only make the same text twice
            summary = summary(cycle, action());
        }
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
        return summary();
    }
}
