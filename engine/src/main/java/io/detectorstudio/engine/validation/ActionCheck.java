package io.detectorstudio.engine.validation;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.ACTION_ENUM;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.ACTION_PAYLOAD_TYPE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.ACTION_TARGET;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.ACTION_UNKNOWN;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SITEWISE_TARGET;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.SITEWISE_VALUE;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.diagnostics.DidYouMean;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Value;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What certainly fails at run time in an action, as errors at validate time (issue 14 item 7, semantics §A.4): an
 * action key that is no action type (with "did you mean"), enumerated values written as literals outside their
 * set (DynamoDB key types and operation, SiteWise quality), a dynamoDBv2 payload that is not JSON, a SiteWise
 * target without {@code propertyAlias} or {@code assetId} + {@code propertyId}, a SiteWise value with other than
 * one member, and SNS/Lambda ARNs and SQS URLs of the wrong form. Values computed by expressions, and CloudFormation
 * placeholders ({@code ${…}}) are not judged: the service might accept them.
 */
public final class ActionCheck implements ModelCheck {

    public static final Set<String> ACTION_TYPES = Set.of("setVariable", "sns", "iotTopicPublish", "setTimer",
            "clearTimer", "resetTimer", "lambda", "iotEvents", "sqs", "firehose", "dynamoDB", "dynamoDBv2",
            "iotSiteWise");
    static final Pattern SNS_TOPIC_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$");
    static final Pattern LAMBDA_FUNCTION_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,140}(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$");
    static final Pattern SQS_QUEUE_URL = Pattern.compile(
            "^https://(sqs\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?|[a-z0-9-]+\\.queue\\.amazonaws\\.com|queue\\.amazonaws\\.com)"
                    + "/\\d{12}/[A-Za-z0-9_-]{1,80}(\\.fifo)?$");
    private static final Set<String> KEY_TYPES = Set.of("STRING", "NUMBER");
    private static final Set<String> OPERATIONS = Set.of("INSERT", "UPDATE", "DELETE");
    private static final Set<String> QUALITIES = Set.of("GOOD", "BAD", "UNCERTAIN");
    private static final List<String> VARIANT_MEMBERS = List.of("stringValue", "integerValue", "doubleValue",
            "booleanValue");

    @Override
    public void check(ValidationContext context, FindingSink sink) {
        JsonNode states = context.model().path("detectorModelDefinition").path("states");
        for (int s = 0; s < states.size(); s++) {
            String statePath = "$.detectorModelDefinition.states[" + s + "]";
            JsonNode state = states.get(s);
            events(state.path("onEnter").path("events"), statePath + ".onEnter.events", sink);
            events(state.path("onInput").path("events"), statePath + ".onInput.events", sink);
            events(state.path("onInput").path("transitionEvents"), statePath + ".onInput.transitionEvents", sink);
            events(state.path("onExit").path("events"), statePath + ".onExit.events", sink);
        }
    }

    private void events(JsonNode events, String path, FindingSink sink) {
        for (int e = 0; e < events.size(); e++) {
            JsonNode actions = events.get(e).path("actions");
            for (int a = 0; a < actions.size(); a++) {
                String actionPath = path + "[" + e + "].actions[" + a + "]";
                actions.get(a).fields().forEachRemaining(f -> action(f.getKey(), f.getValue(),
                        actionPath + "." + f.getKey(), sink));
            }
        }
    }

    private void action(String type, JsonNode spec, String path, FindingSink sink) {
        if (!ACTION_TYPES.contains(type)) {
            sink.report(Severity.ERROR, ACTION_UNKNOWN.code(), path, ACTION_UNKNOWN.message(type,
                    DidYouMean.hint(type, ACTION_TYPES), String.join(", ", new TreeSet<>(ACTION_TYPES))));
            return;
        }
        switch (type) {
            case "sns" -> target(spec, "targetArn", SNS_TOPIC_ARN,
                    "an SNS topic ARN: arn:aws:sns:<region>:<12-digit account>:<topic>", path, sink);
            case "lambda" -> target(spec, "functionArn", LAMBDA_FUNCTION_ARN,
                    "a Lambda function ARN: arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<version|alias>]",
                    path, sink);
            case "sqs" -> target(spec, "queueUrl", SQS_QUEUE_URL,
                    "an SQS queue URL: https://sqs.<region>.amazonaws.com/<12-digit account>/<queue>", path, sink);
            case "dynamoDB" -> {
                literalEnum(spec, "hashKeyType", KEY_TYPES, path, sink);
                literalEnum(spec, "rangeKeyType", KEY_TYPES, path, sink);
                literalEnum(spec, "operation", OPERATIONS, path, sink);
            }
            case "dynamoDBv2" -> {
                if ("STRING".equals(spec.path("payload").path("type").asText(null))) {
                    sink.report(Severity.ERROR, ACTION_PAYLOAD_TYPE.code(), path + ".payload.type",
                            ACTION_PAYLOAD_TYPE.message());
                }
            }
            case "iotSiteWise" -> siteWise(spec, path, sink);
            default -> { }
        }
    }

    private static void target(JsonNode spec, String member, Pattern form, String expected, String path,
                               FindingSink sink) {
        JsonNode value = spec.path(member);
        if (value.isTextual() && !value.asText().contains("${") && !form.matcher(value.asText()).matches()) {
            sink.report(Severity.ERROR, ACTION_TARGET.code(), path + "." + member,
                    ACTION_TARGET.message(value.asText(), expected));
        }
    }

    /** An enumerated member written as a quoted literal must be one of its values (the service compares text). */
    private static void literalEnum(JsonNode spec, String member, Set<String> allowed, String path, FindingSink sink) {
        JsonNode value = spec.path(member);
        if (!value.isTextual()) {
            return;
        }
        ParseResult parsed = Parser.parse(value.asText());
        if (parsed.ok() && parsed.expr() instanceof Expr.Literal literal && literal.value().type() == Value.Type.STRING
                && !allowed.contains(literal.value().asString())) {
            String given = literal.value().asString();
            sink.report(Severity.ERROR, ACTION_ENUM.code(), path + "." + member, ACTION_ENUM.message(given,
                    String.join(", ", new TreeSet<>(allowed)), DidYouMean.hint(given, allowed), new TreeSet<>(allowed).first()));
        }
    }

    private static void siteWise(JsonNode spec, String path, FindingSink sink) {
        boolean alias = spec.hasNonNull("propertyAlias");
        if (!alias && !(spec.hasNonNull("assetId") && spec.hasNonNull("propertyId"))) {
            sink.report(Severity.ERROR, SITEWISE_TARGET.code(), path, SITEWISE_TARGET.message());
        }
        JsonNode propertyValue = spec.path("propertyValue");
        JsonNode variant = propertyValue.path("value");
        if (variant.isObject()) {
            long given = VARIANT_MEMBERS.stream().filter(variant::hasNonNull).count();
            if (given != 1) {
                sink.report(Severity.ERROR, SITEWISE_VALUE.code(), path + ".propertyValue.value",
                        SITEWISE_VALUE.message(String.join(", ", VARIANT_MEMBERS), given));
            }
        }
        literalEnum(propertyValue, "quality", QUALITIES, path + ".propertyValue", sink);
    }
}
