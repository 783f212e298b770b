package io.detectorstudio.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Delivery;

/**
 * One external action on its way out: the trace.md action object and what its target receives (the engine's
 * {@link Delivery}, the action object's {@code delivered} member; semantics §A.4 / §C.11).
 *
 * @param action the action object (shared: never modified)
 */
public record Outgoing(ObjectNode action, Delivery delivery) {

    /** From an action object that carries its {@code delivered} member. */
    public static Outgoing of(ObjectNode action) {
        return new Outgoing(action, new Delivery(action.path("type").asText(), (ObjectNode) action.get("delivered")));
    }

    public String type() {
        return delivery.type();
    }

    /** The ARN, URL, stream, topic or table the action addresses; for iotSiteWise the alias or asset id. */
    public String target() {
        return delivery.target();
    }

    /** The {@code delivered} object. */
    public ObjectNode delivered() {
        return delivery.toJson();
    }

    /**
     * The text a message-like target receives (SNS message, SQS body, Lambda payload, Firehose record, MQTT
     * payload); for DynamoDB and SiteWise, whose request is structured, the {@code delivered} object as JSON.
     */
    public String body() {
        String body = delivery.body();
        return body != null ? body : delivery.toJson().toString();
    }
}
