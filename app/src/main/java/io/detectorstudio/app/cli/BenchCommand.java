package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.runtime.Detectors;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.shard.ReadAhead;
import io.detectorstudio.engine.runtime.shard.ShardedEngine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.model.JsonPaths;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.PerformedAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench FILE}: drives the engine with generated messages (every {@code $input.X.path} the model reads gets
 * a number from 20 to 100, the key a value from a fixed set) and prints throughput, latency and heap per instance.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine on a model with generated messages: messages/s, p50/p99 latency and "
                + "bytes per detector instance.")
public final class BenchCommand implements Callable<Integer> {

    private static final Pattern INPUT_PATH = Pattern.compile("\\$input\\.([A-Za-z][A-Za-z0-9_]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    @Parameters(index = "0", paramLabel = "FILE", description = "the model file")
    Path file;

    @Option(names = "--inputs", paramLabel = "PATH", description = "accepted for symmetry with run; paths come from the model")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--detectors", defaultValue = "10000", description = "distinct keys (default ${DEFAULT-VALUE})")
    int detectors;

    @Option(names = "--messages", defaultValue = "1000000", description = "measured messages (default ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--evaluation", paramLabel = "BATCH|SERIAL", description = "override the model's evaluation method")
    String evaluation;

    @Option(names = "--seed", defaultValue = "20240611", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "worker threads (shards) the "
            + "detectors are spread over by key (default ${DEFAULT-VALUE}: the engine on the calling thread)")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedModel model;
        try {
            model = new ModelLoader().load(file).model(null);
        } catch (ModelReadException e) {
            spec.commandLine().getErr().println(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        ObjectNode request = model.request().deepCopy();
        if (evaluation != null) {
            if (!evaluation.equals("BATCH") && !evaluation.equals("SERIAL")) {
                spec.commandLine().getErr().println("bench: --evaluation must be BATCH or SERIAL");
                return ExitCodes.CANNOT_RUN;
            }
            request.put("evaluationMethod", evaluation);
        }
        if (threads < 1) {
            spec.commandLine().getErr().println("bench: --threads must be at least 1, not " + threads);
            return ExitCodes.CANNOT_RUN;
        }
        Map<String, List<String[]>> paths = readPaths(request);
        if (paths.isEmpty()) {
            spec.commandLine().getErr().println("bench: the model reads no $input.NAME.path, nothing to generate");
            return ExitCodes.CANNOT_RUN;
        }
        String[] keyPath = request.hasNonNull("key")
                ? JsonPaths.segments(request.get("key").asText()).toArray(String[]::new) : null;
        List<String> inputNames = new ArrayList<>(paths.keySet());
        SplittableRandom random = new SplittableRandom(seed);
        CountingSink counter = new CountingSink();
        ShardedEngine sharded = threads > 1 ? new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), threads)
                : null;
        Detectors engine;
        if (sharded != null) {
            sharded.setActionSink(counter);
            sharded.putModel(request);
            engine = sharded;
        } else {
            Engine single = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
            single.setActionSink(counter);
            single.putModel(request);
            engine = single;
        }
        try {
            return measure(model, request, paths, keyPath, inputNames, random, counter, engine, sharded, out);
        } finally {
            if (sharded != null) {
                sharded.close();
            }
        }
    }

    private Integer measure(LoadedModel model, ObjectNode request, Map<String, List<String[]>> paths, String[] keyPath,
                            List<String> inputNames, SplittableRandom random, CountingSink counter, Detectors engine,
                            ShardedEngine sharded, PrintWriter out) {
        Runnable settle = sharded == null ? () -> { } : sharded::quiesce;

        long before = usedHeap();
        long keyBytes = 0;
        for (int k = 0; k < detectors; k++) { // one message per key first: every instance exists (steady state)
            // no messageId: the instances alone are measured, not §C.6 de-duplication entries
            Message first = message(inputNames.get(0), paths, keyPath, k, random, null);
            engine.put(List.of(first));
            keyBytes += keyPath == null ? 0 : stringBytes(String.format("key-%05d", k));
        }
        settle.run();
        long bytesPerInstance = (usedHeap() - before) / Math.max(1, detectors);
        long keyBytesPerInstance = keyBytes / Math.max(1, detectors);

        Message[] generated = new Message[messages];
        for (int i = 0; i < messages; i++) {
            String input = inputNames.get(random.nextInt(inputNames.size()));
            generated[i] = message(input, paths, keyPath, random.nextInt(detectors), random, null);
        }
        for (Message m : generated) { // warm-up pass, not measured: the JIT compiles the hot path first
            engine.put(List.of(m));
        }
        settle.run();
        counter.count.reset(); // actions of the measured pass only
        long[] latencies = new long[messages];
        long cpuStart = processCpuNanos();
        long routingStart = threadCpuNanos();
        long start = System.nanoTime();
        if (sharded == null) {
            for (int i = 0; i < messages; i++) {
                long t0 = System.nanoTime();
                engine.put(List.of(generated[i]));
                latencies[i] = System.nanoTime() - t0;
            }
        } else { // a call returns once routed; its cycles run on the shards: throughput only, no latency per call
            for (int i = 0; i < messages; i++) {
                engine.put(List.of(generated[i]));
            }
            settle.run();
        }
        long elapsed = System.nanoTime() - start;
        long routingCpu = threadCpuNanos() - routingStart;
        long cpu = processCpuNanos() - cpuStart;
        long actions = counter.count.sum();

        // the same messages again as the UTF-8 bytes a device sends: parsing is part of the work
        byte[][] bytes = new byte[messages][];
        for (int i = 0; i < messages; i++) {
            bytes[i] = generated[i].payload().toString().getBytes(StandardCharsets.UTF_8);
        }
        long jsonStart = 0;
        try {
            List<List<ReadAhead.Payload>> calls = calls(generated, bytes);
            // the trees are done with: left live, they made the collector's pauses 44-129 ms instead of 3-21 ms,
            // which measured the heap's history, not the engine
            Arrays.fill(generated, null);
            System.gc();
            // warm-up: a whole pass, as for the trees above. With shards both cores are busy, so the JIT's compiler
            // threads get little CPU and a short warm-up left the measured pass partly interpreted
            putFromJson(engine, sharded, calls, messages);
            settle.run();
            jsonStart = System.nanoTime();
            putFromJson(engine, sharded, calls, messages);
            settle.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long jsonElapsed = System.nanoTime() - jsonStart;

        Arrays.sort(latencies);
        out.printf(java.util.Locale.ROOT, "model: %s (%s), %d detectors, %d messages, %d actions%s%n",
                model.name(), request.path("evaluationMethod").asText("BATCH"), detectors, messages, actions,
                sharded == null ? "" : ", " + threads + " shards");
        out.printf(java.util.Locale.ROOT, "messages/s: %.0f%n", messages / (elapsed / 1e9));
        // CPU time says what wall time cannot on a shared machine: what a message costs on all threads together
        out.printf(java.util.Locale.ROOT, "CPU per message: %.0f ns (calling thread %.0f ns)%n",
                cpu / (double) messages, routingCpu / (double) messages);
        out.printf(java.util.Locale.ROOT, "messages/s from JSON bytes: %.0f%n", messages / (jsonElapsed / 1e9));
        if (sharded == null) {
            out.printf(java.util.Locale.ROOT, "latency p50: %.1f us, p99: %.1f us%n",
                    latencies[messages / 2] / 1e3, latencies[(int) (messages * 0.99)] / 1e3);
        } else {
            out.println("latency: measured with --threads 1 (with shards a call returns once routed)");
        }
        out.printf(java.util.Locale.ROOT, "heap per detector instance: %d bytes (%d without the key string)%n",
                bytesPerInstance, bytesPerInstance - keyBytesPerInstance);
        out.flush();
        return ExitCodes.OK;
    }

    /** Calls (of one message) per part when the shards read them: one part is read while the last is routed. */
    private static final int READ_AHEAD = 8192;

    /**
     * The first {@code count} messages from their JSON bytes, one per call, read straight from the bytes as the
     * engine reads them: on one thread each is read and put; with shards, the shards read them a part ahead of
     * the calling thread routing them ({@link ReadAhead}), as a service spreads reading over its threads.
     */
    private static void putFromJson(Detectors engine, ShardedEngine sharded, List<List<ReadAhead.Payload>> calls,
                                    int count) throws IOException {
        if (sharded == null) {
            for (List<ReadAhead.Payload> call : calls.subList(0, count)) {
                ReadAhead.Payload p = call.get(0);
                engine.putPrepared(List.of(engine.prepare(p.inputName(), null, p.json(), null)));
            }
            return;
        }
        ReadAhead.putCalls(sharded, calls.subList(0, count), READ_AHEAD);
    }

    /** The messages as calls of one payload each, as a service's threads receive them. */
    private static List<List<ReadAhead.Payload>> calls(Message[] generated, byte[][] bytes) {
        List<List<ReadAhead.Payload>> calls = new ArrayList<>(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            calls.add(List.of(new ReadAhead.Payload(generated[i].inputName(), null, bytes[i], null)));
        }
        return calls;
    }

    /** Counts actions without asking for their JSON, like a sink that forwards them in bulk. */
    private static final class CountingSink implements ActionSink {
        final java.util.concurrent.atomic.LongAdder count = new java.util.concurrent.atomic.LongAdder();

        @Override
        public void accept(ObjectNode action) {
            count.increment();
        }

        @Override
        public void performed(PerformedAction action) {
            count.increment();
        }
    }

    private static Message message(String input, Map<String, List<String[]>> paths, String[] keyPath, int key,
                                   SplittableRandom random, String id) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        for (String[] path : paths.get(input)) {
            put(payload, path, JsonNodeFactory.instance.numberNode(20 + random.nextInt(81)));
        }
        if (keyPath != null) {
            put(payload, keyPath, JsonNodeFactory.instance.textNode(String.format("key-%05d", key)));
        }
        return new Message(input, id, payload, null);
    }

    private static void put(ObjectNode root, String[] path, JsonNode value) {
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.has(path[i]) && node.get(path[i]).isObject() ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
        }
        node.set(path[path.length - 1], value);
    }

    private static Map<String, List<String[]>> readPaths(ObjectNode request) {
        Map<String, List<String[]>> paths = new LinkedHashMap<>();
        Matcher m = INPUT_PATH.matcher(request.path("detectorModelDefinition").toString());
        while (m.find()) {
            String[] path = m.group(2).substring(1).split("\\.");
            List<String[]> list = paths.computeIfAbsent(m.group(1), k -> new ArrayList<>());
            if (list.stream().noneMatch(p -> Arrays.equals(p, path))) {
                list.add(path);
            }
        }
        return paths;
    }

    /** Heap of a Latin-1 String with its byte array (64-bit JVM, compressed oops: 24 B + 16 B header, 8-aligned). */
    private static long stringBytes(String s) {
        return 24 + ((16 + s.length() + 7) & ~7L);
    }

    /** CPU time of the whole process (every thread), from the JVM's operating-system bean. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
