package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Value;
import io.detectorstudio.engine.runtime.DetectorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the state database and the JSON forms stored in them. Resources (inputs, every model version,
 * tags) are rows written when they change. The engine's state is a checkpoint (models as the engine runs them,
 * every detector with state, variables, timers and retained inputs, the de-duplication window, the clock) plus
 * the log of everything applied since ({@code log}: BatchPutMessage/BatchUpdateDetector/BatchDeleteDetector
 * requests, model changes, timer ticks, each with the engine time it ran at), replayed on start.
 */
public final class Store {

    static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Store() {
    }

    static void createSchema(Statement s) throws SQLException {
        // ids: "input NUL messageId" lines of a BatchPutMessage record, so the de-duplication window comes back
        // from the log without parsing the records
        // request: the request's JSON as received, when the record was logged without its request member
        s.execute("CREATE TABLE IF NOT EXISTS log(seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, record TEXT NOT NULL, "
                + "ids TEXT, request BLOB)");
        boolean hasRequest = false;
        try (ResultSet columns = s.executeQuery("PRAGMA table_info(log)")) {
            while (columns.next()) {
                hasRequest |= columns.getString("name").equals("request");
            }
        }
        if (!hasRequest) { // a database written before the column existed
            s.execute("ALTER TABLE log ADD COLUMN request BLOB");
        }
        s.execute("CREATE TABLE IF NOT EXISTS inputs(name TEXT PRIMARY KEY, doc TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS model_versions(name TEXT NOT NULL, version INTEGER NOT NULL, "
                + "doc TEXT NOT NULL, PRIMARY KEY(name, version))");
        s.execute("CREATE TABLE IF NOT EXISTS tags(arn TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, "
                + "PRIMARY KEY(arn, tag_key))");
        s.execute("CREATE TABLE IF NOT EXISTS checkpoint(id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, "
                + "clock INTEGER NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS checkpoint_models(name TEXT PRIMARY KEY, version TEXT NOT NULL, "
                + "request TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS detectors(model TEXT NOT NULL, key_value TEXT NOT NULL, state TEXT NOT NULL, "
                + "PRIMARY KEY(model, key_value))");
    }

    /** The engine at one log position, as the checkpoint tables hold it. */
    record Checkpoint(long seq, long clock, Map<String, ModelVersion> models,
                      Map<String, List<DetectorState>> detectors) { }

    record ModelVersion(String version, ObjectNode request) { }

    static ObjectNode parse(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Checkpoint readCheckpoint(Connection c) throws SQLException {
        long seq = 0;
        long clock = 0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT seq, clock FROM checkpoint")) {
            if (r.next()) {
                seq = r.getLong(1);
                clock = r.getLong(2);
            }
        }
        Map<String, ModelVersion> models = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name, version, request FROM checkpoint_models ORDER BY name")) {
            while (r.next()) {
                models.put(r.getString(1), new ModelVersion(r.getString(2), parse(r.getString(3))));
            }
        }
        Map<String, List<DetectorState>> detectors = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT model, state FROM detectors ORDER BY model, key_value")) {
            while (r.next()) {
                detectors.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(detectorState(parse(r.getString(2))));
            }
        }
        return new Checkpoint(seq, clock, models, detectors);
    }

    /**
     * Replaces the checkpoint and drops the log it covers, in the journal's transaction — except the records of
     * the last {@code dedupWindowMillis}: their message ids are the de-duplication window after a restart.
     */
    static void writeCheckpoint(Connection c, Checkpoint cp, long dedupWindowMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM checkpoint_models");
            s.execute("DELETE FROM detectors");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO checkpoint_models VALUES (?, ?, ?)")) {
            for (Map.Entry<String, ModelVersion> m : cp.models().entrySet()) {
                p.setString(1, m.getKey());
                p.setString(2, m.getValue().version());
                p.setString(3, m.getValue().request().toString());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO detectors VALUES (?, ?, ?)")) {
            for (Map.Entry<String, List<DetectorState>> m : cp.detectors().entrySet()) {
                for (DetectorState d : m.getValue()) {
                    p.setString(1, m.getKey());
                    p.setString(2, d.keyValue() == null ? "" : d.keyValue());
                    p.setString(3, json(d).toString());
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO checkpoint VALUES (1, ?, ?)")) {
            p.setLong(1, cp.seq());
            p.setLong(2, cp.clock());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM log WHERE seq <= ? AND t < ?")) {
            p.setLong(1, cp.seq());
            p.setLong(2, cp.clock() - dedupWindowMillis);
            p.executeUpdate();
        }
    }

    static ObjectNode json(DetectorState d) {
        ObjectNode o = JSON.createObjectNode();
        if (d.keyValue() != null) {
            o.put("keyValue", d.keyValue());
        }
        o.put("stateName", d.stateName());
        ObjectNode variables = o.putObject("variables");
        d.variables().forEach((name, value) -> variables.set(name, json(value)));
        ObjectNode inputs = o.putObject("inputs");
        d.inputs().forEach((path, value) -> inputs.set(path, json(value)));
        ArrayNode timers = o.putArray("timers");
        d.timers().forEach(t -> timers.addObject().put("name", t.name()).put("expiresAt", t.expiresAtMillis())
                .put("seconds", t.durationSeconds()));
        ArrayNode expired = o.putArray("expired");
        d.expiredUnconsumed().stream().sorted().forEach(expired::add);
        o.put("creationTime", d.creationTimeMillis());
        o.put("lastUpdateTime", d.lastUpdateTimeMillis());
        return o;
    }

    static DetectorState detectorState(JsonNode o) {
        Map<String, Value> variables = new LinkedHashMap<>();
        o.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), value(e.getValue())));
        Map<String, Value> inputs = new LinkedHashMap<>();
        o.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), value(e.getValue())));
        List<DetectorState.TimerState> timers = new ArrayList<>();
        o.path("timers").forEach(t -> timers.add(new DetectorState.TimerState(t.path("name").asText(),
                t.path("expiresAt").asLong(), t.path("seconds").asLong())));
        var expired = new HashSet<String>();
        o.path("expired").forEach(e -> expired.add(e.asText()));
        return new DetectorState(o.has("keyValue") ? o.get("keyValue").asText() : null, o.path("stateName").asText(),
                variables, inputs, timers, expired, o.path("creationTime").asLong(), o.path("lastUpdateTime").asLong());
    }

    /** A variable value with its type: {@code {"INTEGER": "3"}}, {@code {"STRING": "01"}}, … */
    static ObjectNode json(Value v) {
        return JSON.createObjectNode().put(v.type().name(), switch (v.type()) {
            case STRING -> v.asString();
            case INVALID -> v.reason();
            default -> v.toText();
        });
    }

    static Value value(JsonNode typed) {
        var field = typed.fields().next();
        String text = field.getValue().asText();
        return switch (Value.Type.valueOf(field.getKey())) {
            case INTEGER -> Value.integer(Long.parseLong(text));
            case DECIMAL -> Value.decimal(new BigDecimal(text));
            case STRING -> Value.string(text);
            case BOOLEAN -> Value.bool(Boolean.parseBoolean(text));
            case NULL -> Value.NULL;
            case UNDEFINED -> Value.UNDEFINED;
            case INVALID -> Value.invalid(text);
        };
    }

    static List<ObjectNode> readLog(Connection c, long after) throws SQLException {
        List<ObjectNode> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT record, request FROM log WHERE seq > ? ORDER BY seq")) {
            p.setLong(1, after);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ObjectNode record = parse(r.getString(1));
                    byte[] request = r.getBytes(2);
                    if (request != null) {
                        record.set("request", parseRequest(request));
                    }
                    out.add(record);
                }
            }
        }
        return out;
    }

    /** The message ids the checkpoint's records saw since {@code since}: "input NUL id" → record time. */
    static Map<String, Long> recentMessageIds(Connection c, long uptoSeq, long since) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT t, ids FROM log WHERE seq <= ? AND t >= ? AND ids IS NOT NULL ORDER BY seq")) {
            p.setLong(1, uptoSeq);
            p.setLong(2, since);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long t = r.getLong(1);
                    for (String id : r.getString(2).split("\n")) {
                        out.putIfAbsent(id, t);
                    }
                }
            }
        }
        return out;
    }

    /** A request logged as received, parsed as the server parsed it then. */
    private static JsonNode parseRequest(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A record's JSON without its request member (logged separately as received). Written by hand: the rest is
     * a few scalar members ({@code op}, {@code t}), for which Jackson's per-call set-up would cost more than the text.
     */
    static String withoutRequest(ObjectNode record) {
        StringBuilder out = new StringBuilder(48).append('{');
        record.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("request")) {
                out.append(out.length() == 1 ? "" : ",");
                appendQuoted(out, f.getKey()).append(':');
                if (f.getValue().isTextual()) {
                    appendQuoted(out, f.getValue().textValue());
                } else {
                    out.append(f.getValue().toString());
                }
            }
        });
        return out.append('}').toString();
    }

    private static StringBuilder appendQuoted(StringBuilder out, String text) {
        out.append('"');
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }

    /** The de-duplication keys of a BatchPutMessage record, one per line; null for other records. */
    static String messageIds(JsonNode record) {
        if (!record.path("op").asText().equals("put")) {
            return null;
        }
        return messageIdsOfRequest(record.path("request"));
    }

    /** The de-duplication keys of a BatchPutMessage request: "input NUL messageId", one per line. */
    static String messageIdsOfRequest(JsonNode request) {
        StringBuilder ids = new StringBuilder();
        for (JsonNode m : request.path("messages")) {
            ids.append(ids.length() == 0 ? "" : "\n").append(m.path("inputName").asText()).append('\u0000')
                    .append(m.path("messageId").asText());
        }
        return ids.toString();
    }

    static long maxLogSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT MAX(m) FROM (SELECT MAX(seq) AS m FROM log UNION ALL SELECT seq FROM checkpoint)")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
