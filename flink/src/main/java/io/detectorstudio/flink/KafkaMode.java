package io.detectorstudio.flink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The job's Kafka wiring: entries from the input topic (read_committed, so aborted transactions of the job's own
 * loop are never read; event time per partition, idle partitions left out), actions to the output topic and
 * forwarded iotEvents messages back to the input topic, both through transactional (exactly-once) sinks whose
 * transactional ids start with the consumer group, so two jobs on one cluster do not fence each other.
 */
final class KafkaMode {

    /**
     * Kafka's transactions must stay open from one checkpoint to the next and across a restart; Flink's default
     * (1 hour) is above the broker's default {@code transaction.max.timeout.ms} (15 minutes), which makes every
     * transactional producer fail at start. 15 minutes fits both.
     */
    static final String TRANSACTION_TIMEOUT_MS = String.valueOf(Duration.ofMinutes(15).toMillis());

    private final String bootstrap;
    private final String inputTopic;
    private final String outputTopic;
    private final String group;
    private final Map<String, String> properties;

    KafkaMode(String bootstrap, String inputTopic, String outputTopic, String group, Map<String, String> properties) {
        this.bootstrap = bootstrap;
        this.inputTopic = inputTopic;
        this.outputTopic = outputTopic;
        this.group = group;
        this.properties = Map.copyOf(properties);
    }

    /**
     * Whether the brokers answer and both topics exist, within {@code timeout}: null when they do, otherwise one
     * line saying what is wrong and which option to change.
     */
    String problem(Duration timeout) throws InterruptedException {
        Properties admin = new Properties();
        admin.putAll(properties);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin client = Admin.create(admin)) {
            for (String topic : List.of(inputTopic, outputTopic)) {
                String option = topic.equals(inputTopic) ? "--kafka-input-topic" : "--kafka-output-topic";
                try {
                    client.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        return "the Kafka topic '" + topic + "' (" + option + ") does not exist at " + bootstrap
                                + ": create it (partitioned by the models' key values) or name another";
                    }
                    if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                        return unreachable(timeout);
                    }
                    return "cannot use Kafka at " + bootstrap + " (--kafka-bootstrap): " + e.getCause().getMessage();
                } catch (TimeoutException e) {
                    return unreachable(timeout);
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            Throwable cause = e; // "Failed to create new KafkaAdminClient" wraps what is wrong
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return "cannot use Kafka at " + bootstrap + " (--kafka-bootstrap, --kafka-property): " + cause.getMessage();
        }
        return null;
    }

    private String unreachable(Duration timeout) {
        return "no Kafka broker answered at " + bootstrap + " within " + timeout.toSeconds()
                + " s (--kafka-bootstrap HOST:PORT,...; security settings go in --kafka-property KEY=VALUE)";
    }

    /** The input topic's entries with their times; event time with per-partition watermarks. */
    DataStream<Envelope> messages(StreamExecutionEnvironment env, WatermarkStrategy<Envelope> time) {
        KafkaSource<Envelope> source = KafkaSource.<Envelope>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(inputTopic)
                .setGroupId(group)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setProperties(properties())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setDeserializer(new KafkaEntries())
                .build();
        return env.fromSource(source, time, "kafka messages").uid("kafka-messages");
    }

    KafkaSink<String> actions() {
        return sink(new KafkaRecords.Actions(outputTopic), "actions");
    }

    KafkaSink<Envelope> forwarded() {
        return sink(new KafkaRecords.Forwarded(inputTopic), "forwarded");
    }

    private <T> KafkaSink<T> sink(KafkaRecordSerializationSchema<T> records, String what) {
        Properties producer = properties();
        producer.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(records)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(group + "-" + what)
                .build();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }
}
