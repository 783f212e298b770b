package io.detectorstudio.engine.validation;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.ACTION_TYPES;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_HTML_ENTITY;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.MODEL_NO_INPUT;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.QUOTA_ACTIONS;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.QUOTA_EVENTS;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.QUOTA_PAYLOAD;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.QUOTA_STATES;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.STATE_DUPLICATE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.STATE_INITIAL_UNKNOWN;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.STATE_NEXT_UNKNOWN;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TIMER_BOTH;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TIMER_SHORT;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.diagnostics.DiagnosticCode;
import io.detectorstudio.engine.diagnostics.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structural rules and quotas the service enforces beyond the shapes (semantics reference §A.3, §E): state
 * references, unique names, one type per action, timer durations, quotas, and targeted help for common mistakes
 * (HTML entities in expressions, placeholder role ARNs).
 */
public final class StructureCheck implements ModelCheck {

    static final int MAX_STATES = 20;
    static final int MAX_EVENTS_PER_LIST = 20;
    static final int MAX_ACTIONS_PER_EVENT = 10;
    static final int MAX_CONTENT_BYTES = 1024;
    static final int MIN_ACCURATE_TIMER_SECONDS = 60;

    private static final Pattern HTML_ENTITY = Pattern.compile("&(gt|lt|amp|quot|apos|#\\d+);");
    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$");
    private static final Map<String, String> ENTITY_TEXT = Map.of("gt", ">", "lt", "<", "amp", "&", "quot", "\"",
            "apos", "'");

    @Override
    public void check(ValidationContext context, FindingSink sink) {
        JsonNode model = context.model();
        roleArn(model, sink);
        JsonNode definition = model.path("detectorModelDefinition");
        JsonNode states = definition.path("states");
        if (!states.isArray()) {
            return;
        }
        String base = "$.detectorModelDefinition.states";
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            String name = states.get(i).path("stateName").asText(null);
            if (name != null && names.putIfAbsent(name, i) != null) {
                sink.report(Severity.ERROR, STATE_DUPLICATE.code(), base + "[" + i + "].stateName",
                        STATE_DUPLICATE.message(name, names.get(name)));
            }
        }
        if (states.size() > MAX_STATES) {
            sink.report(Severity.ERROR, QUOTA_STATES.code(), base, QUOTA_STATES.message(MAX_STATES, states.size()));
        }
        JsonNode initial = definition.path("initialStateName");
        if (initial.isTextual() && !names.containsKey(initial.asText())) {
            sink.report(Severity.ERROR, STATE_INITIAL_UNKNOWN.code(), "$.detectorModelDefinition.initialStateName",
                    STATE_INITIAL_UNKNOWN.message(initial.asText(), String.join(", ", names.keySet())));
        }
        boolean[] inputInCondition = {false};
        for (int i = 0; i < states.size(); i++) {
            JsonNode state = states.get(i);
            String statePath = base + "[" + i + "]";
            for (String lifecycle : new String[] {"onEnter", "onInput", "onExit"}) {
                events(state.path(lifecycle).path("events"), statePath + "." + lifecycle + ".events", names, sink,
                        inputInCondition);
            }
            events(state.path("onInput").path("transitionEvents"), statePath + ".onInput.transitionEvents", names,
                    sink, inputInCondition);
        }
        if (!inputInCondition[0] && names.size() > 0) {
            // Deployed models exist that read inputs only in actions (lorawan soil moisture), so the service's
            // analysis rule is an error only when the model never reads an input at all.
            boolean readsInput = definition.toString().contains("$input.");
            sink.report(readsInput ? Severity.WARNING : Severity.ERROR, MODEL_NO_INPUT.code(),
                    "$.detectorModelDefinition",
                    MODEL_NO_INPUT.message(readsInput ? "inputs are read only in actions" : "the model would never look at data"));
        }
    }

    private void roleArn(JsonNode model, FindingSink sink) {
        JsonNode arn = model.path("roleArn");
        if (arn.isTextual() && !arn.asText().contains("${") && !ROLE_ARN.matcher(arn.asText()).matches()) {
            sink.report(Severity.ERROR, DiagnosticCode.ROLE_ARN.code(), "$.roleArn",
                    DiagnosticCode.ROLE_ARN.message(ShapeCheck.abbreviate(arn.asText())));
        }
    }

    private void events(JsonNode events, String path, Map<String, Integer> states, FindingSink sink,
                        boolean[] inputInCondition) {
        if (!events.isArray()) {
            return;
        }
        if (events.size() > MAX_EVENTS_PER_LIST) {
            sink.report(Severity.WARNING, QUOTA_EVENTS.code(), path, QUOTA_EVENTS.message(MAX_EVENTS_PER_LIST, events.size()));
        }
        for (int e = 0; e < events.size(); e++) {
            JsonNode event = events.get(e);
            String eventPath = path + "[" + e + "]";
            JsonNode condition = event.path("condition");
            if (condition.isTextual()) {
                if (condition.asText().contains("$input.") || condition.asText().contains("currentInput(")) {
                    inputInCondition[0] = true;
                }
                htmlEntities(condition.asText(), eventPath + ".condition", sink);
            }
            JsonNode next = event.path("nextState");
            if (next.isTextual() && !states.containsKey(next.asText())) {
                sink.report(Severity.ERROR, STATE_NEXT_UNKNOWN.code(), eventPath + ".nextState",
                        STATE_NEXT_UNKNOWN.message(next.asText(), String.join(", ", states.keySet())));
            }
            actions(event.path("actions"), eventPath + ".actions", sink);
        }
    }

    private void actions(JsonNode actions, String path, FindingSink sink) {
        if (!actions.isArray()) {
            return;
        }
        if (actions.size() > MAX_ACTIONS_PER_EVENT) {
            sink.report(Severity.ERROR, QUOTA_ACTIONS.code(), path, QUOTA_ACTIONS.message(MAX_ACTIONS_PER_EVENT, actions.size()));
        }
        for (int a = 0; a < actions.size(); a++) {
            JsonNode action = actions.get(a);
            String actionPath = path + "[" + a + "]";
            if (action.isObject() && action.size() != 1) {
                sink.report(Severity.ERROR, ACTION_TYPES.code(), actionPath, ACTION_TYPES.message(action.size()));
            }
            action.fields().forEachRemaining(entry -> {
                String fieldsPath = actionPath + "." + entry.getKey();
                JsonNode fields = entry.getValue();
                if (entry.getKey().equals("setTimer")) {
                    timer(fields, fieldsPath, sink);
                }
                JsonNode content = fields.path("payload").path("contentExpression");
                int bytes = content.isTextual()
                        ? content.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length : 0;
                if (bytes > MAX_CONTENT_BYTES) {
                    sink.report(Severity.ERROR, QUOTA_PAYLOAD.code(), fieldsPath + ".payload.contentExpression",
                            QUOTA_PAYLOAD.message(MAX_CONTENT_BYTES, bytes));
                }
                fields.fields().forEachRemaining(f -> {
                    if (f.getValue().isTextual()) {
                        htmlEntities(f.getValue().asText(), fieldsPath + "." + f.getKey(), sink);
                    }
                });
                if (content.isTextual()) {
                    htmlEntities(content.asText(), fieldsPath + ".payload.contentExpression", sink);
                }
            });
        }
    }

    private void timer(JsonNode timer, String path, FindingSink sink) {
        if (timer.has("seconds") && timer.has("durationExpression")) {
            sink.report(Severity.ERROR, TIMER_BOTH.code(), path, TIMER_BOTH.message());
        }
        JsonNode seconds = timer.path("seconds");
        if (seconds.isIntegralNumber() && seconds.asLong() >= 1 && seconds.asLong() < MIN_ACCURATE_TIMER_SECONDS) {
            sink.report(Severity.WARNING, TIMER_SHORT.code(), path + ".seconds",
                    TIMER_SHORT.message(MIN_ACCURATE_TIMER_SECONDS));
        }
    }

    private void htmlEntities(String text, String path, FindingSink sink) {
        Matcher m = HTML_ENTITY.matcher(text);
        while (m.find()) {
            String replacement = ENTITY_TEXT.getOrDefault(m.group(1), "the character it stands for");
            sink.reportInString(Severity.ERROR, EXPR_HTML_ENTITY.code(), path, m.start(), m.end(),
                    EXPR_HTML_ENTITY.message(m.group(), replacement));
        }
    }
}
