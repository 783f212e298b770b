package io.detectorstudio.engine.model;

import java.util.List;

/** {@code resetTimer}: restarts a timer with its previously evaluated duration. */
public record ResetTimerAction(String timerName) implements Action {

    public static final String KEY = "resetTimer";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).list();
    }
}
