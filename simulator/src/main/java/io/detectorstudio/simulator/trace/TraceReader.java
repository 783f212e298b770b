package io.detectorstudio.simulator.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.LocatedJson;
import io.detectorstudio.engine.io.LocatingReader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.io.SourceRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads a trace (trace.md, JSON lines) and checks what replay needs of every record; a bad line is reported as
 * {@code file:line:column: $.path: message}. Blank lines are skipped. {@link #forReplay()} keeps only the fields
 * replay reads.
 */
public final class TraceReader {

    /** One record, the line it was on and its time (its {@code time}, read once). */
    public record Line(int line, ObjectNode record, long timeMillis) {
    }

    /** Decimals keep their written scale ({@code 20.0} stays {@code 20.0}), as the engine's values do. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(new SmallObjectNodes())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /**
     * Exact decimals, and object nodes whose maps start with 4 slots instead of 16: a replay keeps every message's
     * payload (2 objects each in a motor reading), and the default table was half of what such a payload kept.
     */
    private static final class SmallObjectNodes extends JsonNodeFactory {
        SmallObjectNodes() {
            super(true);
        }

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new LinkedHashMap<>(4));
        }
    }

    private static final Set<String> TRIGGERS = Set.of("Message", "Timer", "Update");
    /** What {@link TraceReplay} reads of a record (and what is checked): the trigger, its time, model and key. */
    private static final Set<String> REPLAY_FIELDS =
            Set.of("seq", "time", "detectorModelName", "keyValue", "trigger", "state");
    /** A time that is not an instant in milliseconds ({@link #epochMillis}). */
    private static final long NOT_AN_INSTANT = Long.MIN_VALUE;

    private final boolean replayFieldsOnly;

    /** A reader of whole records. */
    public TraceReader() {
        this(false);
    }

    private TraceReader(boolean replayFieldsOnly) {
        this.replayFieldsOnly = replayFieldsOnly;
    }

    /**
     * A reader whose records hold only what replay reads (the trigger, time, model, key and state); the rest of
     * each line — evaluations, actions and their payloads, most of a record — is checked as JSON and skipped, not
     * built into trees. A replay of a long trace in the workbench reads this way: the trees it skips were most of
     * what the replay allocated, and every collection of them paused the UI.
     */
    public static TraceReader forReplay() {
        return new TraceReader(true);
    }

    public List<Line> read(Path file) throws TraceException {
        List<Line> out = new ArrayList<>();
        read(file, line -> out.add(line));
        return out;
    }

    /** Takes each record as it is read; false stops reading. */
    @FunctionalInterface
    public interface LineHandler {
        boolean accept(Line line) throws TraceException;
    }

    /**
     * Reads the trace one line at a time, handing each checked record to {@code handler} before the next is read
     * (a long trace is never held whole: the GUI replays it this way), until the end or the handler says stop.
     */
    public void read(Path file, LineHandler handler) throws TraceException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank() && !handler.accept(line(file, number, text, replayFieldsOnly))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new TraceException(file.toString(), 0, 0, "$", "cannot read the trace: " + e.getMessage());
        }
    }

    private static Line line(Path file, int number, String text, boolean replayFieldsOnly)
            throws TraceException {
        JsonNode node;
        try {
            node = replayFieldsOnly ? replayFields(text) : JSON.readTree(text);
        } catch (IOException e) { // a String holds no I/O: Jackson's parse errors
            JsonProcessingException p = e instanceof JsonProcessingException j ? j : null;
            int column = p == null || p.getLocation() == null ? 1 : Math.max(1, p.getLocation().getColumnNr());
            throw new TraceException(file.toString(), number, column, "$", "not JSON: "
                    + (p == null ? e.getMessage() : p.getOriginalMessage()) + " (a trace has one JSON object per line)");
        }
        Check c = new Check(file, number, text);
        if (!(node instanceof ObjectNode record)) {
            throw c.error("$", "a trace line is one JSON object (a cycle record)");
        }
        if (!record.path("seq").isIntegralNumber()) {
            throw c.error(record.has("seq") ? "$.seq" : "$", "seq must be an integer");
        }
        long time = record.path("time").isTextual() ? epochMillis(record.get("time").asText()) : NOT_AN_INSTANT;
        if (time == NOT_AN_INSTANT) {
            throw c.error(record.has("time") ? "$.time" : "$", "time must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        if (!record.path("detectorModelName").isTextual()) {
            throw c.error(record.has("detectorModelName") ? "$.detectorModelName" : "$", "detectorModelName must be a string");
        }
        JsonNode trigger = record.path("trigger");
        if (!trigger.isObject()) {
            throw c.error(record.has("trigger") ? "$.trigger" : "$", "trigger must be an object with type Message, Timer or Update");
        }
        String type = trigger.path("type").asText("");
        if (!TRIGGERS.contains(type)) {
            throw c.error(trigger.has("type") ? "$.trigger.type" : "$.trigger", "trigger.type must be Message, Timer or Update");
        }
        switch (type) {
            case "Message" -> {
                if (!trigger.path("inputName").isTextual()) {
                    throw c.error("$.trigger", "a Message trigger needs inputName (string)");
                }
                if (!trigger.path("payload").isObject()) {
                    throw c.error(trigger.has("payload") ? "$.trigger.payload" : "$.trigger", "payload must be a JSON object");
                }
            }
            case "Timer" -> {
                if (!trigger.path("timerName").isTextual()) {
                    throw c.error("$.trigger", "a Timer trigger needs timerName (string)");
                }
            }
            default -> {
                if (!trigger.path("state").path("stateName").isTextual()) {
                    throw c.error("$.trigger", "an Update trigger needs state {stateName, variables, timers}");
                }
            }
        }
        if (!record.path("state").path("stateName").isTextual()) {
            throw c.error(record.has("state") ? "$.state" : "$", "state must be {stateName, variables, timers}");
        }
        return new Line(number, record, time);
    }

    /**
     * The line's {@link #REPLAY_FIELDS} as an object; any other JSON value as {@code readTree} gives it (so that it
     * is refused as the whole-record reader refuses it). The skipped fields are still parsed, so bad JSON anywhere
     * on the line is refused alike.
     */
    private static JsonNode replayFields(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return JSON.readTree(text);
            }
            ObjectNode record = JSON.getNodeFactory().objectNode();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                if (REPLAY_FIELDS.contains(name)) {
                    record.set(name, JSON.readTree(p));
                } else {
                    p.skipChildren();
                }
            }
            return record;
        }
    }

    private static long epochMillis(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return NOT_AN_INSTANT;
        }
    }

    /** Locates a path inside one line (parsed again with positions only when something is wrong). */
    private record Check(Path file, int line, String text) {
        TraceException error(String path, String message) {
            int column = 1;
            try {
                LocatedJson located = new LocatingReader().read(text.getBytes(StandardCharsets.UTF_8), false);
                SourceRange r = located.rangeOf(path);
                if (r != SourceRange.UNKNOWN) {
                    column = r.column();
                }
            } catch (ModelReadException e) {
                // parsed once already; keep column 1
            }
            return new TraceException(file.toString(), line, column, path, message);
        }
    }
}
