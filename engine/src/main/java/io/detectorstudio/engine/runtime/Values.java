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

    /**
     * A generated id that is the same on every run of the same input (traces stay deterministic): derived from the
     * model, the detector, the moment, the cycle and what in the cycle it names.
     */
    static String generatedId(String model, String keyValue, long time, long cycle, String what) {
        return java.util.UUID.nameUUIDFromBytes((model + "/" + keyValue + "/" + time + "/" + cycle + "/" + what)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
