package io.detectorstudio.delivery.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.delivery.bindings.Bindings.Aws;
import io.detectorstudio.delivery.bindings.Bindings.AwsService;
import io.detectorstudio.delivery.bindings.Bindings.Broker;
import io.detectorstudio.delivery.bindings.Bindings.Destination;
import io.detectorstudio.delivery.bindings.Bindings.Ingest;
import io.detectorstudio.delivery.bindings.Bindings.Mqtt;
import io.detectorstudio.delivery.bindings.Bindings.Retry;
import io.detectorstudio.delivery.bindings.Bindings.Rule;
import io.detectorstudio.delivery.bindings.Bindings.Webhook;
import io.detectorstudio.engine.io.LocatedJson;
import io.detectorstudio.engine.io.LocatingReader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.io.SourceRange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a bindings file (JSON or YAML, docs/bindings.md). Every problem is reported with the file, line:column and
 * JSON path of the value and what would be valid; nothing is guessed.
 */
public final class BindingsReader {

    /** The action types a binding can deliver ({@code iotEvents} goes back into the engine without one). */
    public static final List<String> TYPES = List.of("iotTopicPublish", "sns", "sqs", "lambda", "firehose", "dynamoDB",
            "dynamoDBv2", "iotSiteWise");

    private final Function<String, String> environment;
    private Path file;
    private LocatedJson doc;

    public BindingsReader() {
        this(System::getenv);
    }

    /** @param environment looks up {@code passwordEnv} variables */
    public BindingsReader(Function<String, String> environment) {
        this.environment = environment;
    }

    public Bindings read(Path file) throws BindingsException {
        this.file = file;
        try {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            doc = new LocatingReader().read(Files.readAllBytes(file), name.endsWith(".yaml") || name.endsWith(".yml"));
        } catch (IOException e) {
            throw new BindingsException(file + ": cannot read the bindings file: " + e.getMessage());
        } catch (ModelReadException e) {
            throw new BindingsException(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
        }
        JsonNode root = doc.root();
        object(root, "$");
        keys(root, "$", Set.of("brokers", "aws", "deliveries", "ingest", "retry", "deadLetter"));
        Map<String, Broker> brokers = brokers(root.path("brokers"));
        Aws aws = root.has("aws") ? aws(root.get("aws"), "$.aws") : Aws.DEFAULTS;
        List<Rule> rules = new ArrayList<>();
        JsonNode deliveries = root.path("deliveries");
        for (int i = 0; i < array(deliveries, "$.deliveries").size(); i++) {
            rules.add(rule(deliveries.get(i), "$.deliveries[" + i + "]", brokers));
        }
        List<Ingest> ingest = new ArrayList<>();
        JsonNode in = root.path("ingest");
        for (int i = 0; i < array(in, "$.ingest").size(); i++) {
            ingest.add(ingest(in.get(i), "$.ingest[" + i + "]", brokers));
        }
        Retry retry = root.has("retry") ? retry(root.get("retry"), "$.retry") : Retry.DEFAULTS;
        Path deadLetter = Path.of(root.has("deadLetter") ? text(root.get("deadLetter"), "$.deadLetter")
                : "dead-letters.jsonl");
        return new Bindings(brokers, aws, rules, ingest, retry, deadLetter);
    }

    private Map<String, Broker> brokers(JsonNode node) throws BindingsException {
        Map<String, Broker> brokers = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return brokers;
        }
        object(node, "$.brokers");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String path = "$.brokers." + name;
            JsonNode b = node.get(name);
            object(b, path);
            keys(b, path, Set.of("url", "clientId", "username", "password", "passwordEnv"));
            URI url = uri(required(b, path, "url"), path + ".url");
            String scheme = url.getScheme() == null ? "" : url.getScheme();
            boolean tls = switch (scheme) {
                case "tcp", "mqtt" -> false;
                case "ssl", "mqtts", "tls" -> true;
                default -> throw error(path + ".url", "a broker URL is tcp://HOST:PORT (or ssl://HOST:PORT for TLS), not '"
                        + url + "'");
            };
            if (url.getHost() == null) {
                throw error(path + ".url", "the URL has no host: write tcp://HOST:PORT");
            }
            int port = url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883;
            String password = b.has("password") ? text(b.get("password"), path + ".password") : null;
            if (b.has("passwordEnv")) {
                String variable = text(b.get("passwordEnv"), path + ".passwordEnv");
                password = environment.apply(variable);
                if (password == null) {
                    throw error(path + ".passwordEnv", "the environment variable " + variable + " is not set");
                }
            }
            brokers.put(name, new Broker(name, url.getHost(), port, tls,
                    b.has("username") ? text(b.get("username"), path + ".username") : null, password,
                    b.has("clientId") ? text(b.get("clientId"), path + ".clientId") : null));
        }
        return brokers;
    }

    private Aws aws(JsonNode node, String path) throws BindingsException {
        object(node, path);
        keys(node, path, Set.of("region", "profile", "endpoint"));
        return new Aws(node.has("region") ? text(node.get("region"), path + ".region") : null,
                node.has("profile") ? text(node.get("profile"), path + ".profile") : null,
                node.has("endpoint") ? uri(node.get("endpoint"), path + ".endpoint") : null);
    }

    private Rule rule(JsonNode node, String path, Map<String, Broker> brokers) throws BindingsException {
        object(node, path);
        keys(node, path, Set.of("type", "target", "to"));
        String type = text(required(node, path, "type"), path + ".type");
        if (type.equals("iotEvents")) {
            throw error(path + ".type", "iotEvents actions go back into the engine without a binding; bind one of "
                    + String.join(", ", TYPES));
        }
        if (!TYPES.contains(type)) {
            throw error(path + ".type", "'" + type + "' is not an action type that can be delivered; expected one of "
                    + String.join(", ", TYPES));
        }
        TargetPattern target = node.has("target") ? TargetPattern.of(text(node.get("target"), path + ".target")) : null;
        JsonNode to = required(node, path, "to");
        List<Destination> destinations = new ArrayList<>();
        if (to.isObject()) {
            destinations.add(destination(to, path + ".to", type, brokers));
        } else {
            for (int i = 0; i < array(to, path + ".to").size(); i++) {
                destinations.add(destination(to.get(i), path + ".to[" + i + "]", type, brokers));
            }
        }
        return new Rule(type, target, List.copyOf(destinations));
    }

    private Destination destination(JsonNode node, String path, String type, Map<String, Broker> brokers)
            throws BindingsException {
        object(node, path);
        keys(node, path, Set.of("mqtt", "aws", "http"));
        if (node.size() != 1) {
            throw error(path, "a destination is exactly one of mqtt:, aws:, http:");
        }
        String kind = node.fieldNames().next();
        JsonNode d = node.get(kind);
        String at = path + "." + kind;
        object(d, at);
        switch (kind) {
            case "mqtt" -> {
                keys(d, at, Set.of("broker", "topic", "qos", "retain"));
                String broker = text(required(d, at, "broker"), at + ".broker");
                if (!brokers.containsKey(broker)) {
                    throw error(at + ".broker", "no broker named '" + broker + "' under brokers:"
                            + (brokers.isEmpty() ? " (there are none)" : "; known: " + String.join(", ", brokers.keySet())));
                }
                String topic = d.has("topic") ? text(d.get("topic"), at + ".topic") : null;
                if (topic == null && !type.equals("iotTopicPublish")) {
                    throw error(at, "topic: is required: a " + type + " action has no MQTT topic of its own");
                }
                int qos = d.has("qos") ? d.get("qos").asInt(-1) : 1;
                if (qos < 0 || qos > 1 || (d.has("qos") && !d.get("qos").isIntegralNumber())) {
                    throw error(at + ".qos", "qos is 0 or 1 (IoT Events published with QoS 0 or 1)");
                }
                boolean retain = d.has("retain") && bool(d.get("retain"), at + ".retain");
                return new Mqtt(broker, topic, qos, retain);
            }
            case "aws" -> {
                if (type.equals("iotTopicPublish")) {
                    throw error(at, "iotTopicPublish is delivered to an MQTT broker (mqtt:) or a webhook (http:)");
                }
                return new AwsService(aws(d, at));
            }
            default -> {
                keys(d, at, Set.of("url", "headers"));
                URI url = uri(required(d, at, "url"), at + ".url");
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                    throw error(at + ".url", "a webhook URL starts with http:// or https://");
                }
                Map<String, String> headers = new LinkedHashMap<>();
                if (d.has("headers")) {
                    JsonNode h = d.get("headers");
                    object(h, at + ".headers");
                    for (Iterator<String> it = h.fieldNames(); it.hasNext(); ) {
                        String name = it.next();
                        headers.put(name, text(h.get(name), at + ".headers." + name));
                    }
                }
                return new Webhook(url, Map.copyOf(headers));
            }
        }
    }

    private Ingest ingest(JsonNode node, String path, Map<String, Broker> brokers) throws BindingsException {
        object(node, path);
        keys(node, path, Set.of("broker", "topic", "input", "select", "rename", "messageId"));
        String broker = text(required(node, path, "broker"), path + ".broker");
        if (!brokers.containsKey(broker)) {
            throw error(path + ".broker", "no broker named '" + broker + "' under brokers:");
        }
        String topic = text(required(node, path, "topic"), path + ".topic");
        String input = text(required(node, path, "input"), path + ".input");
        if (!input.matches("^[a-zA-Z][a-zA-Z0-9_]*$")) {
            throw error(path + ".input", "an input name matches ^[a-zA-Z][a-zA-Z0-9_]*$");
        }
        String select = node.has("select") ? jsonPath(node.get("select"), path + ".select") : null;
        Map<String, String> rename = new LinkedHashMap<>();
        if (node.has("rename")) {
            JsonNode r = node.get("rename");
            object(r, path + ".rename");
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String from = it.next();
                rename.put(from, text(r.get(from), path + ".rename." + from));
            }
        }
        String messageId = node.has("messageId") ? text(node.get("messageId"), path + ".messageId") : "contentHash";
        if (!messageId.equals("contentHash") && !messageId.equals("none")) {
            jsonPath(node.get("messageId"), path + ".messageId");
        }
        return new Ingest(broker, topic, input, select, Map.copyOf(rename), messageId);
    }

    private Retry retry(JsonNode node, String path) throws BindingsException {
        object(node, path);
        keys(node, path, Set.of("attempts", "initialBackoff", "maxBackoff", "timeout", "queueLimit"));
        Retry d = Retry.DEFAULTS;
        int attempts = node.has("attempts") ? positive(node.get("attempts"), path + ".attempts") : d.attempts();
        int queueLimit = node.has("queueLimit") ? positive(node.get("queueLimit"), path + ".queueLimit") : d.queueLimit();
        return new Retry(attempts,
                node.has("initialBackoff") ? duration(node.get("initialBackoff"), path + ".initialBackoff") : d.initialBackoff(),
                node.has("maxBackoff") ? duration(node.get("maxBackoff"), path + ".maxBackoff") : d.maxBackoff(),
                node.has("timeout") ? duration(node.get("timeout"), path + ".timeout") : d.timeout(), queueLimit);
    }

    // ---- value readers, each reporting where and what is expected

    private JsonNode required(JsonNode node, String path, String key) throws BindingsException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(path, key + ": is required here");
        }
        return v;
    }

    private void object(JsonNode node, String path) throws BindingsException {
        if (!node.isObject()) {
            throw error(path, "expected an object (key: value pairs), found " + node.getNodeType().name().toLowerCase());
        }
    }

    private JsonNode array(JsonNode node, String path) throws BindingsException {
        if (node.isMissingNode()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw error(path, "expected a list, found " + node.getNodeType().name().toLowerCase());
        }
        return node;
    }

    private void keys(JsonNode node, String path, Set<String> allowed) throws BindingsException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw error(path + "." + key, "unknown key '" + key + "'; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private String text(JsonNode node, String path) throws BindingsException {
        if (!node.isTextual() && !node.isNumber() || node.asText().isEmpty()) {
            throw error(path, "expected a non-empty string");
        }
        return node.asText();
    }

    private boolean bool(JsonNode node, String path) throws BindingsException {
        if (!node.isBoolean()) {
            throw error(path, "expected true or false");
        }
        return node.booleanValue();
    }

    private int positive(JsonNode node, String path) throws BindingsException {
        if (!node.isIntegralNumber() || node.asInt() < 1) {
            throw error(path, "expected a whole number of at least 1");
        }
        return node.asInt();
    }

    private String jsonPath(JsonNode node, String path) throws BindingsException {
        String p = text(node, path);
        if (!p.matches("\\$(\\.[A-Za-z0-9_\\-]+)+")) {
            throw error(path, "expected a path such as $.sensorData or $.device.id (dot-separated names after $)");
        }
        return p;
    }

    private URI uri(JsonNode node, String path) throws BindingsException {
        String s = text(node, path);
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw error(path, "not a URL: " + e.getMessage());
        }
    }

    private Duration duration(JsonNode node, String path) throws BindingsException {
        String s = text(node, path).trim();
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            if (s.endsWith("s") && !s.startsWith("P")) {
                return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
            }
            return Duration.parse(s);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw error(path, "expected a duration such as 500ms, 2s or PT30S, not '" + s + "'");
        }
    }

    private BindingsException error(String path, String message) {
        SourceRange at = doc.rangeOf(path);
        if (at == SourceRange.UNKNOWN) { // a missing key: point at the object that lacks it
            at = doc.rangeOf(path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "$");
        }
        return new BindingsException(file + ":" + at.line() + ":" + at.column() + ": " + path + ": " + message);
    }
}
