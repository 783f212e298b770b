package io.detectorstudio.editor.properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.validation.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a field's text must be, as a {@link Check}: required members, lengths and patterns come from the service
 * model's member shapes ({@link ServiceModel}); the service declares no pattern for {@code AmazonResourceName}, so
 * ARNs and the SQS URL are checked against the documented formats here; expressions against the parser.
 */
public final class FieldRules {

    /** A problem with the text, or null when it is fine. */
    @FunctionalInterface
    public interface Check {
        String problem(String text);

        default Check and(Check next) {
            return text -> {
                String p = problem(text);
                return p != null ? p : next.problem(text);
            };
        }

        Check NONE = text -> null;
    }

    /** Documented resource formats, by service; values with an unresolved {@code ${…}} substitution are let through. */
    public enum Format {
        SNS_TOPIC_ARN("an SNS topic ARN: arn:aws:sns:<region>:<12-digit account>:<topic>",
                "^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$"),
        LAMBDA_FUNCTION_ARN("a Lambda function ARN: arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<version|alias>]",
                "^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,140}(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$"),
        IAM_ROLE_ARN("an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>",
                "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$"),
        SQS_QUEUE_URL("an SQS queue URL: https://sqs.<region>.amazonaws.com/<12-digit account>/<queue>",
                "^https://(sqs\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?|queue\\.amazonaws\\.com)/\\d{12}/[A-Za-z0-9_-]{1,80}(\\.fifo)?$");

        private final String expected;
        private final Pattern pattern;

        Format(String expected, String regex) {
            this.expected = expected;
            this.pattern = Pattern.compile(regex);
        }

        public Check check() {
            return text -> text == null || text.isEmpty() || text.contains("${") || pattern.matcher(text).matches()
                    ? null : "'" + text + "' is not " + expected;
        }
    }

    private FieldRules() {
    }

    /** Required-ness, length and pattern of member {@code member} of structure {@code structure} in the service model. */
    public static Check member(String structure, String member) {
        Check required = isRequired(structure, member)
                ? text -> text == null || text.isEmpty() ? member + " is required" : null : Check.NONE;
        return required.and(shapeOf(structure, member));
    }

    /** Length, pattern and enum of the member's shape, without the required rule. */
    public static Check shapeOf(String structure, String member) {
        JsonNode shape = ServiceModel.controlPlane().shape(structure);
        JsonNode memberShape = ServiceModel.controlPlane().shape(shape.path("members").path(member).path("shape").asText());
        Check check = Check.NONE;
        if (memberShape.has("min") && memberShape.path("type").asText().equals("string")) {
            int min = memberShape.get("min").asInt();
            check = check.and(text -> text != null && !text.isEmpty() && text.length() < min
                    ? member + " needs at least " + min + " characters" : null);
        }
        if (memberShape.has("max") && memberShape.path("type").asText().equals("string")) {
            int max = memberShape.get("max").asInt();
            check = check.and(text -> text != null && text.length() > max
                    ? member + " is " + text.length() + " characters; at most " + max + " allowed" : null);
        }
        if (memberShape.has("pattern")) {
            Pattern pattern = Pattern.compile(memberShape.get("pattern").asText());
            String regex = memberShape.get("pattern").asText();
            check = check.and(text -> text != null && !text.isEmpty() && !pattern.matcher(text).find()
                    ? member + " must match " + regex : null);
        }
        if (memberShape.has("enum")) {
            List<String> values = java.util.stream.StreamSupport.stream(memberShape.get("enum").spliterator(), false)
                    .map(JsonNode::asText).toList();
            check = check.and(text -> text != null && !text.isEmpty() && !values.contains(text)
                    ? member + " must be one of " + String.join(", ", values) : null);
        }
        return check;
    }

    public static boolean isRequired(String structure, String member) {
        for (JsonNode r : ServiceModel.controlPlane().shape(structure).path("required")) {
            if (r.asText().equals(member)) {
                return true;
            }
        }
        return false;
    }

    /** The first syntax problem of an expression or {@code ${}} template. */
    public static Check syntax(FieldKind kind) {
        return text -> {
            if (text == null || text.isBlank()) {
                return null;
            }
            List<ExpressionProblem> problems = (kind == FieldKind.TEMPLATE ? Parser.parse(asTemplate(text))
                    : Parser.parse(text)).problems();
            return problems.isEmpty() ? null : problems.get(0).message();
        };
    }

    /** A template is literal text with {@code ${}} parts: the same as a single-quoted string expression. */
    static String asTemplate(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The action structures of the service model by action key, for {@link #member}. */
    public static final Map<String, String> ACTION_SHAPES = Map.ofEntries(
            Map.entry("setVariable", "SetVariableAction"), Map.entry("setTimer", "SetTimerAction"),
            Map.entry("resetTimer", "ResetTimerAction"), Map.entry("clearTimer", "ClearTimerAction"),
            Map.entry("sns", "SNSTopicPublishAction"), Map.entry("iotTopicPublish", "IotTopicPublishAction"),
            Map.entry("lambda", "LambdaAction"), Map.entry("iotEvents", "IotEventsAction"),
            Map.entry("sqs", "SqsAction"), Map.entry("firehose", "FirehoseAction"),
            Map.entry("dynamoDB", "DynamoDBAction"), Map.entry("dynamoDBv2", "DynamoDBv2Action"),
            Map.entry("iotSiteWise", "IotSiteWiseAction"));
}
