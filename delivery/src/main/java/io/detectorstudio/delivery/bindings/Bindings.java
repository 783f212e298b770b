package io.detectorstudio.delivery.bindings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A bindings file (docs/bindings.md, schema docs/bindings.schema.json): where each action target is delivered and
 * which MQTT topics feed which inputs.
 *
 * @param brokers MQTT connections by name
 * @param aws the AWS client settings every AWS delivery starts from
 * @param rules action → deliveries; a rule with a target pattern wins over the default rule of its type
 * @param ingest MQTT topic filters → inputs
 * @param retry how often and how patiently a failing delivery is retried
 * @param deadLetter the JSON-lines file that receives what could not be delivered
 */
public record Bindings(Map<String, Broker> brokers, Aws aws, List<Rule> rules, List<Ingest> ingest, Retry retry,
                       Path deadLetter) {

    /** An MQTT broker connection. */
    public record Broker(String name, String host, int port, boolean tls, String username, String password,
                         String clientId) {
    }

    /** AWS client settings; null members mean the SDK's defaults (default region and credential chains). */
    public record Aws(String region, String profile, URI endpoint) {
        public static final Aws DEFAULTS = new Aws(null, null, null);

        /** These settings with {@code other}'s non-null members on top. */
        public Aws with(Aws other) {
            return new Aws(other.region != null ? other.region : region, other.profile != null ? other.profile : profile,
                    other.endpoint != null ? other.endpoint : endpoint);
        }
    }

    /**
     * Deliveries for the actions of one type whose target matches {@code target} (null: the type's default).
     *
     * @param type an action type ({@code sns}, {@code iotTopicPublish}, …)
     */
    public record Rule(String type, TargetPattern target, List<Destination> to) {
    }

    /** Where a matched action goes. */
    public sealed interface Destination permits Mqtt, AwsService, Webhook {
        /** A short name for counters and dead letters. */
        String describe();
    }

    /** Publish the payload to {@code topic} (null: the action's own {@code mqttTopic}). */
    public record Mqtt(String broker, String topic, int qos, boolean retain) implements Destination {
        @Override
        public String describe() {
            return "mqtt://" + broker + "/" + (topic == null ? "{mqttTopic}" : topic);
        }
    }

    /** Call the AWS service of the action type, with these settings over the file's {@code aws}. */
    public record AwsService(Aws settings) implements Destination {
        @Override
        public String describe() {
            return "aws";
        }
    }

    /** POST what the target would receive to {@code url}. */
    public record Webhook(URI url, Map<String, String> headers) implements Destination {
        @Override
        public String describe() {
            return url.toString();
        }
    }

    /**
     * Messages on an MQTT topic filter become BatchPutMessage entries for {@code input}.
     *
     * @param select a {@code $.path} whose value is the payload, or null for the whole message
     * @param rename top-level keys renamed after selection (old → new)
     * @param messageId {@code contentHash}, {@code none}, or a {@code $.path} into the message
     */
    public record Ingest(String broker, String topic, String input, String select, Map<String, String> rename,
                         String messageId) {
    }

    /**
     * @param attempts tries in all, the first included
     * @param timeout the longest one try may take (a slow target counts as failed)
     * @param queueLimit actions waiting per target before new ones go straight to the dead letters
     */
    public record Retry(int attempts, Duration initialBackoff, Duration maxBackoff, Duration timeout, int queueLimit) {
        public static final Retry DEFAULTS = new Retry(6, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 10_000);

        /** The wait before try {@code n + 1} after {@code n} failed tries: initial × 2^(n-1), at most the maximum. */
        public Duration backoffAfter(int failedTries) {
            long millis = initialBackoff.toMillis() << Math.min(Math.max(failedTries - 1, 0), 30);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }
}
