package io.detectorstudio.engine.runtime.shard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Which models have an iotEvents action (§C.10: one detector's action is another's message), which makes a
 * {@link ShardedEngine} run its shards on the coordinator so that forwarded messages are routed between cycles.
 */
final class ForwardingModels {

    private final Set<String> forwarding = new HashSet<>();

    /** Whether a model has an iotEvents action anywhere, whose messages other detectors may receive. */
    static boolean forwards(JsonNode request) {
        return hasField(request.path("detectorModelDefinition"), "iotEvents");
    }

    private static boolean hasField(JsonNode node, String field) {
        if (node.isObject() && node.has(field)) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && hasField(child, field)) {
                return true;
            }
        }
        return false;
    }

    /** The model (created or updated) as its request defines it now. */
    void put(String model, JsonNode request) {
        if (forwards(request)) {
            forwarding.add(model);
        } else {
            forwarding.remove(model);
        }
    }

    void remove(String model) {
        forwarding.remove(model);
    }

    boolean any() {
        return !forwarding.isEmpty();
    }
}
