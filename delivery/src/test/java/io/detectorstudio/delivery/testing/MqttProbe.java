package io.detectorstudio.delivery.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test device/dashboard on the broker: publishes readings, collects what arrives on the topics it watches. */
public final class MqttProbe implements AutoCloseable {

    /** One message as received. */
    public record Received(String topic, String payload) {
    }

    private final Mqtt5BlockingClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    public MqttProbe(int port) {
        client = MqttClient.builder().useMqttVersion5().identifier("probe-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(port)
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect().buildBlocking();
        client.connect();
    }

    public MqttProbe watch(String topicFilter) {
        client.toAsync().subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> received.add(new Received(p.getTopic().toString(),
                        new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)))).send().join();
        return this;
    }

    public void publish(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    /** The next message, or null after {@code millis}. */
    public Received next(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (RuntimeException e) {
            // the broker is already gone
        }
    }
}
