package io.detectorstudio.engine.model;

/** {@code Payload}: what an action sends; {@code type} is {@code STRING} or {@code JSON}. */
public record Payload(String contentExpression, String type) {

    public Payload withContentExpression(String contentExpression) {
        return new Payload(contentExpression, type);
    }

    public Payload withType(String type) {
        return new Payload(contentExpression, type);
    }
}
