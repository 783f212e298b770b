package io.detectorstudio.delivery.transport;

import io.detectorstudio.delivery.Outgoing;
import io.detectorstudio.delivery.bindings.Bindings.Mqtt;
import io.detectorstudio.delivery.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Publishes what the target receives to the action's MQTT topic, or to the binding's topic for other types. */
public final class MqttTransport implements Transport {

    private final MqttConnection connection;
    private final Mqtt destination;

    public MqttTransport(MqttConnection connection, Mqtt destination) {
        this.connection = connection;
        this.destination = destination;
    }

    /** The topic an action is published to. */
    public static String topic(Mqtt destination, Outgoing outgoing) {
        return destination.topic() != null ? destination.topic() : outgoing.target();
    }

    @Override
    public void send(Outgoing outgoing, Duration timeout) throws Exception {
        connection.publish(topic(destination, outgoing), outgoing.body().getBytes(StandardCharsets.UTF_8),
                destination.qos(), destination.retain(), timeout);
    }
}
