package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One engine cycle (the trace record of shared/contracts/trace.md) as the service's DEBUG log entry "Summary of
 * message evaluation" (semantics §C.13). Differences: {@code initialVariables} is not given (the trace keeps the
 * state after the cycle only); a timer cycle has {@code messageType} {@code TIMER_EXPIRY} and the timer's name
 * ([GAP]: the service's value is not documented); transitions not evaluated after the one taken are not listed.
 */
final class DebugLogEntries {

    private DebugLogEntries() {
    }

    static ObjectNode of(JsonNode cycle) {
        ObjectNode e = Store.JSON.createObjectNode();
        e.put("timestamp", cycle.path("time").asText());
        e.put("level", "DEBUG");
        e.put("logMessage", "Summary of message evaluation");
        e.put("context", "MessageEvaluation");
        e.put("status", "Success");
        JsonNode trigger = cycle.path("trigger");
        if (trigger.has("messageId")) {
            e.set("messageId", trigger.get("messageId"));
        }
        if (cycle.has("keyValue")) {
            e.set("keyValue", cycle.get("keyValue"));
        }
        e.set("detectorModelName", cycle.path("detectorModelName"));
        e.set("initialState", cycle.path("fromState").isNull() ? cycle.path("toState") : cycle.path("fromState"));
        e.set("finalState", cycle.path("toState"));
        e.set("finalVariables", cycle.path("state").path("variables"));
        if (trigger.path("type").asText().equals("Message")) {
            e.put("message", trigger.path("payload").toString());
            e.put("messageType", "CUSTOMER_MESSAGE");
        } else {
            e.put("messageType", "TIMER_EXPIRY");
            e.set("timerName", trigger.path("timerName"));
        }
        ArrayNode results = e.putArray("conditionEvaluationResults");
        for (JsonNode ev : cycle.path("evaluations")) {
            ObjectNode r = results.addObject();
            JsonNode result = ev.path("result");
            r.put("result", result.isBoolean() ? (result.asBoolean() ? "True" : "False")
                    : capitalized(result.asText()));
            r.set("eventName", ev.path("eventName"));
            r.set("state", ev.path("stateName"));
            String group = ev.path("group").asText();
            r.put("lifeCycle", group.isEmpty() ? "" : Character.toUpperCase(group.charAt(0)) + group.substring(1));
            r.put("hasTransition", ev.path("kind").asText().equals("transition"));
            if (ev.has("error")) {
                r.set("resultDetails", ev.get("error"));
            }
        }
        return e;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
