package io.detectorstudio.server;

import static io.detectorstudio.server.ControlPlane.ARN_PREFIX;
import static io.detectorstudio.server.ControlPlane.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The detector models of the {@link ControlPlane} with every version: Create/Update/Describe/List/Delete
 * DetectorModel and ListDetectorModelVersions, in memory and in the {@code model_versions} table. Create and
 * Update are refused on {@link ModelAnalysis} errors; each new version goes to the engine as a {@code model}
 * record. Runs on the engine thread, each change in the caller's {@link EngineHost.Tx}.
 */
final class DetectorModelRegistry {

    /** name → version → {request, creationTime, lastUpdateTime, status} */
    private final TreeMap<String, TreeMap<Integer, ObjectNode>> models = new TreeMap<>();
    private final ModelAnalysis analysis;
    private final InputRegistry inputs;
    private final TagRegistry tags;

    DetectorModelRegistry(ModelAnalysis analysis, InputRegistry inputs, TagRegistry tags) {
        this.analysis = analysis;
        this.inputs = inputs;
        this.tags = tags;
    }

    void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name, version, doc FROM model_versions")) {
            while (r.next()) {
                models.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getInt(2), Store.parse(r.getString(3)));
            }
        }
    }

    /** The models' names in name order. */
    Set<String> names() {
        return models.keySet();
    }

    boolean contains(String name) {
        return models.containsKey(name);
    }

    ApiResponse createDetectorModel(EngineHost.Tx tx, JsonNode body) {
        String name = body.path("detectorModelName").asText();
        if (models.containsKey(name)) {
            throw ControlPlane.alreadyExists("Detector model", name, ARN_PREFIX + "detectorModel/" + name);
        }
        ObjectNode request = ((ObjectNode) body).deepCopy();
        request.remove("tags");
        analysis.rejectErrors(request, inputs.requests());
        putVersion(tx, name, 1, request, tx.now());
        tags.setTags(tx, ARN_PREFIX + "detectorModel/" + name, body.path("tags"));
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
        analysis.rejectErrors(request, inputs.requests());
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
        page.putNextToken(out);
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
        page.putNextToken(out);
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
        tags.setTags(tx, ARN_PREFIX + "detectorModel/" + name, null);
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
}
