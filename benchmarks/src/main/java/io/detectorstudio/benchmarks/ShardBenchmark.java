package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.PerformedAction;
import io.detectorstudio.engine.runtime.PreparedMessage;
import io.detectorstudio.engine.runtime.VirtualClock;
import io.detectorstudio.engine.runtime.shard.ShardedEngine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload M pre-parsed (as {@link EngineBenchmark#engineParsed}) and from JSON bytes on a {@link ShardedEngine}
 * with 1 and 2 shards,
 * beside the plain engine and the ceiling of the same run. One invocation = the 2^20 messages put one per call,
 * then a wait until every shard has run them; scores are messages per second. With one shard the cycles run on
 * the calling thread; with two, the calling thread routes and two worker threads run the cycles.
 * {@code independentEngines} is the hand-made ceiling of sharding: {@code shards} plain engines, each on its own
 * thread over the messages of its own keys, routed before the measurement — what the machine gives that many
 * threads with nothing shared.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ShardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Param({"1", "2"})
    int shards;

    private ShardedEngine sharded;
    private Engine single;
    private Engine[] independent;
    private Message[][] independentParts;
    private java.util.concurrent.ExecutorService pool;
    private Message[] messages;
    private byte[][] bytes;
    private PreparedMessage[] prepared;
    final LongAdder actions = new LongAdder();

    /** Counts actions (from every shard's thread) without asking for their JSON. */
    final class Counter implements ActionSink {
        @Override
        public void accept(ObjectNode action) {
            actions.increment();
        }

        @Override
        public void performed(PerformedAction action) {
            actions.increment();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        MotorFleet fleet = new MotorFleet();
        ObjectNode model = (ObjectNode) JSON.readTree(ShardBenchmark.class.getResourceAsStream("/motor.json"));
        sharded = new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), shards);
        sharded.setActionSink(new Counter());
        sharded.putModel(model.deepCopy());
        single = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        single.setActionSink(new Counter());
        single.putModel(model.deepCopy());
        for (int k = 0; k < MotorFleet.KEYS; k++) { // steady state: every instance exists
            Message first = new Message("PressureInput", null, JSON.readTree("{\"motorid\":\"" + fleet.keys[k]
                    + "\",\"sensorData\":{\"pressure\":50}}"), null);
            sharded.put(List.of(first));
            single.put(List.of(first));
        }
        sharded.quiesce();
        messages = new Message[MotorFleet.MESSAGES];
        bytes = new byte[MotorFleet.MESSAGES][];
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            bytes[i] = fleet.json(i);
            messages[i] = new Message("PressureInput", null, JSON.readTree(bytes[i]), null);
        }
        prepared = new PreparedMessage[MotorFleet.MESSAGES];
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            prepared[i] = sharded.prepare("PressureInput", null, bytes[i], null);
        }
        independent = new Engine[shards];
        List<List<Message>> parts = new java.util.ArrayList<>();
        for (int s = 0; s < shards; s++) {
            independent[s] = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
            independent[s].setActionSink(new Counter());
            independent[s].putModel(model.deepCopy());
            parts.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            parts.get(fleet.keyOf[i] % shards).add(messages[i]);
        }
        independentParts = parts.stream().map(p -> p.toArray(Message[]::new)).toArray(Message[][]::new);
        for (int s = 0; s < shards; s++) {
            for (Message m : independentParts[s]) { // every instance exists first, as above
                independent[s].put(List.of(m));
            }
        }
        pool = java.util.concurrent.Executors.newFixedThreadPool(shards);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sharded.close();
        pool.shutdown();
    }

    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long sharded() {
        for (Message m : messages) {
            sharded.put(List.of(m));
        }
        sharded.quiesce();
        return actions.sum();
    }

    /**
     * Pre-parsed as the engine's own form (as {@link EngineBenchmark#enginePrepared}): each message read for the
     * models beforehand ({@link ShardedEngine#prepare}, which needs no instance and can run where the message
     * arrives); the coordinator only routes.
     */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long shardedPrepared() {
        for (PreparedMessage m : prepared) {
            sharded.putPrepared(List.of(m));
        }
        sharded.quiesce();
        return actions.sum();
    }

    /**
     * From JSON bytes, as {@code serve} and {@code run} receive messages: the coordinator reads each payload for
     * the models ({@link ShardedEngine#prepare}) and routes it; the shards run the cycles.
     */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long shardedFromJson() throws Exception {
        for (byte[] b : bytes) {
            sharded.putPrepared(List.of(sharded.prepare("PressureInput", null, b, null)));
        }
        sharded.quiesce();
        return actions.sum();
    }

    /** The engine without shards, same messages, same run (its score does not depend on {@code shards}). */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long singleEngine() {
        for (Message m : messages) {
            single.put(List.of(m));
        }
        return actions.sum();
    }

    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long independentEngines() throws Exception {
        List<java.util.concurrent.Callable<Void>> work = new java.util.ArrayList<>();
        for (int s = 0; s < shards; s++) {
            Engine engine = independent[s];
            Message[] part = independentParts[s];
            work.add(() -> {
                for (Message m : part) {
                    engine.put(List.of(m));
                }
                return null;
            });
        }
        for (java.util.concurrent.Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
        return actions.sum();
    }
}
