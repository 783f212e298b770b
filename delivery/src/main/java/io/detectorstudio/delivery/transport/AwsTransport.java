package io.detectorstudio.delivery.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.delivery.Outgoing;
import io.detectorstudio.delivery.bindings.Bindings.Aws;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.iotsitewise.model.AssetPropertyValue;
import software.amazon.awssdk.services.iotsitewise.model.BatchPutAssetPropertyValueResponse;
import software.amazon.awssdk.services.iotsitewise.model.PutAssetPropertyValueEntry;
import software.amazon.awssdk.services.iotsitewise.model.TimeInNanos;
import software.amazon.awssdk.services.iotsitewise.model.Variant;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Calls the AWS service of the action type with the request the {@code delivered} form describes (semantics §A.4):
 * SNS Publish, SQS SendMessage, Lambda Invoke (Event: asynchronous, as IoT Events did), Firehose PutRecord,
 * DynamoDB PutItem/UpdateItem/DeleteItem, SiteWise BatchPutAssetPropertyValue with one entry.
 */
public final class AwsTransport implements Transport {

    private final AwsClients clients;
    private final Aws settings;

    public AwsTransport(AwsClients clients, Aws settings) {
        this.clients = clients;
        this.settings = settings;
    }

    @Override
    public void send(Outgoing outgoing, Duration timeout) throws Exception {
        ObjectNode d = outgoing.delivered();
        String target = outgoing.target();
        switch (outgoing.type()) {
            case "sns" -> clients.sns(settings, target).publish(r -> r.topicArn(target).message(outgoing.body()));
            case "sqs" -> clients.sqs(settings, target).sendMessage(r -> r.queueUrl(target).messageBody(outgoing.body()));
            case "lambda" -> {
                InvokeResponse response = clients.lambda(settings, target).invoke(r -> r.functionName(target)
                        .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(outgoing.body())));
                if (response.functionError() != null) {
                    throw new IOException("Lambda function error: " + response.functionError());
                }
            }
            case "firehose" -> clients.firehose(settings, target).putRecord(r -> r.deliveryStreamName(target)
                    .record(rec -> rec.data(SdkBytes.fromUtf8String(outgoing.body()))));
            case "dynamoDB" -> dynamoDb(d, target);
            case "dynamoDBv2" -> clients.dynamoDb(settings, target).putItem(r -> r.tableName(target)
                    .item(AttributeValues.map(d.path("item"))));
            case "iotSiteWise" -> siteWise(d, target);
            default -> throw new IllegalArgumentException(outgoing.type() + " actions are not delivered to AWS");
        }
    }

    private void dynamoDb(ObjectNode d, String table) {
        var client = clients.dynamoDb(settings, table);
        Map<String, AttributeValue> key = AttributeValues.map(d.path("key"));
        switch (d.path("operation").asText("INSERT")) {
            case "DELETE" -> client.deleteItem(r -> r.tableName(table).key(key));
            case "UPDATE" -> {
                // UpdateItem writes the payload column of the item with this key (creating it if absent)
                Map<String, AttributeValue> item = AttributeValues.map(d.path("item"));
                Map<String, AttributeValueUpdate> updates = new java.util.LinkedHashMap<>();
                item.forEach((column, value) -> {
                    if (!key.containsKey(column)) {
                        updates.put(column, AttributeValueUpdate.builder().value(value).action("PUT").build());
                    }
                });
                client.updateItem(r -> r.tableName(table).key(key).attributeUpdates(updates));
            }
            default -> client.putItem(r -> r.tableName(table).item(AttributeValues.map(d.path("item"))));
        }
    }

    private void siteWise(ObjectNode d, String target) throws IOException {
        PutAssetPropertyValueEntry.Builder entry = PutAssetPropertyValueEntry.builder().entryId(d.path("entryId").asText());
        if (d.has("propertyAlias")) {
            entry.propertyAlias(d.get("propertyAlias").asText());
        }
        if (d.has("assetId")) {
            entry.assetId(d.get("assetId").asText()).propertyId(d.path("propertyId").asText());
        }
        java.util.List<AssetPropertyValue> values = new java.util.ArrayList<>();
        for (JsonNode v : d.path("propertyValues")) {
            JsonNode value = v.path("value");
            Variant.Builder variant = Variant.builder();
            if (value.has("stringValue")) {
                variant.stringValue(value.get("stringValue").asText());
            } else if (value.has("integerValue")) {
                variant.integerValue(value.get("integerValue").asInt());
            } else if (value.has("doubleValue")) {
                variant.doubleValue(value.get("doubleValue").asDouble());
            } else if (value.has("booleanValue")) {
                variant.booleanValue(value.get("booleanValue").asBoolean());
            }
            JsonNode ts = v.path("timestamp");
            AssetPropertyValue.Builder apv = AssetPropertyValue.builder().value(variant.build())
                    .timestamp(TimeInNanos.builder().timeInSeconds(ts.path("timeInSeconds").asLong())
                            .offsetInNanos(ts.path("offsetInNanos").asInt(0)).build());
            if (v.has("quality")) {
                apv.quality(v.get("quality").asText());
            }
            values.add(apv.build());
        }
        entry.propertyValues(values);
        BatchPutAssetPropertyValueResponse response = clients.siteWise(settings, target)
                .batchPutAssetPropertyValue(r -> r.entries(entry.build()));
        if (!response.errorEntries().isEmpty()) {
            throw new IOException("SiteWise refused the entry: " + response.errorEntries().get(0).errors());
        }
    }
}
