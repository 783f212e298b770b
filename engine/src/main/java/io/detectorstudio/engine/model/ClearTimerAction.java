package io.detectorstudio.engine.model;

import java.util.List;

/** {@code clearTimer}: deletes a timer. */
public record ClearTimerAction(String timerName) implements Action {

    public static final String KEY = "clearTimer";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).list();
    }
}
