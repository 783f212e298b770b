package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.EvaluationContext;
import io.detectorstudio.engine.expr.MapContext;

/**
 * What a watch expression sees — a watch breakpoint and the workbench's watch table alike: the instance's variables
 * and the cycle's trigger (a message's input and payload; a timer or update as its trigger type).
 */
public final class WatchContext {

    private WatchContext() {
    }

    /** {@code state} may be null (no instance yet); {@code record} is the cycle's trace record, or null before any. */
    public static EvaluationContext of(InstanceState state, JsonNode record) {
        MapContext context = new MapContext();
        if (state != null) {
            state.variables().forEach(context::variable);
        }
        JsonNode trigger = record == null ? null : record.path("trigger");
        if (trigger == null || trigger.isMissingNode()) {
            return context;
        }
        String type = trigger.path("type").asText();
        if ("Message".equals(type)) {
            context.input(trigger.path("inputName").asText(), trigger.path("payload"));
            context.trigger(type, trigger.path("inputName").asText());
        } else {
            context.trigger(type, null);
        }
        return context;
    }
}
