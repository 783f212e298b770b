package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4 (what the target receives: the {@code delivered} form of every external action) and item 3
 * (iotSiteWise: every member evaluated, entryId and timestamp defaults, no default payload).
 */
class DeliveredFormTest {

    /** A one-state model whose single event runs {@code actionJson} on every message of input I. */
    private static EngineHarness model(String actionJson) throws Exception {
        String model = "{\"detectorModelName\":\"m\",\"key\":\"id\",\"detectorModelDefinition\":{\"initialStateName\":\"S\","
                + "\"states\":[{\"stateName\":\"S\",\"onInput\":{\"events\":[{\"eventName\":\"e\","
                + "\"condition\":\"$input.I.t > 0\",\"actions\":[" + actionJson + "]}]}}]}}";
        return new EngineHarness().model((ObjectNode) EngineHarness.JSON.readTree(model));
    }

    private static ObjectNode run(String actionJson, String message) throws Exception {
        EngineHarness h = model(actionJson);
        h.clock.set(1_700_000_000_123L);
        h.send("I", message);
        assertThat(h.actions).hasSize(1);
        return h.actions.get(0);
    }

    private static final String MESSAGE = "{\"id\":\"d1\",\"t\":21.5,\"n\":7}";

    @Test
    void item4SqsWithUseBase64SendsTheBodyBase64Encoded() throws Exception {
        ObjectNode a = run("{\"sqs\":{\"queueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/q\","
                + "\"useBase64\":true,\"payload\":{\"contentExpression\":\"'{\\\"t\\\":${$input.I.t}}'\","
                + "\"type\":\"JSON\"}}}", MESSAGE);
        JsonNode d = a.path("delivered");
        assertThat(d.path("queueUrl").asText()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/q");
        assertThat(new String(Base64.getDecoder().decode(d.path("messageBody").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"t\":21.5}");
        assertThat(a.path("payload").path("t").decimalValue()).isEqualByComparingTo("21.5");
    }

    @Test
    void item4SqsWithoutUseBase64SendsThePayloadText() throws Exception {
        ObjectNode a = run("{\"sqs\":{\"queueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/q\"}}", MESSAGE);
        JsonNode body = EngineHarness.JSON.readTree(a.path("delivered").path("messageBody").asText());
        assertThat(body).isEqualTo(a.path("payload")); // the default payload, as JSON text
    }

    @Test
    void item4FirehoseRecordsEndWithTheSeparator() throws Exception {
        ObjectNode a = run("{\"firehose\":{\"deliveryStreamName\":\"s\",\"separator\":\"\\r\\n\",\"payload\":"
                + "{\"contentExpression\":\"'t=${$input.I.t}'\",\"type\":\"STRING\"}}}", MESSAGE);
        assertThat(a.path("delivered").path("data").asText()).isEqualTo("t=21.5\r\n");
        ObjectNode noSeparator = run("{\"firehose\":{\"deliveryStreamName\":\"s\",\"payload\":"
                + "{\"contentExpression\":\"'t'\",\"type\":\"STRING\"}}}", MESSAGE);
        assertThat(noSeparator.path("delivered").path("data").asText()).isEqualTo("t");
    }

    @Test
    void item4DynamoDbResolvesPayloadFieldOperationAndKeyTypes() throws Exception {
        ObjectNode a = run("{\"dynamoDB\":{\"tableName\":\"'T'\",\"hashKeyField\":\"'id'\","
                + "\"hashKeyValue\":\"$input.I.id\",\"rangeKeyField\":\"'n'\",\"rangeKeyType\":\"'NUMBER'\","
                + "\"rangeKeyValue\":\"'${$input.I.n}'\",\"payload\":{\"contentExpression\":\"'{\\\"t\\\":${$input.I.t}}'\","
                + "\"type\":\"JSON\"}}}", MESSAGE);
        JsonNode d = a.path("delivered");
        assertThat(d.path("tableName").asText()).isEqualTo("T");
        assertThat(d.path("operation").asText()).isEqualTo("INSERT");
        assertThat(d.path("hashKeyType").asText()).isEqualTo("STRING");
        assertThat(d.path("payloadField").asText()).isEqualTo("payload");
        assertThat(d.path("key").toString()).isEqualTo("{\"id\":{\"S\":\"d1\"},\"n\":{\"N\":\"7\"}}");
        assertThat(d.path("item").toString())
                .isEqualTo("{\"id\":{\"S\":\"d1\"},\"n\":{\"N\":\"7\"},\"payload\":{\"M\":{\"t\":{\"N\":\"21.5\"}}}}");
    }

    @Test
    void item4DynamoDbStringPayloadIsWrittenAsBinaryToTheRawColumn() throws Exception {
        ObjectNode a = run("{\"dynamoDB\":{\"tableName\":\"'T'\",\"hashKeyField\":\"'id'\",\"hashKeyValue\":\"'k'\","
                + "\"operation\":\"'UPDATE'\",\"payloadField\":\"'data'\","
                + "\"payload\":{\"contentExpression\":\"'hello'\",\"type\":\"STRING\"}}}", MESSAGE);
        JsonNode d = a.path("delivered");
        assertThat(d.path("operation").asText()).isEqualTo("UPDATE");
        assertThat(d.path("payloadField").asText()).isEqualTo("data_raw");
        assertThat(d.path("item").path("data_raw").path("B").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void item4DynamoDbDeleteHasOnlyTheKeyAndANumberKeyMustBeANumber() throws Exception {
        ObjectNode delete = run("{\"dynamoDB\":{\"tableName\":\"'T'\",\"hashKeyField\":\"'id'\",\"hashKeyValue\":\"'k'\","
                + "\"operation\":\"'DELETE'\"}}", MESSAGE);
        assertThat(delete.path("delivered").has("item")).isFalse();
        assertThat(delete.path("delivered").path("key").toString()).isEqualTo("{\"id\":{\"S\":\"k\"}}");
        ObjectNode bad = run("{\"dynamoDB\":{\"tableName\":\"'T'\",\"hashKeyField\":\"'id'\",\"hashKeyValue\":\"'k'\","
                + "\"hashKeyType\":\"'NUMBER'\"}}", MESSAGE);
        assertThat(bad.path("error").asText()).contains("hashKeyValue must be a number");
        assertThat(bad.has("delivered")).isFalse();
        ObjectNode badOperation = run("{\"dynamoDB\":{\"tableName\":\"'T'\",\"hashKeyField\":\"'id'\","
                + "\"hashKeyValue\":\"'k'\",\"operation\":\"'UPSERT'\"}}", MESSAGE);
        assertThat(badOperation.path("error").asText()).contains("operation must be one of DELETE, INSERT, UPDATE");
    }

    @Test
    void item4DynamoDbV2WritesEachTopLevelAttributeAsAColumn() throws Exception {
        ObjectNode a = run("{\"dynamoDBv2\":{\"tableName\":\"'T'\",\"payload\":{\"contentExpression\":"
                + "\"'{\\\"sensorID\\\": \\\"${$input.I.id}\\\", \\\"t\\\": ${$input.I.t}, \\\"ok\\\": true}'\","
                + "\"type\":\"JSON\"}}}", MESSAGE);
        assertThat(a.path("delivered").path("item").toString())
                .isEqualTo("{\"sensorID\":{\"S\":\"d1\"},\"t\":{\"N\":\"21.5\"},\"ok\":{\"BOOL\":true}}");
        ObjectNode text = run("{\"dynamoDBv2\":{\"tableName\":\"'T'\",\"payload\":{\"contentExpression\":\"'x'\","
                + "\"type\":\"STRING\"}}}", MESSAGE);
        assertThat(text.path("error").asText()).contains("not a JSON object");
    }

    @Test
    void item4MessageTargetsReceiveThePayloadText() throws Exception {
        for (String action : List.of("{\"sns\":{\"targetArn\":\"arn:aws:sns:us-east-1:123456789012:t\"}}",
                "{\"lambda\":{\"functionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\"}}",
                "{\"iotTopicPublish\":{\"mqttTopic\":\"a/${$input.I.id}\"}}",
                "{\"iotEvents\":{\"inputName\":\"Other\"}}")) {
            ObjectNode a = run(action, MESSAGE);
            JsonNode d = a.path("delivered");
            String body = d.has("message") ? d.path("message").asText() : d.path("payload").asText();
            assertThat(EngineHarness.JSON.readTree(body)).as(action).isEqualTo(a.path("payload"));
        }
        assertThat(run("{\"iotTopicPublish\":{\"mqttTopic\":\"a/${$input.I.id}\"}}", MESSAGE)
                .path("delivered").path("mqttTopic").asText()).isEqualTo("a/d1");
    }

    @Test
    void item4PerformedActionExposesTheDeliveryToABridge() throws Exception {
        EngineHarness h = model("{\"sqs\":{\"queueUrl\":\"https://sqs.us-east-1.amazonaws.com/1/q\",\"useBase64\":true,"
                + "\"payload\":{\"contentExpression\":\"'hi'\",\"type\":\"STRING\"}}}");
        List<PerformedAction> performed = new java.util.ArrayList<>();
        h.engine.setActionSink(new ActionSink() {
            @Override
            public void accept(ObjectNode action) {
            }

            @Override
            public void performed(PerformedAction action) {
                performed.add(action);
            }
        });
        h.send("I", MESSAGE);
        Delivery d = performed.get(0).delivery();
        assertThat(d.type()).isEqualTo("sqs");
        assertThat(d.target()).isEqualTo("https://sqs.us-east-1.amazonaws.com/1/q");
        assertThat(d.body()).isEqualTo("aGk=");
        assertThat(d.bodyBytes()).isEqualTo("aGk=".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void item3SiteWiseEvaluatesEveryMemberAndSendsNoPayload() throws Exception {
        ObjectNode a = run("{\"iotSiteWise\":{\"entryId\":\"'e-${$input.I.id}'\",\"propertyAlias\":\"'/f/${$input.I.id}/t'\","
                + "\"propertyValue\":{\"value\":{\"doubleValue\":\"$input.I.t * 2\"},\"quality\":\"'GOOD'\","
                + "\"timestamp\":{\"timeInSeconds\":\"'1586400675'\",\"offsetInNanos\":\"$input.I.n\"}}}}", MESSAGE);
        assertThat(a.has("payload")).isFalse();
        assertThat(a.has("payloadType")).isFalse();
        assertThat(a.path("propertyValue").path("value").path("doubleValue").decimalValue()).isEqualByComparingTo("43.0");
        assertThat(a.path("propertyValue").path("quality").asText()).isEqualTo("GOOD");
        JsonNode d = a.path("delivered");
        assertThat(d.path("entryId").asText()).isEqualTo("e-d1");
        assertThat(d.path("propertyAlias").asText()).isEqualTo("/f/d1/t");
        assertThat(d.path("propertyValues").get(0).toString()).isEqualTo("{\"value\":{\"doubleValue\":43.0},"
                + "\"timestamp\":{\"timeInSeconds\":1586400675,\"offsetInNanos\":7},\"quality\":\"GOOD\"}");
    }

    @Test
    void item3SiteWiseDefaultsEntryIdAndTimestampToTheEventTime() throws Exception {
        ObjectNode a = run("{\"iotSiteWise\":{\"assetId\":\"'a1'\",\"propertyId\":\"'p1'\","
                + "\"propertyValue\":{\"value\":{\"integerValue\":\"'100'\"}}}}", MESSAGE);
        JsonNode d = a.path("delivered");
        assertThat(d.path("entryId").asText()).matches("[0-9a-f-]{36}");
        assertThat(d.path("assetId").asText()).isEqualTo("a1");
        assertThat(d.path("propertyValues").get(0).toString()).isEqualTo("{\"value\":{\"integerValue\":100},"
                + "\"timestamp\":{\"timeInSeconds\":1700000000,\"offsetInNanos\":123000000}}");
    }

    @Test
    void item3SiteWiseWithAnUndefinedOrWrongValueFails() throws Exception {
        ObjectNode undefined = run("{\"iotSiteWise\":{\"propertyAlias\":\"'/a'\","
                + "\"propertyValue\":{\"value\":{\"doubleValue\":\"$input.I.missing\"}}}}", MESSAGE);
        assertThat(undefined.path("error").asText()).contains("propertyValue.value.doubleValue");
        ObjectNode quality = run("{\"iotSiteWise\":{\"propertyAlias\":\"'/a'\","
                + "\"propertyValue\":{\"value\":{\"booleanValue\":\"'TRUE'\"},\"quality\":\"'FINE'\"}}}", MESSAGE);
        assertThat(quality.path("error").asText()).contains("quality must be one of BAD, GOOD, UNCERTAIN");
    }

    /**
     * A sink that describes no action (ActionSink.describesActions false) gets the same actions without the
     * default payload's capture; describing one then fails with the reason, and a listener brings the capture back.
     */
    @Test
    void aSinkThatDescribesNoActionGetsNoDefaultPayloadCapture() throws Exception {
        EngineHarness h = model("{\"sns\":{\"targetArn\":\"arn:aws:sns:us-east-1:123456789012:t\"}}");
        List<PerformedAction> counted = new java.util.ArrayList<>();
        ActionSink counter = new ActionSink() {
            @Override
            public void accept(ObjectNode action) {
                throw new AssertionError("not asked for JSON");
            }

            @Override
            public void performed(PerformedAction action) {
                counted.add(action);
            }

            @Override
            public boolean describesActions() {
                return false;
            }
        };
        h.engine.setActionSink(counter);
        h.engine.setCycleListener(null);
        h.send("I", MESSAGE);
        assertThat(counted).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("sns");
            assertThat(a.eventName()).isEqualTo("e");
            assertThat(a.keyValue()).isEqualTo("d1");
        });
        assertThatThrownBy(() -> counted.get(0).toJson()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("describesActions");
        h.engine.setCycleListener(record -> { });
        h.send("I", MESSAGE);
        assertThat(counted.get(1).toJson().path("payload").path("payload").path("detector").path("keyValue").asText())
                .isEqualTo("d1");
    }
}
