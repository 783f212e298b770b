package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The iotevents operations a deployment needs (semantics §D.1): inputs, detector models with every version,
 * tags, input routings. The registry lives in memory, owned by the engine thread (every method here runs in an
 * {@link EngineHost.Tx}); each change is written to the database in the same group commit as the engine change
 * it causes, and the answer goes out once both are durable.
 */
final class ControlPlane {

    static final String ARN_PREFIX = "arn:aws:iotevents:us-east-1:123456789012:";

    /** name → {request, creationTime, lastUpdateTime} */
    private final TreeMap<String, ObjectNode> inputs = new TreeMap<>();
    /** name → version → {request, creationTime, lastUpdateTime, status} */
    private final TreeMap<String, TreeMap<Integer, ObjectNode>> models = new TreeMap<>();
    /** ARN → key → value */
    private final Map<String, TreeMap<String, String>> tags = new TreeMap<>();
    private final ModelAnalysis analysis;

    ControlPlane(ModelAnalysis analysis) {
        this.analysis = analysis;
    }

    void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name, doc FROM inputs")) {
            while (r.next()) {
                inputs.put(r.getString(1), Store.parse(r.getString(2)));
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name, version, doc FROM model_versions")) {
            while (r.next()) {
                models.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getInt(2), Store.parse(r.getString(3)));
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT arn, tag_key, tag_value FROM tags")) {
            while (r.next()) {
                tags.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getString(3));
            }
        }
    }

    Iterable<String> inputNames() {
        return List.copyOf(inputs.keySet());
    }

    Map<String, ObjectNode> inputRequests() {
        Map<String, ObjectNode> out = new TreeMap<>();
        inputs.forEach((name, doc) -> out.put(name, (ObjectNode) doc.get("request")));
        return out;
    }

    // ---- inputs ----

    ApiResponse createInput(EngineHost.Tx tx, JsonNode body) {
        RequestCheck.check(body, "CreateInputRequest");
        String name = body.path("inputName").asText();
        if (inputs.containsKey(name)) {
            throw alreadyExists("Input", name, ARN_PREFIX + "input/" + name);
        }
        ObjectNode request = ((ObjectNode) body).deepCopy();
        request.remove("tags");
        ObjectNode doc = Store.JSON.createObjectNode();
        doc.set("request", request);
        doc.put("creationTime", tx.now()).put("lastUpdateTime", tx.now());
        putInput(tx, name, doc);
        setTags(tx, ARN_PREFIX + "input/" + name, body.path("tags"));
        tx.apply(Store.JSON.createObjectNode().put("op", "input").put("name", name));
        ObjectNode out = Store.JSON.createObjectNode();
        out.set("inputConfiguration", inputConfiguration(name, doc));
        return new ApiResponse(201, out);
    }

    ApiResponse describeInput(String name) {
        ObjectNode doc = input(name);
        ObjectNode input = Store.JSON.createObjectNode();
        input.set("inputConfiguration", inputConfiguration(name, doc));
        input.set("inputDefinition", doc.path("request").path("inputDefinition"));
        ObjectNode out = Store.JSON.createObjectNode();
        out.set("input", input);
        return ApiResponse.ok(out);
    }

    ApiResponse listInputs(String nextToken, Integer maxResults) {
        var page = Paging.page(new ArrayList<>(inputs.keySet()), n -> n, nextToken, maxResults);
        ObjectNode out = Store.JSON.createObjectNode();
        ArrayNode summaries = out.putArray("inputSummaries");
        page.items().forEach(n -> summaries.add(inputConfiguration(n, inputs.get(n))));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return ApiResponse.ok(out);
    }

    ApiResponse updateInput(EngineHost.Tx tx, String name, JsonNode body) {
        ObjectNode request = ((ObjectNode) body).deepCopy().put("inputName", name);
        RequestCheck.check(request, "UpdateInputRequest");
        ObjectNode doc = input(name).deepCopy();
        doc.set("request", request);
        doc.put("lastUpdateTime", tx.now());
        putInput(tx, name, doc);
        ObjectNode out = Store.JSON.createObjectNode();
        out.set("inputConfiguration", inputConfiguration(name, doc));
        return ApiResponse.ok(out);
    }

    ApiResponse deleteInput(EngineHost.Tx tx, String name) {
        input(name);
        inputs.remove(name);
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM inputs WHERE name = ?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
        });
        setTags(tx, ARN_PREFIX + "input/" + name, null);
        return ApiResponse.ok(Store.JSON.createObjectNode());
    }

    private ObjectNode input(String name) {
        ObjectNode doc = inputs.get(name);
        if (doc == null) {
            throw Errors.notFound("Input " + name + " does not exist");
        }
        return doc;
    }

    private void putInput(EngineHost.Tx tx, String name, ObjectNode doc) {
        inputs.put(name, doc);
        String text = doc.toString();
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO inputs VALUES (?, ?)")) {
                p.setString(1, name);
                p.setString(2, text);
                p.executeUpdate();
            }
        });
    }

    private static ObjectNode inputConfiguration(String name, ObjectNode doc) {
        ObjectNode c = Store.JSON.createObjectNode();
        c.put("inputName", name);
        if (doc.path("request").has("inputDescription")) {
            c.set("inputDescription", doc.path("request").get("inputDescription"));
        }
        c.put("inputArn", ARN_PREFIX + "input/" + name);
        c.put("creationTime", seconds(doc.path("creationTime").asLong()));
        c.put("lastUpdateTime", seconds(doc.path("lastUpdateTime").asLong()));
        c.put("status", "ACTIVE");
        return c;
    }

    // ---- detector models ----

    ApiResponse createDetectorModel(EngineHost.Tx tx, JsonNode body) {
        String name = body.path("detectorModelName").asText();
        if (models.containsKey(name)) {
            throw alreadyExists("Detector model", name, ARN_PREFIX + "detectorModel/" + name);
        }
        ObjectNode request = ((ObjectNode) body).deepCopy();
        request.remove("tags");
        analysis.rejectErrors(request, inputRequests());
        putVersion(tx, name, 1, request, tx.now());
        setTags(tx, ARN_PREFIX + "detectorModel/" + name, body.path("tags"));
        return ApiResponse.ok(configurationResponse(name, 1));
    }

    ApiResponse updateDetectorModel(EngineHost.Tx tx, String name, JsonNode body) {
        TreeMap<Integer, ObjectNode> versions = versions(name);
        ObjectNode latest = (ObjectNode) versions.lastEntry().getValue().get("request");
        ObjectNode request = ((ObjectNode) body).deepCopy().put("detectorModelName", name);
        RequestCheck.check(request, "UpdateDetectorModelRequest");
        if (latest.has("key")) {
            request.set("key", latest.get("key")); // the key cannot change (§C.9)
        }
        analysis.rejectErrors(request, inputRequests());
        int version = versions.lastKey() + 1;
        putVersion(tx, name, version, request, versions.firstEntry().getValue().path("creationTime").asLong());
        return ApiResponse.ok(configurationResponse(name, version));
    }

    ApiResponse describeDetectorModel(String name, String version) {
        TreeMap<Integer, ObjectNode> versions = versions(name);
        int v;
        try {
            v = version == null ? versions.lastKey() : Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw Errors.invalidRequest("version must be a version number such as 1, not '" + version + "'");
        }
        ObjectNode doc = versions.get(v);
        if (doc == null) {
            throw Errors.notFound("Detector model " + name + " has no version " + version);
        }
        ObjectNode model = Store.JSON.createObjectNode();
        model.set("detectorModelDefinition", doc.path("request").path("detectorModelDefinition"));
        model.set("detectorModelConfiguration", configuration(name, v, doc));
        ObjectNode out = Store.JSON.createObjectNode();
        out.set("detectorModel", model);
        return ApiResponse.ok(out);
    }

    ApiResponse listDetectorModels(String nextToken, Integer maxResults) {
        var page = Paging.page(new ArrayList<>(models.keySet()), n -> n, nextToken, maxResults);
        ObjectNode out = Store.JSON.createObjectNode();
        ArrayNode summaries = out.putArray("detectorModelSummaries");
        for (String n : page.items()) {
            ObjectNode latest = models.get(n).lastEntry().getValue();
            ObjectNode s = summaries.addObject().put("detectorModelName", n);
            if (latest.path("request").has("detectorModelDescription")) {
                s.set("detectorModelDescription", latest.path("request").get("detectorModelDescription"));
            }
            s.put("creationTime", seconds(models.get(n).firstEntry().getValue().path("creationTime").asLong()));
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return ApiResponse.ok(out);
    }

    ApiResponse listDetectorModelVersions(String name, String nextToken, Integer maxResults) {
        TreeMap<Integer, ObjectNode> versions = versions(name);
        // versions page in number order: the token carries the number zero-padded so text order is number order
        var page = Paging.page(new ArrayList<>(versions.keySet()), v -> String.format("%010d", v), nextToken, maxResults);
        ObjectNode out = Store.JSON.createObjectNode();
        ArrayNode summaries = out.putArray("detectorModelVersionSummaries");
        for (int v : page.items()) {
            ObjectNode c = configuration(name, v, versions.get(v));
            c.remove(List.of("detectorModelDescription", "key"));
            summaries.add(c);
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return ApiResponse.ok(out);
    }

    ApiResponse deleteDetectorModel(EngineHost.Tx tx, String name) {
        versions(name);
        models.remove(name);
        tx.apply(Store.JSON.createObjectNode().put("op", "dropModel").put("name", name));
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM model_versions WHERE name = ?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
        });
        setTags(tx, ARN_PREFIX + "detectorModel/" + name, null);
        return new ApiResponse(204, null);
    }

    private TreeMap<Integer, ObjectNode> versions(String name) {
        TreeMap<Integer, ObjectNode> versions = models.get(name);
        if (versions == null) {
            throw Errors.notFound("Detector model " + name + " does not exist");
        }
        return versions;
    }

    private void putVersion(EngineHost.Tx tx, String name, int version, ObjectNode request, long creationTime) {
        ObjectNode doc = Store.JSON.createObjectNode();
        doc.set("request", request);
        doc.put("creationTime", creationTime).put("lastUpdateTime", tx.now()).put("status", "ACTIVE");
        models.computeIfAbsent(name, k -> new TreeMap<>()).put(version, doc);
        String text = doc.toString();
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO model_versions VALUES (?, ?, ?)")) {
                p.setString(1, name);
                p.setInt(2, version);
                p.setString(3, text);
                p.executeUpdate();
            }
        });
        ObjectNode record = Store.JSON.createObjectNode().put("op", "model").put("version", Integer.toString(version));
        record.set("request", request);
        tx.apply(record);
    }

    private ObjectNode configurationResponse(String name, int version) {
        ObjectNode out = Store.JSON.createObjectNode();
        out.set("detectorModelConfiguration", configuration(name, version, models.get(name).get(version)));
        return out;
    }

    private ObjectNode configuration(String name, int version, ObjectNode doc) {
        JsonNode request = doc.path("request");
        ObjectNode c = Store.JSON.createObjectNode();
        c.put("detectorModelName", name);
        c.put("detectorModelVersion", Integer.toString(version));
        if (request.has("detectorModelDescription")) {
            c.set("detectorModelDescription", request.get("detectorModelDescription"));
        }
        c.put("detectorModelArn", ARN_PREFIX + "detectorModel/" + name);
        if (request.has("roleArn")) {
            c.set("roleArn", request.get("roleArn"));
        }
        c.put("creationTime", seconds(doc.path("creationTime").asLong()));
        c.put("lastUpdateTime", seconds(doc.path("lastUpdateTime").asLong()));
        // only the latest version runs (§C.9)
        c.put("status", version == models.get(name).lastKey() ? "ACTIVE" : "INACTIVE");
        if (request.has("key")) {
            c.set("key", request.get("key"));
        }
        c.put("evaluationMethod", request.path("evaluationMethod").asText("BATCH"));
        return c;
    }

    // ---- routings and tags ----

    ApiResponse listInputRoutings(JsonNode body, RoutedModels routed) {
        RequestCheck.check(body, "ListInputRoutingsRequest");
        JsonNode identifier = body.path("inputIdentifier").path("iotEventsInputIdentifier");
        if (identifier.isMissingNode()) {
            throw Errors.unsupported("only iotEventsInputIdentifier is emulated (no IoT SiteWise here)");
        }
        String inputName = identifier.path("inputName").asText();
        input(inputName);
        List<String> names = new ArrayList<>();
        models.forEach((name, versions) -> {
            if (routed.reads(name, inputName)) {
                names.add(name);
            }
        });
        Integer maxResults = body.has("maxResults") ? body.get("maxResults").asInt() : null;
        var page = Paging.page(names, n -> n, body.path("nextToken").asText(null), maxResults);
        ObjectNode out = Store.JSON.createObjectNode();
        ArrayNode resources = out.putArray("routedResources");
        page.items().forEach(n -> resources.addObject().put("name", n).put("arn", ARN_PREFIX + "detectorModel/" + n));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return ApiResponse.ok(out);
    }

    /** Whether a model reads an input (§C.1), answered by the engine. */
    @FunctionalInterface
    interface RoutedModels {
        boolean reads(String model, String input);
    }

    ApiResponse listTags(String arn) {
        requireResource(arn);
        ObjectNode out = Store.JSON.createObjectNode();
        ArrayNode list = out.putArray("tags");
        tags.getOrDefault(arn, new TreeMap<>()).forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        return ApiResponse.ok(out);
    }

    ApiResponse tagResource(EngineHost.Tx tx, String arn, JsonNode body) {
        requireResource(arn);
        RequestCheck.check(((ObjectNode) body).deepCopy().put("resourceArn", arn), "TagResourceRequest");
        TreeMap<String, String> merged = new TreeMap<>(tags.getOrDefault(arn, new TreeMap<>()));
        body.path("tags").forEach(t -> merged.put(t.path("key").asText(), t.path("value").asText()));
        if (merged.size() > 50) {
            throw Errors.limitExceeded("a resource has at most 50 tags");
        }
        ArrayNode all = Store.JSON.createArrayNode();
        merged.forEach((k, v) -> all.addObject().put("key", k).put("value", v));
        setTags(tx, arn, all);
        return ApiResponse.ok(Store.JSON.createObjectNode());
    }

    ApiResponse untagResource(EngineHost.Tx tx, String arn, List<String> keys) {
        requireResource(arn);
        TreeMap<String, String> kept = new TreeMap<>(tags.getOrDefault(arn, new TreeMap<>()));
        keys.forEach(kept::remove);
        ArrayNode all = Store.JSON.createArrayNode();
        kept.forEach((k, v) -> all.addObject().put("key", k).put("value", v));
        setTags(tx, arn, all);
        return ApiResponse.ok(Store.JSON.createObjectNode());
    }

    private void requireResource(String arn) {
        if (arn == null) {
            throw Errors.invalidRequest("resourceArn is required");
        }
        boolean exists = arn.startsWith(ARN_PREFIX + "input/") && inputs.containsKey(arn.substring((ARN_PREFIX + "input/").length()))
                || arn.startsWith(ARN_PREFIX + "detectorModel/")
                && models.containsKey(arn.substring((ARN_PREFIX + "detectorModel/").length()));
        if (!exists) {
            throw Errors.notFound("Resource " + arn + " does not exist");
        }
    }

    /** Replaces the tags of a resource with {@code list} ([{key, value}]); null or missing removes them. */
    private void setTags(EngineHost.Tx tx, String arn, JsonNode list) {
        TreeMap<String, String> now = new TreeMap<>();
        if (list != null) {
            list.forEach(t -> now.put(t.path("key").asText(), t.path("value").asText()));
        }
        if (now.isEmpty() && !tags.containsKey(arn)) {
            return;
        }
        if (now.isEmpty()) {
            tags.remove(arn);
        } else {
            tags.put(arn, now);
        }
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM tags WHERE arn = ?")) {
                p.setString(1, arn);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tags VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : now.entrySet()) {
                    p.setString(1, arn);
                    p.setString(2, e.getKey());
                    p.setString(3, e.getValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    private static io.detectorstudio.engine.data.ServiceException alreadyExists(String kind, String name, String arn) {
        return new ResourceAlreadyExists(kind + " " + name + " already exists", name, arn);
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
