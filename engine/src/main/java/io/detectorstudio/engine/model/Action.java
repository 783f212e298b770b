package io.detectorstudio.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code Action} object: exactly one of the 13 API action keys (semantics §A.4). {@link UnknownAction} keeps an
 * object whose key the API does not define, so reading never loses it and validation can point at it.
 */
public sealed interface Action permits SetVariableAction, SetTimerAction, ResetTimerAction, ClearTimerAction,
        SnsAction, IotTopicPublishAction, LambdaAction, IotEventsAction, SqsAction, FirehoseAction, DynamoDbAction,
        DynamoDbV2Action, IotSiteWiseAction, UnknownAction {

    /** The action's key in JSON ({@code setVariable}, {@code sns}, ...). */
    String key();

    /** The evaluated string fields that are set, with paths relative to the action object ({@code sns.payload.contentExpression}). */
    List<ExpressionField> expressionFields();

    /** Collects the set fields; {@code null} values are skipped. */
    final class Fields {
        private final String key;
        private final List<ExpressionField> fields = new ArrayList<>();

        Fields(String key) {
            this.key = key;
        }

        Fields expression(String name, String text) {
            return add(name, text, FieldKind.EXPRESSION);
        }

        Fields template(String name, String text) {
            return add(name, text, FieldKind.TEMPLATE);
        }

        Fields payload(Payload payload) {
            return payload == null ? this : expression("payload.contentExpression", payload.contentExpression());
        }

        private Fields add(String name, String text, FieldKind kind) {
            if (text != null) {
                fields.add(new ExpressionField(key + "." + name, text, kind));
            }
            return this;
        }

        List<ExpressionField> list() {
            return List.copyOf(fields);
        }
    }
}
