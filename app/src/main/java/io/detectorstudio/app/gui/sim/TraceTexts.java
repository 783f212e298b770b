package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the trace table shows of a trace record (trace.md), and its filter; no JavaFX, so tests need no toolkit. */
final class TraceTexts {

    private TraceTexts() {
    }

    /** Whether every word of {@code text} is in the record's key, trigger, states, fired events or actions. */
    static boolean matches(ObjectNode r, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String hay = (r.path("keyValue").asText("") + " " + trigger(r) + " " + r.path("fromState").asText("") + " "
                + r.path("toState").asText("") + " " + r.path("state").path("stateName").asText("") + " " + fired(r)
                + " " + r.path("actions").findValuesAsText("type")).toLowerCase();
        for (String word : text.toLowerCase().split("\\s+")) {
            if (!word.isEmpty() && !hay.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** "PressureInput {payload}", "timer awake" or the trigger's type. */
    static String trigger(ObjectNode r) {
        JsonNode t = r.path("trigger");
        return switch (t.path("type").asText()) {
            case "Message" -> t.path("inputName").asText() + " " + t.path("payload");
            case "Timer" -> "timer " + t.path("timerName").asText();
            default -> t.path("type").asText();
        };
    }

    /** "Normal → Dangerous"; a cycle that created its detector has no state before it: "new → Normal". */
    static String transition(ObjectNode r) {
        String from = r.path("fromState").asText("");
        if (from.isEmpty() && r.path("created").asBoolean(false)) {
            from = "new";
        }
        return from + " → " + r.path("toState").asText(r.path("state").path("stateName").asText());
    }

    /** The events whose condition held, in order. */
    static String fired(ObjectNode r) {
        StringBuilder b = new StringBuilder();
        for (JsonNode e : r.path("evaluations")) {
            if (e.path("result").asBoolean(false)) {
                b.append(b.length() == 0 ? "" : ", ").append(e.path("eventName").asText());
            }
        }
        return b.toString();
    }
}
