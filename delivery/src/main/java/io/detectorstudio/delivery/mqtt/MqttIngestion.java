package io.detectorstudio.delivery.mqtt;

import io.detectorstudio.delivery.DeadLetters;
import io.detectorstudio.delivery.MessageIngress;
import io.detectorstudio.delivery.bindings.Bindings.Ingest;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One {@code ingest} binding: subscribes to its topic filter (QoS 1) and puts each message into the models as an
 * entry for its input, one at a time in arrival order. A message is acknowledged to the broker after the ingress
 * took it; one that cannot be used (not JSON, refused by the engine) goes to the dead letters with the reason.
 */
public final class MqttIngestion implements AutoCloseable {

    private final Ingest ingest;
    private final IngestMapping mapping;
    private final MessageIngress ingress;
    private final DeadLetters deadLetters;
    private final Consumer<String> log;
    private final ExecutorService executor;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public MqttIngestion(Ingest ingest, MessageIngress ingress, DeadLetters deadLetters, Consumer<String> log) {
        this.ingest = ingest;
        this.mapping = new IngestMapping(ingest);
        this.ingress = ingress;
        this.deadLetters = deadLetters;
        this.log = log;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ingest " + ingest.topic() + " -> " + ingest.input());
            t.setDaemon(true);
            return t;
        });
    }

    public CompletableFuture<?> start(MqttConnection connection) {
        return connection.subscribe(ingest.topic(), executor, publish -> take(publish.getTopic().toString(),
                publish.getPayloadAsBytes()));
    }

    void take(String topic, byte[] payload) {
        received.incrementAndGet();
        String problem;
        try {
            Message message = mapping.map(topic, payload);
            List<MessageError> errors = ingress.put(List.of(message));
            if (errors.isEmpty()) {
                return;
            }
            problem = errors.get(0).errorCode() + ": " + errors.get(0).errorMessage();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        } catch (Exception e) {
            problem = "could not be taken in: " + e;
        }
        rejected.incrementAndGet();
        log.accept("mqtt " + topic + " -> " + ingest.input() + ": message rejected (" + problem + "); see "
                + deadLetters.file());
        deadLetters.rejectedMessage(topic, ingest.input(), new String(payload, StandardCharsets.UTF_8), problem);
    }

    public long received() {
        return received.get();
    }

    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
