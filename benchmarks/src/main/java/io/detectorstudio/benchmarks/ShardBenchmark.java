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
import io.detectorstudio.engine.runtime.shard.ReadAhead;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Workload M pre-parsed (as {@link EngineBenchmark#engineParsed}) and from JSON bytes on a {@link ShardedEngine}
 * with 1 and 2 shards,
 * beside the plain engine and the ceiling of the same run. One invocation = the 2^20 messages put one per call,
 * then a wait until every shard has run them; scores are messages per second. With one shard the cycles run on
 * the calling thread; with two, the calling thread routes and runs shard 0's cycles, and a worker thread runs
 * shard 1's (from JSON bytes, both read the payloads).
 * {@code independentEngines} is the hand-made ceiling of sharding: {@code shards} plain engines, each on its own
 * thread over the messages of its own keys, routed (and parsed on that thread) before the measurement — what the
 * machine gives that many threads with nothing shared.
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
    private PreparedMessage[] prepared;
    /** the stream as JSON bytes, one message per BatchPutMessage call */
    private List<List<ReadAhead.Payload>> calls;
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

    /**
     * Builds what the benchmark reads, and only that: the stream as trees, bytes or prepared messages (each is
     * hundreds of MB that would otherwise be live in every benchmark, for the collector to scan and copy).
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        String benchmark = params.getBenchmark();
        MotorFleet fleet = new MotorFleet();
        ObjectNode model = (ObjectNode) JSON.readTree(ShardBenchmark.class.getResourceAsStream("/motor.json"));
        pool = java.util.concurrent.Executors.newFixedThreadPool(shards);
        if (benchmark.endsWith(".independentEngines")) {
            buildIndependentEngines(fleet, model);
            return;
        }
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
        byte[][] bytes = new byte[MotorFleet.MESSAGES][];
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            bytes[i] = fleet.json(i);
        }
        if (benchmark.endsWith(".shardedPrepared")) {
            prepared = new PreparedMessage[MotorFleet.MESSAGES];
            for (int i = 0; i < MotorFleet.MESSAGES; i++) {
                prepared[i] = sharded.prepare("PressureInput", null, bytes[i], null);
            }
        } else if (benchmark.endsWith(".shardedFromJson")) {
            calls = new java.util.ArrayList<>(MotorFleet.MESSAGES);
            for (byte[] json : bytes) {
                calls.add(List.of(new ReadAhead.Payload("PressureInput", null, json, null)));
            }
        } else {
            messages = new Message[MotorFleet.MESSAGES];
            for (int i = 0; i < MotorFleet.MESSAGES; i++) {
                messages[i] = new Message("PressureInput", null, JSON.readTree(bytes[i]), null);
            }
        }
    }

    /**
     * The ceiling's engines, each with the messages of its keys parsed on a thread of its own: two engines whose
     * objects lie apart in memory, as two processes' would (built on one thread, their objects interleave, and each
     * thread reads the other's cache lines along with its own).
     */
    private void buildIndependentEngines(MotorFleet fleet, ObjectNode model) throws Exception {
        independent = new Engine[shards];
        independentParts = new Message[shards][];
        List<java.util.concurrent.Callable<Void>> build = new java.util.ArrayList<>();
        for (int s = 0; s < shards; s++) {
            int shard = s;
            build.add(() -> {
                Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
                engine.setActionSink(new Counter());
                engine.putModel(model.deepCopy());
                List<Message> part = new java.util.ArrayList<>();
                for (int i = 0; i < MotorFleet.MESSAGES; i++) {
                    if (fleet.keyOf[i] % shards == shard) {
                        part.add(new Message("PressureInput", null, JSON.readTree(fleet.json(i)), null));
                    }
                }
                for (Message m : part) { // every instance exists first, as above
                    engine.put(List.of(m));
                }
                independent[shard] = engine;
                independentParts[shard] = part.toArray(Message[]::new);
                return null;
            });
        }
        for (java.util.concurrent.Future<Void> f : pool.invokeAll(build)) {
            f.get();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (sharded != null) {
            sharded.close();
        }
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

    /** Calls (of one message) read per part: the shards read one part while the coordinator routes the last. */
    static final int READ_AHEAD = 8192;

    /**
     * From JSON bytes, as {@code bench} reads them: the shards read each part of the stream ({@link ReadAhead})
     * while the coordinator routes the part before and they run its cycles. With one shard all of it runs on the
     * calling thread.
     */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long shardedFromJson() throws Exception {
        ReadAhead.putCalls(sharded, calls, READ_AHEAD);
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
