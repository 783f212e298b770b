package io.detectorstudio.engine.model;

import io.detectorstudio.engine.expr.Parser;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code iotTopicPublish}: publishes an MQTT message. The topic is a {@code ${}} template, or a whole expression
 * when it reads like one ({@link #topicKind}).
 */
public record IotTopicPublishAction(String mqttTopic, Payload payload) implements Action {

    public static final String KEY = "iotTopicPublish";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        Fields fields = new Fields(KEY);
        if (mqttTopic != null && topicKind(mqttTopic) == FieldKind.EXPRESSION) {
            fields.expression("mqttTopic", mqttTopic);
        } else {
            fields.template("mqttTopic", mqttTopic);
        }
        return fields.payload(payload).list();
    }

    private static final Pattern EXPRESSION_START = Pattern.compile("^\\s*('|\\$input\\b|\\$variable\\b|[A-Za-z]+\\s*\\()");

    /**
     * Semantics §A.4 [INF]: a topic is literal text with {@code ${…}} parts, unless the whole field parses as an
     * expression that starts with {@code '}, {@code $input}, {@code $variable} or a function call
     * ({@code 'alerts/' + $variable.id}) — then it is evaluated as one.
     */
    public static FieldKind topicKind(String topic) {
        return EXPRESSION_START.matcher(topic).find() && Parser.parse(topic).ok() ? FieldKind.EXPRESSION
                : FieldKind.TEMPLATE;
    }
}
