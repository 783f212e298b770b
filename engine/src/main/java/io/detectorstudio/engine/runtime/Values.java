package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.detectorstudio.engine.expr.Value;
import java.time.Instant;

/** Conversions between expression values and the JSON of payloads and traces. */
final class Values {

    static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private Values() {
    }

    static JsonNode toJson(Value v) {
        return switch (v.type()) {
            case INTEGER -> v.asLong() == (int) v.asLong() ? JSON.numberNode((int) v.asLong()) : JSON.numberNode(v.asLong());
            case DECIMAL -> JSON.numberNode(v.asDecimal());
            case STRING -> JSON.textNode(v.asString());
            case BOOLEAN -> JSON.booleanNode(v.isTrue());
            default -> JSON.nullNode();
        };
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
