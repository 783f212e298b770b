package io.detectorstudio.engine.model;

import java.util.List;

/** {@code sqs}: sends a message to an SQS queue. */
public record SqsAction(String queueUrl, Boolean useBase64, Payload payload) implements Action {

    public static final String KEY = "sqs";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).payload(payload).list();
    }
}
