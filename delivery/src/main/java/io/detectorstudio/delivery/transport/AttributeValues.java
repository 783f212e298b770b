package io.detectorstudio.delivery.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's AttributeValue JSON ({@code {"S": "…"}}, {@code {"N": "1"}}, {@code {"M": {…}}}…) as SDK objects. */
final class AttributeValues {

    private AttributeValues() {
    }

    static Map<String, AttributeValue> map(JsonNode object) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> out.put(f.getKey(), value(f.getValue())));
        return out;
    }

    static AttributeValue value(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("not a DynamoDB attribute value: " + node);
        }
        String kind = node.fieldNames().next();
        JsonNode v = node.get(kind);
        return switch (kind) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(map(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(e -> list.add(value(e)));
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream()
                    .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
            default -> throw new IllegalArgumentException("unknown DynamoDB attribute type '" + kind + "'");
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
