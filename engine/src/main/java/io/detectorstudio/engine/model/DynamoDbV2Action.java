package io.detectorstudio.engine.model;

import java.util.List;

/** {@code dynamoDBv2}: writes the JSON payload as columns of a DynamoDB row; every field is an expression. */
public record DynamoDbV2Action(String tableName, Payload payload) implements Action {

    public static final String KEY = "dynamoDBv2";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY).expression("tableName", tableName).payload(payload).list();
    }
}
