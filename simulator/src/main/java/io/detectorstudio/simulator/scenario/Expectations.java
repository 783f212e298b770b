package io.detectorstudio.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Matching as scenario.md defines it: objects partially and recursively (keys written must match, others are
 * ignored), arrays/strings/booleans/null exactly, numbers numerically ({@code 1} equals {@code 1.0}).
 */
public final class Expectations {

    private Expectations() {
    }

    public static boolean matches(JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return false;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!matches(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!exactly(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return exactly(expected, actual);
    }

    /** Exact equality except that numbers compare by value. */
    static boolean exactly(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() || expected.isArray()) {
            if (expected.size() != actual.size() || expected.getNodeType() != actual.getNodeType()) {
                return false;
            }
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    if (!exactly(expected.get(i), actual.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!actual.has(e.getKey()) || !exactly(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }
}
