package io.detectorstudio.engine.model;

import java.util.List;

/** {@code iotSiteWise}: sends a property value to an asset property; every field is an expression. */
public record IotSiteWiseAction(String entryId, String assetId, String propertyId, String propertyAlias,
                                AssetPropertyValue propertyValue) implements Action {

    public static final String KEY = "iotSiteWise";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ExpressionField> expressionFields() {
        Fields fields = new Fields(KEY).expression("entryId", entryId).expression("assetId", assetId)
                .expression("propertyId", propertyId).expression("propertyAlias", propertyAlias);
        if (propertyValue != null) {
            AssetPropertyVariant v = propertyValue.value();
            if (v != null) {
                fields.expression("propertyValue.value.stringValue", v.stringValue())
                        .expression("propertyValue.value.integerValue", v.integerValue())
                        .expression("propertyValue.value.doubleValue", v.doubleValue())
                        .expression("propertyValue.value.booleanValue", v.booleanValue());
            }
            AssetPropertyTimestamp t = propertyValue.timestamp();
            if (t != null) {
                fields.expression("propertyValue.timestamp.timeInSeconds", t.timeInSeconds())
                        .expression("propertyValue.timestamp.offsetInNanos", t.offsetInNanos());
            }
            fields.expression("propertyValue.quality", propertyValue.quality());
        }
        return fields.list();
    }
}
