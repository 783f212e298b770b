package io.detectorstudio.simulator.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Drives a session with the triggers of a recorded trace: for each record, time moves to its time (firing the timers
 * the trace shows), then its message is sent again or its update applied. A trigger causes the same cycles it
 * caused when recorded (a message routed to several instances, forwarded iotEvents messages, timers due at the same
 * instant), so the records those cycles wrote are skipped rather than driven twice. The session then holds the same
 * instances as the recorded run.
 */
public final class TraceReplay {

    private TraceReplay() {
    }

    /** Replays {@code lines} (read from {@code file}) into {@code session}; returns the cycles the session ran. */
    public static int replay(List<TraceReader.Line> lines, Path file, Session session) throws TraceException {
        String model = session.model().name();
        int start = session.cycleCount();
        int i = 0;
        while (i < lines.size()) {
            TraceReader.Line line = lines.get(i);
            ObjectNode record = line.record();
            if (!model.equals(record.get("detectorModelName").asText())) {
                throw new TraceException(file.toString(), line.line(), 1, "$.detectorModelName",
                        "the trace is of model '" + record.get("detectorModelName").asText() + "', the session runs '"
                                + model + "'");
            }
            int before = session.cycleCount();
            long time = Instant.parse(record.get("time").asText()).toEpochMilli();
            JsonNode trigger = record.get("trigger");
            switch (trigger.get("type").asText()) {
                case "Message" -> {
                    session.advanceTo(time);
                    String id = trigger.hasNonNull("messageId") ? trigger.get("messageId").asText() : null;
                    session.send(new Message(trigger.get("inputName").asText(), id, trigger.get("payload"), null));
                }
                case "Timer" -> session.advanceTo(time);
                default -> {
                    session.advanceTo(time);
                    if (session.update(Updates.entry(record)) != null) {
                        throw new TraceException(file.toString(), line.line(), 1, "$.trigger",
                                "the update cannot be applied: no such detector at this point of the replay");
                    }
                }
            }
            i += Math.max(1, session.cycleCount() - before);
        }
        return session.cycleCount() - start;
    }
}
