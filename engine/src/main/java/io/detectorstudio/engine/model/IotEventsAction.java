package io.detectorstudio.engine.model;

import java.util.List;

/** {@code iotEvents}: sends the payload back into IoT Events as a message to an input. */
public record IotEventsAction(String inputName, Payload payload) implements Action {

    public static final String KEY = "iotEvents";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).payload(payload).list();
    }
}
