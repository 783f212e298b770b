package io.detectorstudio.engine.model;

import java.util.List;

/** {@code sns}: publishes to an SNS topic ({@code targetArn} is literal text). */
public record SnsAction(String targetArn, Payload payload) implements Action {

    public static final String KEY = "sns";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).payload(payload).list();
    }
}
