package io.detectorstudio.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One external action on its way out: the trace.md action object and, from it, what the target receives (its
 * {@code delivered} member, semantics §A.4 / §C.11).
 *
 * @param action the action object (shared: never modified)
 * @param delivered the {@code delivered} object: the request the target receives
 */
public record Outgoing(String type, String target, ObjectNode action, ObjectNode delivered) {

    public static Outgoing of(ObjectNode action) {
        String type = action.path("type").asText();
        ObjectNode delivered = (ObjectNode) action.get("delivered");
        return new Outgoing(type, target(type, delivered), action, delivered);
    }

    /** The ARN, URL, stream, topic or table the action addresses; for iotSiteWise the alias or asset id. */
    static String target(String type, JsonNode form) {
        return switch (type) {
            case "sns" -> form.path("targetArn").asText();
            case "sqs" -> form.path("queueUrl").asText();
            case "lambda" -> form.path("functionArn").asText();
            case "firehose" -> form.path("deliveryStreamName").asText();
            case "iotTopicPublish" -> form.path("mqttTopic").asText();
            case "iotEvents" -> form.path("inputName").asText();
            case "iotSiteWise" -> form.has("propertyAlias") ? form.path("propertyAlias").asText()
                    : form.path("assetId").asText();
            default -> form.path("tableName").asText();
        };
    }

    /**
     * The text a message-like target receives (SNS message, SQS body, Lambda payload, Firehose record, MQTT
     * payload); for DynamoDB and SiteWise, whose request is structured, the {@code delivered} object as JSON.
     */
    public String body() {
        JsonNode body = switch (type) {
            case "sns" -> delivered.get("message");
            case "sqs" -> delivered.get("messageBody");
            case "firehose" -> delivered.get("data");
            case "lambda", "iotTopicPublish", "iotEvents" -> delivered.get("payload");
            default -> null;
        };
        return body == null ? delivered.toString() : body.asText();
    }
}
