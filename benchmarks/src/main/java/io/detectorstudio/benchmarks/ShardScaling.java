package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.PerformedAction;
import io.detectorstudio.engine.runtime.VirtualClock;
import io.detectorstudio.engine.runtime.shard.ReadAhead;
import io.detectorstudio.engine.runtime.shard.ShardedEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two shards against one, measured in pairs: workload M from JSON bytes (as {@link ShardBenchmark#shardedFromJson})
 * on one shard, then at once on two, round after round in one JVM, and the ratio of each pair. On this shared
 * 2-vCPU machine a JMH fork's score moves by ±30 % from minute to minute with the host's load, so two scores
 * measured minutes apart (JMH runs each parameter's forks in turn) say little about their ratio; a pair measured
 * within a second sees the same host. Beside it, the same pairs for the ceiling: one and two plain engines, each
 * on its own thread over its own keys' messages, nothing shared. The first third of the rounds is warm-up.
 *
 * <pre>java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar io.detectorstudio.benchmarks.ShardScaling 30</pre>
 */
public final class ShardScaling {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ActionSink NO_SINK = new ActionSink() {
        @Override
        public void accept(ObjectNode action) {
        }

        @Override
        public void performed(PerformedAction action) {
        }
    };

    private ShardScaling() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        MotorFleet fleet = new MotorFleet();
        ObjectNode model = (ObjectNode) JSON.readTree(ShardScaling.class.getResourceAsStream("/motor.json"));
        List<List<ReadAhead.Payload>> calls = new ArrayList<>(MotorFleet.MESSAGES);
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            calls.add(List.of(new ReadAhead.Payload("PressureInput", null, fleet.json(i), null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ShardedEngine one = sharded(model, 1, calls); ShardedEngine two = sharded(model, 2, calls)) {
            Engine[] ceilingOne = engines(model, 1);
            Engine[] ceilingTwo = engines(model, 2);
            byte[][][] partsOne = parts(fleet, 1);
            byte[][][] partsTwo = parts(fleet, 2);
            List<Double> shardRatios = new ArrayList<>();
            List<Double> ceilingRatios = new ArrayList<>();
            List<Double> oneShard = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double s1 = rate(() -> run(one, calls));
                double s2 = rate(() -> run(two, calls));
                double c1 = rate(() -> run(ceilingOne, partsOne, pool));
                double c2 = rate(() -> run(ceilingTwo, partsTwo, pool));
                System.out.printf("round %2d: shards 1 %.2f M/s, 2 %.2f M/s (%.2f×); engines 1 %.2f M/s, 2 %.2f M/s "
                        + "(%.2f×)%n", r, s1 / 1e6, s2 / 1e6, s2 / s1, c1 / 1e6, c2 / 1e6, c2 / c1);
                if (r >= rounds / 3) {
                    shardRatios.add(s2 / s1);
                    ceilingRatios.add(c2 / c1);
                    oneShard.add(s1);
                }
            }
            System.out.printf("two shards ÷ one: median %.2f×, quartiles %.2f–%.2f× (one shard median %.2f M/s)%n",
                    median(shardRatios), quantile(shardRatios, 0.25), quantile(shardRatios, 0.75),
                    median(oneShard) / 1e6);
            System.out.printf("two engines ÷ one (the ceiling): median %.2f×, quartiles %.2f–%.2f×%n",
                    median(ceilingRatios), quantile(ceilingRatios, 0.25), quantile(ceilingRatios, 0.75));
        } finally {
            pool.shutdown();
        }
    }

    /** A sharded engine with every instance made (a first pass over the stream). */
    private static ShardedEngine sharded(ObjectNode model, int shards, List<List<ReadAhead.Payload>> calls)
            throws Exception {
        ShardedEngine engine = new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), shards);
        engine.setActionSink(NO_SINK);
        engine.putModel(model.deepCopy());
        run(engine, calls);
        return engine;
    }

    private static void run(ShardedEngine engine, List<List<ReadAhead.Payload>> calls) throws Exception {
        ReadAhead.putCalls(engine, calls, ShardBenchmark.READ_AHEAD);
        engine.quiesce();
    }

    private static Engine[] engines(ObjectNode model, int count) {
        Engine[] engines = new Engine[count];
        for (int i = 0; i < count; i++) {
            engines[i] = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
            engines[i].setActionSink(NO_SINK);
            engines[i].putModel(model.deepCopy());
        }
        return engines;
    }

    /** The stream's bytes split by key over {@code count} engines. */
    private static byte[][][] parts(MotorFleet fleet, int count) {
        List<List<byte[]>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            parts.get(fleet.keyOf[i] % count).add(fleet.json(i));
        }
        return parts.stream().map(p -> p.toArray(byte[][]::new)).toArray(byte[][][]::new);
    }

    /** Each engine on a thread of the pool over its own part, each message read and put as one call. */
    private static void run(Engine[] engines, byte[][][] parts, ExecutorService pool) throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < engines.length; i++) {
            Engine engine = engines[i];
            byte[][] part = parts[i];
            work.add(() -> {
                for (byte[] json : part) {
                    engine.putPrepared(List.of(engine.prepare("PressureInput", null, json, null)));
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    /** Messages per second of one pass over the 2^20 messages. */
    private static double rate(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return MotorFleet.MESSAGES / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }
}
