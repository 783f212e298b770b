package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The tags of inputs and detector models ({@link ControlPlane}): ListTagsForResource, TagResource (at most 50 a
 * resource), UntagResource, in memory and in the {@code tags} table; the registries replace a resource's tags on
 * create and drop them on delete. Runs on the engine thread, each change in the caller's {@link EngineHost.Tx}.
 */
final class TagRegistry {

    /** ARN → key → value */
    private final Map<String, TreeMap<String, String>> tags = new TreeMap<>();
    private final Predicate<String> resourceExists;

    /** {@code resourceExists}: whether an ARN names an input or detector model that exists now. */
    TagRegistry(Predicate<String> resourceExists) {
        this.resourceExists = resourceExists;
    }

    void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT arn, tag_key, tag_value FROM tags")) {
            while (r.next()) {
                tags.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getString(3));
            }
        }
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

    /** Replaces the tags of a resource with {@code list} ([{key, value}]); null or missing removes them. */
    void setTags(EngineHost.Tx tx, String arn, JsonNode list) {
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

    private void requireResource(String arn) {
        if (arn == null) {
            throw Errors.invalidRequest("resourceArn is required");
        }
        if (!resourceExists.test(arn)) {
            throw Errors.notFound("Resource " + arn + " does not exist");
        }
    }
}
