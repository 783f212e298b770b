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
import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs of the {@link ControlPlane}: Create/Describe/List/Update/DeleteInput, in memory and in the
 * {@code inputs} table. Runs on the engine thread, each change in the caller's {@link EngineHost.Tx}.
 */
final class InputRegistry {

    /** name → {request, creationTime, lastUpdateTime} */
    private final TreeMap<String, ObjectNode> inputs = new TreeMap<>();
    private final TagRegistry tags;

    InputRegistry(TagRegistry tags) {
        this.tags = tags;
    }

    void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name, doc FROM inputs")) {
            while (r.next()) {
                inputs.put(r.getString(1), Store.parse(r.getString(2)));
            }
        }
    }

    Iterable<String> names() {
        return List.copyOf(inputs.keySet());
    }

    boolean contains(String name) {
        return inputs.containsKey(name);
    }

    /** name → the request each input was created or last updated with. */
    Map<String, ObjectNode> requests() {
        Map<String, ObjectNode> out = new TreeMap<>();
        inputs.forEach((name, doc) -> out.put(name, (ObjectNode) doc.get("request")));
        return out;
    }

    ApiResponse createInput(EngineHost.Tx tx, JsonNode body) {
        RequestCheck.check(body, "CreateInputRequest");
        String name = body.path("inputName").asText();
        if (inputs.containsKey(name)) {
            throw ControlPlane.alreadyExists("Input", name, ARN_PREFIX + "input/" + name);
        }
        ObjectNode request = ((ObjectNode) body).deepCopy();
        request.remove("tags");
        ObjectNode doc = Store.JSON.createObjectNode();
        doc.set("request", request);
        doc.put("creationTime", tx.now()).put("lastUpdateTime", tx.now());
        putInput(tx, name, doc);
        tags.setTags(tx, ARN_PREFIX + "input/" + name, body.path("tags"));
        tx.apply(Store.JSON.createObjectNode().put("op", "input").put("name", name));
        ObjectNode out = Store.JSON.createObjectNode();
        out.set("inputConfiguration", inputConfiguration(name, doc));
        return new ApiResponse(201, out);
    }

    ApiResponse describeInput(String name) {
        ObjectNode doc = require(name);
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
        page.putNextToken(out);
        return ApiResponse.ok(out);
    }

    ApiResponse updateInput(EngineHost.Tx tx, String name, JsonNode body) {
        ObjectNode request = ((ObjectNode) body).deepCopy().put("inputName", name);
        RequestCheck.check(request, "UpdateInputRequest");
        ObjectNode doc = require(name).deepCopy();
        doc.set("request", request);
        doc.put("lastUpdateTime", tx.now());
        putInput(tx, name, doc);
        ObjectNode out = Store.JSON.createObjectNode();
        out.set("inputConfiguration", inputConfiguration(name, doc));
        return ApiResponse.ok(out);
    }

    ApiResponse deleteInput(EngineHost.Tx tx, String name) {
        require(name);
        inputs.remove(name);
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM inputs WHERE name = ?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
        });
        tags.setTags(tx, ARN_PREFIX + "input/" + name, null);
        return ApiResponse.ok(Store.JSON.createObjectNode());
    }

    /** The input's stored document; 404 when there is none. */
    ObjectNode require(String name) {
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
}
