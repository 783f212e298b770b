package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns CloudFormation YAML short-form tags ({@code !Ref x}, {@code !Sub ...}) into their long JSON form. */
final class CloudFormationTags {

    private CloudFormationTags() {
    }

    static JsonNode expand(String tag, JsonNode value, JsonNodeFactory nodes) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        if (name.startsWith("tag:yaml.org")) {
            return value;
        }
        ObjectNode expanded = nodes.objectNode();
        if (name.equals("Ref") || name.equals("Condition")) {
            expanded.set(name, value);
        } else if (name.equals("GetAtt") && value.isTextual()) {
            ArrayNode parts = nodes.arrayNode();
            String text = value.asText();
            int dot = text.indexOf('.');
            parts.add(dot < 0 ? text : text.substring(0, dot));
            if (dot >= 0) {
                parts.add(text.substring(dot + 1));
            }
            expanded.set("Fn::GetAtt", parts);
        } else {
            expanded.set("Fn::" + name, value);
        }
        return expanded;
    }
}
