package io.detectorstudio.delivery.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.detectorstudio.delivery.bindings.Bindings.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One MQTT 5 connection to a broker of the bindings file (HiveMQ MQTT client), shared by the deliveries and the
 * ingestion that name the broker. It reconnects by itself (200 ms doubling to 5 s) for as long as it lives and
 * re-subscribes when the broker lost the session (a broker restart); the session is kept for an hour, so QoS 1
 * messages the broker holds for us while we are away are delivered after the reconnect.
 */
public final class MqttConnection implements AutoCloseable {

    private static final long SESSION_EXPIRY_SECONDS = 3600;

    private final Broker broker;
    private final Mqtt5AsyncClient client;

    public MqttConnection(Broker broker, Consumer<String> log) {
        this.broker = broker;
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier(broker.clientId() != null ? broker.clientId()
                        : "detector-studio-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(broker.host()).serverPort(broker.port())
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addDisconnectedListener(context -> {
                    // once per outage, and not when we said goodbye ourselves
                    if (context.getReconnector().getAttempts() == 0
                            && context.getSource() != com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource.USER) {
                        log.accept("mqtt " + broker.name() + " (" + broker.host() + ":" + broker.port()
                                + "): disconnected (" + context.getCause().getMessage() + "); reconnecting");
                    }
                })
                .addConnectedListener(context -> log.accept("mqtt " + broker.name() + ": connected to "
                        + broker.host() + ":" + broker.port()));
        if (broker.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (broker.username() != null) {
            builder = builder.simpleAuth().username(broker.username())
                    .password(broker.password() == null ? new byte[0] : broker.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        client = builder.buildAsync();
    }

    public String name() {
        return broker.name();
    }

    /** Starts connecting; the future completes with the first connection (the client keeps retrying after a failure). */
    public CompletableFuture<?> connect() {
        return client.connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY_SECONDS).send();
    }

    /**
     * Publishes and waits for the broker's PUBACK (QoS 1) or the hand-over to the socket (QoS 0).
     *
     * @throws Exception when the broker refused it, the connection is down, or it took longer than {@code timeout}
     */
    public void publish(String topic, byte[] payload, int qos, boolean retain, Duration timeout) throws Exception {
        Mqtt5PublishResult result = client.publishWith().topic(topic).qos(qos == 1 ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE)
                .retain(retain).payload(payload).send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (result.getError().isPresent()) {
            Throwable error = result.getError().get();
            throw error instanceof Exception e ? e : new RuntimeException(error);
        }
    }

    /**
     * Subscribes with QoS 1; {@code handler} runs on {@code executor}, one message at a time, and the message is
     * acknowledged to the broker only after it returns, so a message is never acknowledged before it was taken in.
     */
    public CompletableFuture<?> subscribe(String topicFilter, Executor executor, Consumer<Mqtt5Publish> handler) {
        return client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish -> {
                    handler.accept(publish);
                    publish.acknowledge();
                })
                .executor(executor).manualAcknowledgement(true).send();
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // not connected (or the broker went away): nothing to say goodbye to
        }
    }
}
