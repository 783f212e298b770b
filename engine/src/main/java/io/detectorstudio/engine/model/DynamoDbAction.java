package io.detectorstudio.engine.model;

import java.util.List;

/** {@code dynamoDB}: writes one DynamoDB row; every field is an expression (literals quoted). */
public record DynamoDbAction(String hashKeyType, String hashKeyField, String hashKeyValue, String rangeKeyType, String rangeKeyField, String rangeKeyValue, String operation, String payloadField, String tableName, Payload payload) implements Action {

    public static final String KEY = "dynamoDB";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return new Fields(KEY)
                .expression("hashKeyType", hashKeyType).expression("hashKeyField", hashKeyField)
                .expression("hashKeyValue", hashKeyValue).expression("rangeKeyType", rangeKeyType)
                .expression("rangeKeyField", rangeKeyField).expression("rangeKeyValue", rangeKeyValue)
                .expression("operation", operation).expression("payloadField", payloadField)
                .expression("tableName", tableName).payload(payload).list();
    }
}
