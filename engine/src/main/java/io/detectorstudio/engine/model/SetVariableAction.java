package io.detectorstudio.engine.model;

import java.util.List;

/** {@code setVariable}: assigns the value of an expression to a variable. */
public record SetVariableAction(String variableName, String value) implements Action {

    public static final String KEY = "setVariable";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).expression("value", value).list();
    }
}
