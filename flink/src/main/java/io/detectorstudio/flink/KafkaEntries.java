package io.detectorstudio.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records whose values are BatchPutMessage entries (one message line of {@code run}); a message without a
 * timestamp takes the record's. A malformed record is reported and skipped.
 */
final class KafkaEntries implements KafkaRecordDeserializationSchema<Envelope> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Envelope> out) {
        if (record.value() == null) {
            return;
        }
        try {
            Envelope e = new MessageLines(Long.MIN_VALUE).read(record.offset(),
                    new String(record.value(), StandardCharsets.UTF_8));
            if (e != null && !e.tick) {
                e.time = e.time == Long.MIN_VALUE ? record.timestamp() : e.time;
                out.collect(e);
            }
        } catch (IllegalArgumentException bad) {
            System.err.println("kafka " + record.topic() + "/" + record.partition() + "@" + record.offset() + ": "
                    + bad.getMessage());
        }
    }

    @Override
    public TypeInformation<Envelope> getProducedType() {
        return TypeInformation.of(Envelope.class);
    }
}
