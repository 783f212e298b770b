package io.detectorstudio.simulator.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.Updates;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives a session with the triggers of a recorded trace, a record at a time as it is read: for each record, time
 * moves to its time (firing the timers the trace shows), then its message is sent again or its update applied. A
 * trigger causes the same cycles it caused when recorded (a message routed to several instances or models,
 * forwarded iotEvents messages, timers due at the same instant), so the records those cycles wrote are covered by it
 * rather than driven twice. A session with companion models (a project's several models) replays a trace of its own
 * model (what the workbench writes) as well as one of all of them (what {@code simulate} writes): the cycles a
 * trigger caused cover the records that follow it in the session's model and, where the trace has them, in the
 * companions'. The session then holds the same instances as the recorded run.
 */
public final class TraceReplay {

    private final Session session;
    private final Path file;
    private final String model;
    private final Set<String> models = new LinkedHashSet<>();
    /** one String per input name, not one per record: the session keeps every message it was sent */
    private final Map<String, String> inputNames = new HashMap<>();
    private final int start;
    private int modelRecordsCovered;
    private int companionRecordsCovered;

    /** A replay of {@code file}'s records into {@code session}. */
    public TraceReplay(Session session, Path file) {
        this.session = session;
        this.file = file;
        this.model = session.model().name();
        models.add(model);
        session.config().companions().forEach(m -> models.add(m.path("detectorModelName").asText("")));
        this.start = cycles();
    }

    /** Replays {@code lines} (read from {@code file}) into {@code session}; returns the cycles it ran in every model. */
    public static int replay(List<TraceReader.Line> lines, Path file, Session session) throws TraceException {
        TraceReplay replay = new TraceReplay(session, file);
        for (TraceReader.Line line : lines) {
            replay.accept(line);
        }
        return replay.cyclesRun();
    }

    /** The cycles the session ran in every model since the replay began. */
    public int cyclesRun() {
        return cycles() - start;
    }

    /**
     * Drives the session with {@code line}'s trigger, unless the cycles of an earlier trigger wrote it; true if it
     * drove the session.
     */
    public boolean accept(TraceReader.Line line) throws TraceException {
        ObjectNode record = line.record();
        String named = record.get("detectorModelName").asText();
        if (!models.contains(named)) {
            throw new TraceException(file.toString(), line.line(), 1, "$.detectorModelName",
                    "the trace has a record of model '" + named + "'; the session runs "
                            + String.join(", ", models.stream().map(m -> "'" + m + "'").toList()));
        }
        boolean own = named.equals(model);
        if (own && modelRecordsCovered > 0) {
            modelRecordsCovered--;
            return false;
        }
        if (!own && companionRecordsCovered > 0) {
            companionRecordsCovered--;
            return false;
        }
        int modelBefore = session.cycleCount();
        int companionsBefore = session.companionCycleCount();
        drive(line, record, named);
        modelRecordsCovered = Math.max(0, session.cycleCount() - modelBefore - (own ? 1 : 0));
        companionRecordsCovered = Math.max(0, session.companionCycleCount() - companionsBefore - (own ? 0 : 1));
        return true;
    }

    private void drive(TraceReader.Line line, ObjectNode record, String named) throws TraceException {
        long time = line.timeMillis();
        JsonNode trigger = record.get("trigger");
        session.advanceTo(time);
        switch (trigger.get("type").asText()) {
            case "Message" -> {
                String id = trigger.hasNonNull("messageId") ? trigger.get("messageId").asText() : null;
                String input = inputNames.computeIfAbsent(trigger.get("inputName").asText(), name -> name);
                session.send(new Message(input, id, trigger.get("payload"), null));
            }
            case "Timer" -> { } // the advance fired it
            default -> {
                ObjectNode entry = Updates.entry(record);
                if (!named.equals(model)) {
                    entry.put("model", named); // a companion's detector
                }
                if (session.update(entry) != null) {
                    throw new TraceException(file.toString(), line.line(), 1, "$.trigger",
                            "the update cannot be applied: no such detector at this point of the replay");
                }
            }
        }
    }

    private int cycles() {
        return session.cycleCount() + session.companionCycleCount();
    }
}
