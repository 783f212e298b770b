package io.detectorstudio.engine.io;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.CFN_PARAMETER_DEFAULT;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.CFN_SUBSTITUTED;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.CFN_UNRESOLVED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.diagnostics.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the {@code AWS::IoTEvents::DetectorModel} and {@code AWS::IoTEvents::Input} resources of a template to
 * request shape: PascalCase properties become camelCase, and intrinsic functions are resolved where the template
 * itself determines the value. What cannot be resolved is kept as {@code ${Name}} text and reported with its
 * location, so the user sees exactly which value needs attention.
 */
final class CloudFormationImport {

    /** Values CloudFormation supplies at deploy time; we use the documentation's placeholders. */
    static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", "us-east-1", "AWS::AccountId", "123456789012", "AWS::Partition", "aws",
            "AWS::StackName", "stack", "AWS::URLSuffix", "amazonaws.com");

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final ObjectNode template;
    private final ObjectNode resources;
    private final List<Diagnostic> problems;
    private final List<LoadedModel> models = new ArrayList<>();
    private final List<LoadedInput> inputs = new ArrayList<>();
    private final Set<String> resolving = new HashSet<>();
    /** values given for template parameters and pseudo-parameters ({@code --parameter NAME=VALUE}) */
    private final Map<String, String> given;
    /** parameters whose default was used and said so (once each) */
    private final Set<String> defaulted = new HashSet<>();

    CloudFormationImport(ObjectNode template, List<Diagnostic> problems, Map<String, String> given) {
        this.template = template;
        this.given = given;
        this.resources = template.path("Resources").isObject() ? (ObjectNode) template.get("Resources")
                : NODES.objectNode();
        this.problems = problems;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            String base = "$.Resources." + resource.getKey() + ".Properties";
            JsonNode properties = resource.getValue().path("Properties");
            if (type.equals("AWS::IoTEvents::DetectorModel")) {
                ObjectNode request = (ObjectNode) convert(properties, base, true);
                if (!request.has("detectorModelName")) {
                    request.put("detectorModelName", resource.getKey());
                }
                models.add(new LoadedModel(request.path("detectorModelName").asText(), request,
                        p -> base + pascal(p.substring(1))));
            } else if (type.equals("AWS::IoTEvents::Input")) {
                ObjectNode request = (ObjectNode) convert(properties, base, true);
                if (!request.has("inputName")) {
                    request.put("inputName", resource.getKey());
                }
                inputs.add(new LoadedInput(request.path("inputName").asText(), request));
            }
        }
    }

    List<LoadedModel> models() {
        return models;
    }

    List<LoadedInput> inputs() {
        return inputs;
    }

    /** PascalCase path segments ({@code .detectorModelDefinition.states[0]} → {@code .DetectorModelDefinition.States[0]}). */
    static String pascal(String path) {
        StringBuilder out = new StringBuilder();
        boolean segmentStart = false;
        for (char c : path.toCharArray()) {
            out.append(segmentStart ? Character.toUpperCase(c) : c);
            segmentStart = c == '.';
        }
        return out.toString();
    }

    private JsonNode convert(JsonNode node, String path, boolean renameKeys) {
        if (node.isObject()) {
            if (node.size() == 1) {
                String only = node.fieldNames().next();
                if (only.equals("Ref") || only.startsWith("Fn::")) {
                    return NODES.textNode(intrinsic(only, node.get(only), path));
                }
            }
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = renameKeys && !e.getKey().isEmpty()
                        ? Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1) : e.getKey();
                out.set(key, convert(e.getValue(), path + "." + e.getKey(), renameKeys));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            int i = 0;
            for (JsonNode item : node) {
                out.add(convert(item, path + "[" + i++ + "]", renameKeys));
            }
            return out;
        }
        return node;
    }

    private String intrinsic(String function, JsonNode argument, String path) {
        switch (function) {
            case "Ref":
                return ref(argument.asText(), path);
            case "Fn::GetAtt": {
                String resource = argument.isArray() ? argument.path(0).asText() : argument.asText().split("\\.")[0];
                String attribute = argument.isArray() ? argument.path(1).asText()
                        : argument.asText().contains(".") ? argument.asText().substring(argument.asText().indexOf('.') + 1) : "";
                return getAtt(resource, attribute, path);
            }
            case "Fn::Join": {
                String separator = argument.path(0).asText();
                List<String> parts = new ArrayList<>();
                int i = 0;
                for (JsonNode part : argument.path(1)) {
                    parts.add(text(part, path + "['Fn::Join'][1][" + i++ + "]"));
                }
                return String.join(separator, parts);
            }
            case "Fn::Sub": {
                String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
                JsonNode variables = argument.isArray() ? argument.path(1) : NODES.objectNode();
                Matcher m = SUB_VARIABLE.matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String name = m.group(1);
                    String value = variables.has(name) ? text(variables.get(name), path)
                            : name.contains(".") ? getAtt(name.substring(0, name.indexOf('.')),
                                    name.substring(name.indexOf('.') + 1), path)
                            : ref(name, path);
                    m.appendReplacement(out, Matcher.quoteReplacement(value));
                }
                m.appendTail(out);
                // ${!Literal} is CloudFormation's escape for a literal ${Literal}: IoT Events templates need it
                return out.toString().replace("${!", "${");
            }
            default:
                unresolved(path, function + " cannot be evaluated without deploying the stack");
                return "${" + function + "}";
        }
    }

    private String text(JsonNode node, String path) {
        JsonNode converted = convert(node, path, false);
        return converted.asText();
    }

    private String ref(String name, String path) {
        if (given.containsKey(name)) {
            return given.get(name);
        }
        if (PSEUDO_PARAMETERS.containsKey(name)) {
            return defaulted(name, PSEUDO_PARAMETERS.get(name), "the documentation's placeholder", path);
        }
        JsonNode parameter = template.path("Parameters").path(name);
        if (!parameter.isMissingNode()) {
            if (parameter.has("Default")) {
                return defaulted(name, parameter.get("Default").asText(), "the template's Default", path);
            }
            unresolved(path, "parameter '" + name + "' has no Default and no value was given (--parameter " + name
                    + "=VALUE)");
            return "${" + name + "}";
        }
        JsonNode resource = resources.path(name);
        String type = resource.path("Type").asText();
        JsonNode props = resource.path("Properties");
        switch (type) {
            case "AWS::IoTEvents::Input":
                return name(props, "InputName", name, path);
            case "AWS::IoTEvents::DetectorModel":
                return name(props, "DetectorModelName", name, path);
            case "AWS::SNS::Topic":
                return arn("sns", "", name(props, "TopicName", name, path), path);
            case "AWS::SQS::Queue":
                return "https://sqs." + ref("AWS::Region", path) + ".amazonaws.com/" + ref("AWS::AccountId", path) + "/"
                        + name(props, "QueueName", name, path);
            case "AWS::IAM::Role":
                return name(props, "RoleName", name, path);
            case "AWS::Lambda::Function":
                return name(props, "FunctionName", name, path);
            case "AWS::DynamoDB::Table":
                return name(props, "TableName", name, path);
            case "AWS::KinesisFirehose::DeliveryStream":
                return name(props, "DeliveryStreamName", name, path);
            case "":
                // Documentation snippets refer to resources they never define: use the logical id, as the AWS
                // examples do, and say so.
                substituted(path, "Ref to '" + name + "', which the template does not define", name);
                return name;
            default:
                unresolved(path, "Ref to '" + name + "' (" + type + ") cannot be resolved without deploying");
                return "${" + name + "}";
        }
    }

    private String getAtt(String resource, String attribute, String path) {
        JsonNode r = resources.path(resource);
        String type = r.path("Type").asText();
        JsonNode props = r.path("Properties");
        if (attribute.equals("Arn")) {
            switch (type) {
                case "AWS::IAM::Role":
                    return "arn:aws:iam::" + ref("AWS::AccountId", path) + ":role/" + name(props, "RoleName", resource, path);
                case "AWS::Lambda::Function":
                    return arn("lambda", "function:", name(props, "FunctionName", resource, path), path);
                case "AWS::SNS::Topic":
                    return arn("sns", "", name(props, "TopicName", resource, path), path);
                case "AWS::SQS::Queue":
                    return arn("sqs", "", name(props, "QueueName", resource, path), path);
                default:
                    break;
            }
        }
        if (type.isEmpty() && attribute.equals("Arn")) {
            String guess = path.endsWith("RoleArn") ? "arn:aws:iam::" + ref("AWS::AccountId", path) + ":role/" + resource
                    : path.endsWith("FunctionArn") ? arn("lambda", "function:", resource, path)
                    : path.endsWith("TargetArn") ? arn("sns", "", resource, path) : null;
            if (guess != null) {
                substituted(path, "Fn::GetAtt " + resource + ".Arn: the template defines no resource '" + resource
                        + "'", guess);
                return guess;
            }
        }
        unresolved(path, "Fn::GetAtt " + resource + "." + attribute
                + (type.isEmpty() ? ": the template defines no resource '" + resource + "'" : " cannot be resolved without deploying"));
        return "${" + resource + "." + attribute + "}";
    }

    /**
     * A resource's name property, itself resolved ({@code InputName: !Sub '${AWS::StackName}Input'} is common);
     * the logical id when the property is absent or refers back to a resource being resolved (a cycle).
     */
    private String name(JsonNode props, String property, String logicalId, String path) {
        JsonNode value = props.get(property);
        if (value == null || !resolving.add(logicalId)) {
            return logicalId;
        }
        try {
            return text(value, path);
        } finally {
            resolving.remove(logicalId);
        }
    }

    private String arn(String service, String prefix, String name, String path) {
        return "arn:" + ref("AWS::Partition", path) + ":" + service + ":" + ref("AWS::Region", path) + ":"
                + ref("AWS::AccountId", path) + ":" + prefix + name;
    }

    /** A value CloudFormation would take from the stack, not given: the default, said once, never silently. */
    private String defaulted(String name, String value, String what, String path) {
        if (defaulted.add(name)) {
            problems.add(Diagnostic.at(Severity.WARNING, CFN_PARAMETER_DEFAULT.code(), path,
                    CFN_PARAMETER_DEFAULT.message(name, what, value)));
        }
        return value;
    }

    private void substituted(String path, String why, String value) {
        problems.add(Diagnostic.at(Severity.WARNING, CFN_SUBSTITUTED.code(), path,
                CFN_SUBSTITUTED.message(why, value)));
    }

    private void unresolved(String path, String why) {
        problems.add(Diagnostic.at(Severity.WARNING, CFN_UNRESOLVED.code(), path,
                CFN_UNRESOLVED.message(why)));
    }
}
