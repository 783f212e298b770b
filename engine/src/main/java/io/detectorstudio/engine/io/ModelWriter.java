package io.detectorstudio.engine.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes models as a CreateDetectorModel request or as a deployable CloudFormation template (JSON or YAML). */
public final class ModelWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The request exactly as held: a model read from request shape comes back with the same tree and key order. */
    public String requestJson(LoadedModel model) {
        return json(model.request());
    }

    /** An input definition as a CreateInput request file (what an {@code inputs/} folder holds). */
    public String inputJson(LoadedInput input) {
        return json(input.request());
    }

    public String cloudFormationJson(LoadedModel model, List<LoadedInput> inputs) {
        return json(template(model, inputs));
    }

    public String cloudFormationYaml(LoadedModel model, List<LoadedInput> inputs) {
        try {
            return YAML.writeValueAsString(template(model, inputs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /**
     * What a deployer must hear about a template before using it: CloudFormation's AWS::IoTEvents::DetectorModel
     * requires {@code RoleArn}, which a request or an analysis model may leave out (validation only warns).
     */
    public List<String> cloudFormationWarnings(LoadedModel model) {
        String role = model.model().roleArn();
        if (role == null || role.isBlank()) {
            return List.of("the model has no roleArn: CloudFormation's AWS::IoTEvents::DetectorModel requires "
                    + "RoleArn, so the stack would fail to create; set the model's role ARN before deploying");
        }
        return List.of();
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** One DetectorModel resource plus one Input resource per input; logical ids from the names. */
    ObjectNode template(LoadedModel model, List<LoadedInput> inputs) {
        ObjectNode template = NODES.objectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "Detector model " + model.name() + " (exported by Detector Studio)");
        ObjectNode resources = template.putObject("Resources");
        for (LoadedInput input : inputs) {
            ObjectNode resource = resources.putObject(logicalId(input.name()) + "Input");
            resource.put("Type", "AWS::IoTEvents::Input");
            resource.set("Properties", pascal(input.request()));
        }
        ObjectNode resource = resources.putObject(logicalId(model.name()) + "DetectorModel");
        resource.put("Type", "AWS::IoTEvents::DetectorModel");
        if (!inputs.isEmpty()) {
            ArrayNode dependsOn = resource.putArray("DependsOn");
            inputs.forEach(i -> dependsOn.add(logicalId(i.name()) + "Input"));
        }
        resource.set("Properties", pascal(model.request()));
        return template;
    }

    private static String logicalId(String name) {
        String id = name.replaceAll("[^A-Za-z0-9]", "");
        return id.isEmpty() ? "Model" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** camelCase API keys to CloudFormation's PascalCase; values (expressions, ARNs) are untouched. */
    static JsonNode pascal(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey().isEmpty() ? e.getKey()
                        : Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1);
                out.set(key, pascal(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(pascal(item)));
            return out;
        }
        return node;
    }
}
