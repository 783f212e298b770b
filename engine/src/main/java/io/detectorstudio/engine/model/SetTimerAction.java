package io.detectorstudio.engine.model;

import java.util.List;

/** {@code setTimer}: starts a timer; {@code seconds} (deprecated) or {@code durationExpression}, not both. */
public record SetTimerAction(String timerName, Integer seconds, String durationExpression) implements Action {

    public static final String KEY = "setTimer";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).expression("durationExpression", durationExpression).list();
    }
}
