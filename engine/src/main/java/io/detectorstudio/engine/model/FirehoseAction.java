package io.detectorstudio.engine.model;

import java.util.List;

/** {@code firehose}: puts a record into a Kinesis Data Firehose stream. */
public record FirehoseAction(String deliveryStreamName, String separator, Payload payload) implements Action {

    public static final String KEY = "firehose";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).payload(payload).list();
    }
}
