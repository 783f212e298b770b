package io.detectorstudio.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.delivery.bindings.Bindings;
import io.detectorstudio.delivery.bindings.Bindings.AwsService;
import io.detectorstudio.delivery.bindings.Bindings.Destination;
import io.detectorstudio.delivery.bindings.Bindings.Mqtt;
import io.detectorstudio.delivery.bindings.Bindings.Rule;
import io.detectorstudio.delivery.bindings.Bindings.Webhook;
import io.detectorstudio.delivery.bindings.BindingsReader;
import io.detectorstudio.delivery.mqtt.MqttConnection;
import io.detectorstudio.delivery.mqtt.MqttIngestion;
import io.detectorstudio.delivery.transport.AwsClients;
import io.detectorstudio.delivery.transport.AwsTransport;
import io.detectorstudio.delivery.transport.MqttTransport;
import io.detectorstudio.delivery.transport.Transport;
import io.detectorstudio.delivery.transport.WebhookTransport;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.PerformedAction;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The deliveries of one bindings file, live: an {@link ActionSink} that hands every external action to the lanes
 * of its bound targets (never blocking the engine), and the MQTT ingestions that feed a {@link MessageIngress}.
 *
 * <p>Hooking it into something that runs models is two lines:
 * <pre>{@code
 * Deliveries deliveries = Deliveries.start(bindings, ingress, System.err::println);
 * engine.setActionSink(deliveries);          // or call deliveries.performed(action) from your own sink
 * ...
 * deliveries.close(Duration.ofSeconds(10));   // drains, then dead-letters what is left
 * }</pre>
 */
public final class Deliveries implements ActionSink, AutoCloseable {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(5);

    private final Bindings bindings;
    private final Consumer<String> log;
    private final DeadLetters deadLetters;
    private final Map<String, MqttConnection> connections = new LinkedHashMap<>();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final List<MqttIngestion> ingestions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AwsClients aws;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong unbound = new AtomicLong();

    private Deliveries(Bindings bindings, Consumer<String> log) {
        this.bindings = bindings;
        this.log = log;
        this.deadLetters = new DeadLetters(bindings.deadLetter());
        this.aws = new AwsClients(bindings.retry().timeout());
    }

    /**
     * Connects the brokers the bindings name (waiting a few seconds at most: an unreachable broker is retried in
     * the background) and subscribes the ingestions, which put into {@code ingress}.
     */
    public static Deliveries start(Bindings bindings, MessageIngress ingress, Consumer<String> log) {
        Deliveries d = open(bindings, log);
        d.startIngestion(ingress);
        return d;
    }

    /**
     * The delivering half only: connects the brokers, ready to take actions. For a host that must take actions
     * before it can take messages (serve: timers due at start), followed by {@link #startIngestion} once it can.
     */
    public static Deliveries open(Bindings bindings, Consumer<String> log) {
        Deliveries d = new Deliveries(bindings, log);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        bindings.brokers().values().forEach(b -> {
            MqttConnection c = new MqttConnection(b, log);
            d.connections.put(b.name(), c);
            pending.add(c.connect());
        });
        await(pending, log, "connect to the MQTT broker");
        return d;
    }

    /** Subscribes every {@code ingest} binding; their messages go to {@code ingress}. */
    public void startIngestion(MessageIngress ingress) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (Bindings.Ingest in : bindings.ingest()) {
            MqttIngestion ingestion = new MqttIngestion(in, ingress, deadLetters, log);
            ingestions.add(ingestion);
            pending.add(ingestion.start(connections.get(in.broker())));
        }
        await(pending, log, "subscribe");
    }

    /** Stops taking MQTT messages (before the host stops, so no message is taken that it cannot finish). */
    public void stopIngestion() {
        ingestions.forEach(MqttIngestion::close);
    }

    private static void await(List<CompletableFuture<?>> futures, Consumer<String> log, String what) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.accept("delivery: could not " + what + " yet (" + Lane.describe(e) + "); retrying in the background");
        }
    }

    @Override
    public void performed(PerformedAction action) {
        if (action.delivery() != null && BindingsReader.TYPES.contains(action.type())) {
            route(new Outgoing(action.toJson(), action.delivery()));
        }
    }

    /** Delivers one action object of trace.md (with its {@code delivered} member) to its bound targets. */
    @Override
    public void accept(ObjectNode action) {
        if (BindingsReader.TYPES.contains(action.path("type").asText()) && action.has("delivered")
                && !action.has("error")) {
            route(Outgoing.of(action));
        }
    }

    private void route(Outgoing outgoing) {
        List<Destination> destinations = destinations(outgoing);
        if (destinations.isEmpty()) {
            unbound.incrementAndGet();
            return;
        }
        for (Destination destination : destinations) {
            String name = laneName(destination, outgoing);
            lanes.computeIfAbsent(name, n -> new Lane(n, transport(destination), bindings.retry(), deadLetters))
                    .offer(outgoing);
        }
    }

    /** The first rule of the type whose target pattern matches, else the type's default rule (no pattern). */
    List<Destination> destinations(Outgoing outgoing) {
        Rule fallback = null;
        for (Rule rule : bindings.rules()) {
            if (!rule.type().equals(outgoing.type())) {
                continue;
            }
            if (rule.target() == null) {
                fallback = fallback == null ? rule : fallback;
            } else if (rule.target().matches(outgoing.target())) {
                return rule.to();
            }
        }
        return fallback == null ? List.of() : fallback.to();
    }

    private static String laneName(Destination destination, Outgoing outgoing) {
        if (destination instanceof Mqtt m) {
            return "mqtt://" + m.broker() + "/" + MqttTransport.topic(m, outgoing);
        }
        if (destination instanceof Webhook w) {
            return w.url() + " (" + outgoing.type() + " " + outgoing.target() + ")";
        }
        return "aws " + outgoing.type() + " " + outgoing.target();
    }

    private Transport transport(Destination destination) {
        if (destination instanceof Mqtt m) {
            return new MqttTransport(connections.get(m.broker()), m);
        }
        if (destination instanceof Webhook w) {
            return new WebhookTransport(http, w);
        }
        return new AwsTransport(aws, bindings.aws().with(((AwsService) destination).settings()));
    }

    /** Counters per target (lane name), sorted by name. */
    public Map<String, TargetCounters.Snapshot> counters() {
        Map<String, TargetCounters.Snapshot> out = new TreeMap<>();
        lanes.forEach((name, lane) -> out.put(name, lane.counters.snapshot()));
        return out;
    }

    /** External actions no rule matched (they were only printed / traced). */
    public long unbound() {
        return unbound.get();
    }

    public List<MqttIngestion> ingestions() {
        return List.copyOf(ingestions);
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** Waits until every lane has delivered or dead-lettered what it was given; false when time ran out. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (lanes.values().stream().allMatch(Lane::idle)) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** Stops the ingestions, gives the lanes {@code drain} to finish, dead-letters the rest, disconnects. */
    public void close(Duration drain) {
        stopIngestion();
        // a caller stopped by an interrupt (Ctrl-C in run) still gets its drain: the flag is put back afterwards
        boolean interrupted = Thread.interrupted();
        long deadline = System.currentTimeMillis() + drain.toMillis();
        for (Lane lane : lanes.values()) {
            try {
                lane.close(deadline);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        connections.values().forEach(MqttConnection::close);
        aws.close();
        try {
            deadLetters.close();
        } catch (java.io.IOException e) {
            log.accept("delivery: " + e.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
