package io.detectorstudio.engine.model;

import java.util.List;

/** {@code lambda}: invokes a Lambda function asynchronously. */
public record LambdaAction(String functionArn, Payload payload) implements Action {

    public static final String KEY = "lambda";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).payload(payload).list();
    }
}
