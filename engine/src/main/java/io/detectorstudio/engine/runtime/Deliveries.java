package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Delivery} of an external action from its evaluated fields and payload (semantics §A.4; the
 * forms are listed on {@link Delivery}). A value the target cannot take (a NUMBER key that is not a number, a
 * SiteWise quality outside GOOD/BAD/UNCERTAIN, a dynamoDBv2 payload that is not a JSON object) is an
 * {@link IllegalArgumentException} whose message becomes the action's {@code error}.
 */
final class Deliveries {

    private static final Set<String> KEY_TYPES = Set.of("STRING", "NUMBER");
    private static final Set<String> OPERATIONS = Set.of("INSERT", "UPDATE", "DELETE");
    private static final Set<String> QUALITIES = Set.of("GOOD", "BAD", "UNCERTAIN");
    private static final long MAX_SITEWISE_SECONDS = 31_556_889_864_403_199L;

    private Deliveries() {
    }

    /**
     * @param fields the action's fields with expressions replaced by their values
     * @param text the payload text as sent (null for iotSiteWise, which has no payload)
     * @param json the payload parsed as JSON, or null when it is STRING or did not parse
     * @param time the event time (epoch millis), SiteWise's default timestamp
     * @param generatedId SiteWise's default entryId
     */
    static Delivery of(String type, ObjectNode fields, String text, JsonNode json, long time, String generatedId) {
        ObjectNode out = Values.JSON.objectNode();
        switch (type) {
            case "sns" -> out.put("targetArn", fields.path("targetArn").asText()).put("message", text);
            case "sqs" -> out.put("queueUrl", fields.path("queueUrl").asText()).put("messageBody",
                    fields.path("useBase64").asBoolean(false) ? base64(text) : text);
            case "lambda" -> out.put("functionArn", fields.path("functionArn").asText())
                    .put("invocationType", "Event").put("payload", text);
            case "firehose" -> out.put("deliveryStreamName", fields.path("deliveryStreamName").asText())
                    .put("data", text + fields.path("separator").asText(""));
            case "iotTopicPublish" -> out.put("mqttTopic", fields.path("mqttTopic").asText()).put("payload", text);
            case "iotEvents" -> out.put("inputName", fields.path("inputName").asText()).put("payload", text);
            case "dynamoDB" -> dynamoDb(fields, text, json, out);
            case "dynamoDBv2" -> {
                out.put("tableName", fields.path("tableName").asText());
                if (json == null || !json.isObject()) {
                    throw new IllegalArgumentException("dynamoDBv2 writes each top-level attribute of a JSON object"
                            + " as a column, but the payload is not a JSON object");
                }
                out.set("item", attributes(json));
            }
            case "iotSiteWise" -> siteWise(fields, time, generatedId, out);
            default -> throw new IllegalArgumentException("'" + type + "' is not an action type");
        }
        return new Delivery(type, out);
    }

    private static void dynamoDb(ObjectNode fields, String text, JsonNode json, ObjectNode out) {
        out.put("tableName", fields.path("tableName").asText());
        String operation = enumValue(fields, "operation", "INSERT", OPERATIONS);
        out.put("operation", operation);
        ObjectNode key = Values.JSON.objectNode();
        keyAttribute(fields, "hashKey", out, key);
        if (fields.has("rangeKeyField")) {
            keyAttribute(fields, "rangeKey", out, key);
        }
        String payloadField = fields.path("payloadField").asText("payload");
        String column = json == null ? payloadField + "_raw" : payloadField; // §A.4: STRING data as binary
        out.put("payloadField", column);
        out.set("key", key);
        if (!operation.equals("DELETE")) {
            ObjectNode item = key.deepCopy();
            item.set(column, json == null
                    ? Values.JSON.objectNode().put("B", base64(text)) : attribute(json));
            out.set("item", item);
        }
    }

    private static void keyAttribute(ObjectNode fields, String prefix, ObjectNode out, ObjectNode key) {
        String field = fields.path(prefix + "Field").asText();
        String keyType = enumValue(fields, prefix + "Type", "STRING", KEY_TYPES);
        String value = fields.path(prefix + "Value").asText();
        out.put(prefix + "Field", field).put(prefix + "Type", keyType).put(prefix + "Value", value);
        if (keyType.equals("NUMBER")) {
            number(value, prefix + "Value");
            key.putObject(field).put("N", value);
        } else {
            key.putObject(field).put("S", value);
        }
    }

    private static void siteWise(ObjectNode fields, long time, String generatedId, ObjectNode out) {
        out.put("entryId", fields.has("entryId") ? fields.path("entryId").asText() : generatedId);
        for (String member : new String[] {"assetId", "propertyId", "propertyAlias"}) {
            if (fields.has(member)) {
                out.put(member, fields.path(member).asText());
            }
        }
        JsonNode given = fields.path("propertyValue");
        ObjectNode value = out.putArray("propertyValues").addObject();
        ObjectNode variant = value.putObject("value");
        JsonNode v = given.path("value");
        if (v.has("integerValue")) {
            BigDecimal n = number(v.path("integerValue").asText(), "integerValue");
            try {
                variant.put("integerValue", n.intValueExact());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("integerValue " + n + " is not a 32-bit integer");
            }
        } else if (v.has("doubleValue")) {
            variant.put("doubleValue", number(v.path("doubleValue").asText(), "doubleValue").doubleValue());
        } else if (v.has("booleanValue")) {
            String b = v.path("booleanValue").asText();
            if (!b.equalsIgnoreCase("true") && !b.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("booleanValue must be TRUE or FALSE but is '" + b + "'");
            }
            variant.put("booleanValue", Boolean.parseBoolean(b.toLowerCase()));
        } else if (v.has("stringValue")) {
            variant.put("stringValue", v.path("stringValue").asText());
        } else {
            throw new IllegalArgumentException("propertyValue.value has none of stringValue, integerValue,"
                    + " doubleValue, booleanValue");
        }
        ObjectNode timestamp = value.putObject("timestamp");
        JsonNode t = given.path("timestamp");
        if (t.has("timeInSeconds")) { // §A.4: default timestamp = the event time
            BigDecimal seconds = number(t.path("timeInSeconds").asText(), "timeInSeconds");
            BigDecimal nanos = t.has("offsetInNanos") ? number(t.path("offsetInNanos").asText(), "offsetInNanos")
                    : BigDecimal.ZERO;
            timestamp.put("timeInSeconds", range(seconds, 1, MAX_SITEWISE_SECONDS, "timeInSeconds"));
            timestamp.put("offsetInNanos", range(nanos, 0, 999_999_999, "offsetInNanos"));
        } else {
            timestamp.put("timeInSeconds", Math.floorDiv(time, 1000));
            timestamp.put("offsetInNanos", Math.floorMod(time, 1000) * 1_000_000L);
        }
        if (given.has("quality")) {
            value.put("quality", enumValue((ObjectNode) given, "quality", null, QUALITIES));
        }
    }

    private static long range(BigDecimal n, long min, long max, String what) {
        try {
            long v = n.longValueExact();
            if (v >= min && v <= max) {
                return v;
            }
        } catch (ArithmeticException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException(what + " " + n.toPlainString() + " is outside " + min + "–" + max);
    }

    private static String enumValue(ObjectNode fields, String member, String fallback, Set<String> allowed) {
        if (!fields.has(member)) {
            return fallback;
        }
        String value = fields.path(member).asText();
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(member + " must be one of " + String.join(", ", allowed.stream()
                    .sorted().toList()) + " but is '" + value + "'");
        }
        return value;
    }

    private static BigDecimal number(String text, String what) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number but is '" + text + "'");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode attributes(JsonNode object) {
        ObjectNode item = Values.JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            item.set(e.getKey(), attribute(e.getValue()));
        }
        return item;
    }

    /** A JSON value in DynamoDB's AttributeValue JSON (the low-level API's wire form). */
    static ObjectNode attribute(JsonNode v) {
        ObjectNode a = Values.JSON.objectNode();
        if (v.isObject()) {
            a.set("M", attributes(v));
        } else if (v.isArray()) {
            ArrayNode list = a.putArray("L");
            v.forEach(e -> list.add(attribute(e)));
        } else if (v.isNumber()) {
            a.put("N", v.isIntegralNumber() ? v.asText() : v.decimalValue().toPlainString());
        } else if (v.isBoolean()) {
            a.put("BOOL", v.asBoolean());
        } else if (v.isNull()) {
            a.put("NULL", true);
        } else {
            a.put("S", v.asText());
        }
        return a;
    }
}
