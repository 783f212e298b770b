package io.detectorstudio.engine.model;

import java.util.List;

/** {@code iotTopicPublish}: publishes an MQTT message; the topic is a {@code ${}} template. */
public record IotTopicPublishAction(String mqttTopic, Payload payload) implements Action {

    public static final String KEY = "iotTopicPublish";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).template("mqttTopic", mqttTopic).payload(payload).list();
    }
}
