package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The job's output as Kafka records. Keys keep what must stay in order in one partition: an action's key is its
 * detector's key value (the model name for a keyless model), so a consumer reads each detector's actions in order;
 * a forwarded iotEvents message's key is the key value of the detector it is for ({@link Envelope#key}), the key
 * its own messages are produced with, so it queues behind them.
 */
final class KafkaRecords {

    private KafkaRecords() {
    }

    /** trace.md action objects, one per record. */
    static final class Actions implements KafkaRecordSerializationSchema<String> {

        private static final long serialVersionUID = 1L;
        private static final ObjectMapper JSON = new ObjectMapper();
        private final String topic;

        Actions(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(String action, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, timestamp, bytes(key(action)), bytes(action));
        }

        static String key(String action) {
            try {
                JsonNode node = JSON.readTree(action);
                return node.has("keyValue") ? node.get("keyValue").asText() : node.path("detectorModelName").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the engine wrote it
            }
        }
    }

    /** iotEvents messages for other detectors, back to the input topic as message entries with their timestamps. */
    static final class Forwarded implements KafkaRecordSerializationSchema<Envelope> {

        private static final long serialVersionUID = 1L;
        private final String topic;

        Forwarded(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(Envelope message, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, message.time, bytes(message.key), bytes(message.toLine()));
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
