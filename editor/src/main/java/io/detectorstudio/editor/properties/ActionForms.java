package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ActionRef;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.AssetPropertyTimestamp;
import io.detectorstudio.engine.model.AssetPropertyValue;
import io.detectorstudio.engine.model.AssetPropertyVariant;
import io.detectorstudio.engine.model.ClearTimerAction;
import io.detectorstudio.engine.model.DynamoDbAction;
import io.detectorstudio.engine.model.DynamoDbV2Action;
import io.detectorstudio.engine.model.FirehoseAction;
import io.detectorstudio.engine.model.IotEventsAction;
import io.detectorstudio.engine.model.IotSiteWiseAction;
import io.detectorstudio.engine.model.IotTopicPublishAction;
import io.detectorstudio.engine.model.LambdaAction;
import io.detectorstudio.engine.model.ResetTimerAction;
import io.detectorstudio.engine.model.SetTimerAction;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.SnsAction;
import io.detectorstudio.engine.model.SqsAction;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.detectorstudio.engine.model.FieldKind.EXPRESSION;
import static io.detectorstudio.engine.model.FieldKind.TEMPLATE;

/**
 * The form of each of the 13 action types: its own members, literal or expression as the API reads them
 * (semantics §A.4), checked against the service model and, for targets, the documented ARN/URL formats.
 */
final class ActionForms {

    private ActionForms() {
    }

    /** Fills {@code form} with the rows of {@code action}'s type; false for an {@code UnknownAction}. */
    static boolean build(Form form, ModelDocument doc, ActionRef ref, Action action) {
        if (action instanceof SetVariableAction) {
            var b = new ActionBinder<>(form, doc, ref, SetVariableAction.class, SetVariableAction.KEY);
            b.text("variableName", SetVariableAction::variableName, (a, v) -> new SetVariableAction(v, a.value()), FieldRules.Check.NONE);
            b.expression("value", EXPRESSION, SetVariableAction::value, (a, v) -> new SetVariableAction(a.variableName(), v));
        } else if (action instanceof SetTimerAction) {
            var b = new ActionBinder<>(form, doc, ref, SetTimerAction.class, SetTimerAction.KEY);
            b.text("timerName", SetTimerAction::timerName, (a, v) -> new SetTimerAction(v, a.seconds(), a.durationExpression()), FieldRules.Check.NONE);
            b.expression("durationExpression", EXPRESSION, SetTimerAction::durationExpression,
                    (a, v) -> new SetTimerAction(a.timerName(), a.seconds(), v));
            b.text("SetTimerAction", "seconds", "seconds",
                    a -> a.seconds() == null ? null : a.seconds().toString(),
                    (a, v) -> new SetTimerAction(a.timerName(), parseSeconds(v, a.seconds()), a.durationExpression()),
                    ActionForms::secondsProblem);
        } else if (action instanceof ResetTimerAction) {
            var b = new ActionBinder<>(form, doc, ref, ResetTimerAction.class, ResetTimerAction.KEY);
            b.text("timerName", ResetTimerAction::timerName, (a, v) -> new ResetTimerAction(v), FieldRules.Check.NONE);
        } else if (action instanceof ClearTimerAction) {
            var b = new ActionBinder<>(form, doc, ref, ClearTimerAction.class, ClearTimerAction.KEY);
            b.text("timerName", ClearTimerAction::timerName, (a, v) -> new ClearTimerAction(v), FieldRules.Check.NONE);
        } else if (action instanceof SnsAction) {
            var b = new ActionBinder<>(form, doc, ref, SnsAction.class, SnsAction.KEY);
            b.text("targetArn", SnsAction::targetArn, (a, v) -> new SnsAction(v, a.payload()), FieldRules.Format.SNS_TOPIC_ARN.check());
            b.payload(SnsAction::payload, (a, p) -> new SnsAction(a.targetArn(), p));
        } else if (action instanceof IotTopicPublishAction) {
            var b = new ActionBinder<>(form, doc, ref, IotTopicPublishAction.class, IotTopicPublishAction.KEY);
            b.expression("mqttTopic", TEMPLATE, IotTopicPublishAction::mqttTopic, (a, v) -> new IotTopicPublishAction(v, a.payload()));
            b.payload(IotTopicPublishAction::payload, (a, p) -> new IotTopicPublishAction(a.mqttTopic(), p));
        } else if (action instanceof LambdaAction) {
            var b = new ActionBinder<>(form, doc, ref, LambdaAction.class, LambdaAction.KEY);
            b.text("functionArn", LambdaAction::functionArn, (a, v) -> new LambdaAction(v, a.payload()), FieldRules.Format.LAMBDA_FUNCTION_ARN.check());
            b.payload(LambdaAction::payload, (a, p) -> new LambdaAction(a.functionArn(), p));
        } else if (action instanceof IotEventsAction) {
            var b = new ActionBinder<>(form, doc, ref, IotEventsAction.class, IotEventsAction.KEY);
            b.text("inputName", IotEventsAction::inputName, (a, v) -> new IotEventsAction(v, a.payload()), FieldRules.Check.NONE);
            b.payload(IotEventsAction::payload, (a, p) -> new IotEventsAction(a.inputName(), p));
        } else if (action instanceof SqsAction) {
            var b = new ActionBinder<>(form, doc, ref, SqsAction.class, SqsAction.KEY);
            b.text("queueUrl", SqsAction::queueUrl, (a, v) -> new SqsAction(v, a.useBase64(), a.payload()), FieldRules.Format.SQS_QUEUE_URL.check());
            b.choice("useBase64", List.of("", "true", "false"), a -> a.useBase64() == null ? null : a.useBase64().toString(),
                    (a, v) -> new SqsAction(a.queueUrl(), v == null ? null : Boolean.valueOf(v), a.payload()));
            b.payload(SqsAction::payload, (a, p) -> new SqsAction(a.queueUrl(), a.useBase64(), p));
        } else if (action instanceof FirehoseAction) {
            var b = new ActionBinder<>(form, doc, ref, FirehoseAction.class, FirehoseAction.KEY);
            b.text("deliveryStreamName", FirehoseAction::deliveryStreamName,
                    (a, v) -> new FirehoseAction(v, a.separator(), a.payload()), FieldRules.Check.NONE);
            b.choice("separator", List.of("", "\\n", "\\t", "\\r\\n", ","),
                    a -> a.separator() == null ? null : escape(a.separator()),
                    (a, v) -> new FirehoseAction(a.deliveryStreamName(), v == null ? null : unescape(v), a.payload()));
            b.payload(FirehoseAction::payload, (a, p) -> new FirehoseAction(a.deliveryStreamName(), a.separator(), p));
        } else if (action instanceof DynamoDbAction) {
            dynamoDb(new ActionBinder<>(form, doc, ref, DynamoDbAction.class, DynamoDbAction.KEY));
        } else if (action instanceof DynamoDbV2Action) {
            var b = new ActionBinder<>(form, doc, ref, DynamoDbV2Action.class, DynamoDbV2Action.KEY);
            b.expression("tableName", EXPRESSION, DynamoDbV2Action::tableName, (a, v) -> new DynamoDbV2Action(v, a.payload()));
            b.payload(DynamoDbV2Action::payload, (a, p) -> new DynamoDbV2Action(a.tableName(), p));
        } else if (action instanceof IotSiteWiseAction) {
            siteWise(new ActionBinder<>(form, doc, ref, IotSiteWiseAction.class, IotSiteWiseAction.KEY));
        } else {
            return false;
        }
        return true;
    }

    private static void dynamoDb(ActionBinder<DynamoDbAction> b) {
        List<String> members = List.of("hashKeyType", "hashKeyField", "hashKeyValue", "rangeKeyType", "rangeKeyField",
                "rangeKeyValue", "operation", "payloadField", "tableName");
        for (int i = 0; i < members.size(); i++) {
            int field = i;
            b.expression(members.get(i), EXPRESSION, a -> dynamoFields(a).get(field), (a, v) -> withDynamoField(a, field, v));
        }
        b.payload(DynamoDbAction::payload, (a, p) -> new DynamoDbAction(a.hashKeyType(), a.hashKeyField(),
                a.hashKeyValue(), a.rangeKeyType(), a.rangeKeyField(), a.rangeKeyValue(), a.operation(),
                a.payloadField(), a.tableName(), p));
    }

    private static List<String> dynamoFields(DynamoDbAction a) {
        return java.util.Arrays.asList(a.hashKeyType(), a.hashKeyField(), a.hashKeyValue(), a.rangeKeyType(),
                a.rangeKeyField(), a.rangeKeyValue(), a.operation(), a.payloadField(), a.tableName());
    }

    private static DynamoDbAction withDynamoField(DynamoDbAction a, int field, String v) {
        List<String> f = new java.util.ArrayList<>(dynamoFields(a));
        f.set(field, v);
        return new DynamoDbAction(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                f.get(8), a.payload());
    }

    private static void siteWise(ActionBinder<IotSiteWiseAction> b) {
        b.expression("entryId", EXPRESSION, IotSiteWiseAction::entryId,
                (a, v) -> new IotSiteWiseAction(v, a.assetId(), a.propertyId(), a.propertyAlias(), a.propertyValue()));
        b.expression("assetId", EXPRESSION, IotSiteWiseAction::assetId,
                (a, v) -> new IotSiteWiseAction(a.entryId(), v, a.propertyId(), a.propertyAlias(), a.propertyValue()));
        b.expression("propertyId", EXPRESSION, IotSiteWiseAction::propertyId,
                (a, v) -> new IotSiteWiseAction(a.entryId(), a.assetId(), v, a.propertyAlias(), a.propertyValue()));
        b.expression("propertyAlias", EXPRESSION, IotSiteWiseAction::propertyAlias,
                (a, v) -> new IotSiteWiseAction(a.entryId(), a.assetId(), a.propertyId(), v, a.propertyValue()));
        String[] variants = {"stringValue", "integerValue", "doubleValue", "booleanValue"};
        for (int i = 0; i < variants.length; i++) {
            int which = i;
            b.expression("AssetPropertyVariant", variants[i], "value." + variants[i], EXPRESSION,
                    a -> variant(a, which), (a, v) -> withValue(a, p -> new AssetPropertyValue(
                            withVariant(p.value(), which, v), p.timestamp(), p.quality())));
        }
        b.expression("AssetPropertyTimestamp", "timeInSeconds", "timestamp.timeInSeconds", EXPRESSION,
                a -> timestamp(a) == null ? null : timestamp(a).timeInSeconds(),
                (a, v) -> withValue(a, p -> new AssetPropertyValue(p.value(), timestamp(v,
                        p.timestamp() == null ? null : p.timestamp().offsetInNanos()), p.quality())));
        b.expression("AssetPropertyTimestamp", "offsetInNanos", "timestamp.offsetInNanos", EXPRESSION,
                a -> timestamp(a) == null ? null : timestamp(a).offsetInNanos(),
                (a, v) -> withValue(a, p -> new AssetPropertyValue(p.value(), timestamp(
                        p.timestamp() == null ? null : p.timestamp().timeInSeconds(), v), p.quality())));
        b.expression("AssetPropertyValue", "quality", "quality", EXPRESSION,
                a -> a.propertyValue() == null ? null : a.propertyValue().quality(),
                (a, v) -> withValue(a, p -> new AssetPropertyValue(p.value(), p.timestamp(), v)));
    }

    private static String variant(IotSiteWiseAction a, int which) {
        AssetPropertyVariant v = a.propertyValue() == null ? null : a.propertyValue().value();
        if (v == null) {
            return null;
        }
        return new String[] {v.stringValue(), v.integerValue(), v.doubleValue(), v.booleanValue()}[which];
    }

    private static AssetPropertyVariant withVariant(AssetPropertyVariant v, int which, String value) {
        String[] f = v == null ? new String[4]
                : new String[] {v.stringValue(), v.integerValue(), v.doubleValue(), v.booleanValue()};
        f[which] = value;
        boolean empty = f[0] == null && f[1] == null && f[2] == null && f[3] == null;
        return empty ? null : new AssetPropertyVariant(f[0], f[1], f[2], f[3]);
    }

    private static AssetPropertyTimestamp timestamp(IotSiteWiseAction a) {
        return a.propertyValue() == null ? null : a.propertyValue().timestamp();
    }

    private static AssetPropertyTimestamp timestamp(String seconds, String nanos) {
        return seconds == null && nanos == null ? null : new AssetPropertyTimestamp(seconds, nanos);
    }

    /** Edits the property value, created when absent and dropped again when nothing is left in it. */
    private static IotSiteWiseAction withValue(IotSiteWiseAction a, UnaryOperator<AssetPropertyValue> change) {
        AssetPropertyValue before = a.propertyValue() == null ? new AssetPropertyValue(null, null, null) : a.propertyValue();
        AssetPropertyValue after = change.apply(before);
        boolean empty = after.value() == null && after.timestamp() == null && after.quality() == null;
        return new IotSiteWiseAction(a.entryId(), a.assetId(), a.propertyId(), a.propertyAlias(), empty ? null : after);
    }

    private static Integer parseSeconds(String text, Integer fallback) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String secondsProblem(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            int s = Integer.parseInt(text.strip());
            return s < 1 || s > 31622400 ? "seconds must be between 1 and 31622400" : null;
        } catch (NumberFormatException e) {
            return "seconds must be a whole number (prefer durationExpression)";
        }
    }

    private static final List<String[]> ESCAPES = List.of(new String[] {"\r\n", "\\r\\n"}, new String[] {"\n", "\\n"},
            new String[] {"\t", "\\t"});

    private static String escape(String separator) {
        for (String[] e : ESCAPES) {
            if (separator.equals(e[0])) {
                return e[1];
            }
        }
        return separator;
    }

    private static String unescape(String shown) {
        for (String[] e : ESCAPES) {
            if (shown.equals(e[1])) {
                return e[0];
            }
        }
        return shown;
    }
}
