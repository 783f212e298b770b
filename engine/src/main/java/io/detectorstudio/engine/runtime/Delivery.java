package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * What the target of an external action receives, exactly as the service would send it (semantics §A.4, §C.11):
 * the payload after the target's own transformation. It is the {@code delivered} member of the trace.md action
 * object; a delivery bridge sends {@link #toJson()} as described here and nothing else.
 *
 * <table>
 * <caption>The {@code delivered} object per action type</caption>
 * <tr><th>type</th><th>members</th></tr>
 * <tr><td>sns</td><td>{@code targetArn}, {@code message}: the payload text</td></tr>
 * <tr><td>sqs</td><td>{@code queueUrl}, {@code messageBody}: the payload text, base64 (RFC 4648, padded) of its
 *     UTF-8 bytes when {@code useBase64} is true</td></tr>
 * <tr><td>lambda</td><td>{@code functionArn}, {@code invocationType} {@code Event} (asynchronous), {@code payload}:
 *     the payload text</td></tr>
 * <tr><td>firehose</td><td>{@code deliveryStreamName}, {@code data}: the payload text followed by the
 *     {@code separator} when one is given</td></tr>
 * <tr><td>iotTopicPublish</td><td>{@code mqttTopic} (evaluated), {@code payload}: the payload text</td></tr>
 * <tr><td>iotEvents</td><td>{@code inputName}, {@code payload}: the payload text (the message body)</td></tr>
 * <tr><td>dynamoDB</td><td>{@code tableName}, {@code operation} ({@code INSERT} by default: PutItem; {@code UPDATE}:
 *     UpdateItem; {@code DELETE}: DeleteItem), {@code hashKeyField}, {@code hashKeyType} ({@code STRING} by
 *     default), {@code hashKeyValue}, the same three for the range key when it is given, {@code payloadField} (the
 *     column written: {@code payload} by default, {@code <payloadField>_raw} for a STRING payload), {@code key} and
 *     {@code item} in DynamoDB's AttributeValue JSON ({@code {"S": …}}, {@code {"N": "…"}}; a JSON payload as a
 *     map {@code M}, a STRING payload as binary {@code B}, base64); no {@code item} for DELETE</td></tr>
 * <tr><td>dynamoDBv2</td><td>{@code tableName}, {@code item}: each top-level member of the JSON payload a column,
 *     in AttributeValue JSON</td></tr>
 * <tr><td>iotSiteWise</td><td>one BatchPutAssetPropertyValue entry: {@code entryId} (a generated id when not
 *     given), {@code propertyAlias} or {@code assetId} + {@code propertyId}, {@code propertyValues}: one
 *     {@code {value: {integerValue|doubleValue|booleanValue|stringValue}, timestamp: {timeInSeconds,
 *     offsetInNanos}, quality?}} with typed values and the event time when no timestamp is given</td></tr>
 * </table>
 *
 * @param type the action type
 * @param form the {@code delivered} object (shared: do not modify)
 */
public record Delivery(String type, ObjectNode form) {

    /** The ARN, URL, stream, topic, input or table the action addresses; for iotSiteWise the alias or asset id. */
    public String target() {
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
     * The bytes a message-like target receives (sns message, sqs body, lambda payload, firehose record, MQTT and
     * iotEvents payload) as text; null for dynamoDB, dynamoDBv2 and iotSiteWise, whose form is structured.
     */
    public String body() {
        JsonNode body = switch (type) {
            case "sns" -> form.get("message");
            case "sqs" -> form.get("messageBody");
            case "firehose" -> form.get("data");
            case "lambda", "iotTopicPublish", "iotEvents" -> form.get("payload");
            default -> null;
        };
        return body == null ? null : body.asText();
    }

    /** {@link #body()} as UTF-8 bytes, or null. */
    public byte[] bodyBytes() {
        String body = body();
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code delivered} object of the trace.md action object. */
    public ObjectNode toJson() {
        return form;
    }
}
