package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fixed workloads whose traces pin the engine's trace output: generated models ({@link EnginePropertiesTest#model})
 * for a range of seeds in BATCH and SERIAL, and every corpus model fed payloads built from the {@code $input} paths
 * it reads (numbers, decimals, text, booleans, sometimes missing), with time passing so that timers fire. Public for
 * the simulator's tests (engine test-jar).
 */
public final class TraceWorkloads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern INPUT_PATH = Pattern.compile("\\$input\\.([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)");

    private TraceWorkloads() {
    }

    /** A message, delivered after time moved on by {@code advanceSeconds}. */
    public record Input(Message message, long advanceSeconds) {
    }

    /** One workload: a model and what to run on it. */
    public record Workload(String name, ObjectNode model, List<Input> steps) {
        /** Runs it on {@code engine} (the model already put). */
        public void run(Engine engine) {
            for (Input step : steps) {
                engine.advanceTo(engine.now() + step.advanceSeconds() * 1000);
                engine.put(List.of(step.message()));
            }
            engine.advanceTo(engine.now() + 3_600_000); // every timer still running fires
        }
    }

    public static List<Workload> generated(int seeds) {
        List<Workload> out = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            for (String evaluation : new String[] {"BATCH", "SERIAL"}) {
                Random r = new Random(seed);
                ObjectNode model = EnginePropertiesTest.model(r, evaluation);
                List<Input> inputs = EnginePropertiesTest.steps(r).stream()
                        .map(step -> new Input(step.message(), step.advanceSeconds())).toList();
                out.add(new Workload("generated " + seed + " " + evaluation, model, inputs));
            }
        }
        return out;
    }

    public static List<Workload> corpus() {
        List<Workload> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedCorpus.resolve("corpus/models"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                ObjectNode model = (ObjectNode) EngineHarness.JSON.readTree(file.toFile());
                out.add(new Workload(file.getFileName().toString(), model, corpusSteps(model, new Random(7))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** 60 messages on the inputs the model reads, for keys k0–k2, with every path it reads set (mostly). */
    private static List<Input> corpusSteps(ObjectNode model, Random r) {
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        Matcher m = INPUT_PATH.matcher(model.toString());
        while (m.find()) {
            paths.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(m.group(2));
        }
        String key = model.path("key").asText(null);
        List<String> inputs = new ArrayList<>(paths.keySet());
        List<Input> steps = new ArrayList<>();
        for (int i = 0; i < 60 && !inputs.isEmpty(); i++) {
            String input = inputs.get(r.nextInt(inputs.size()));
            ObjectNode payload = NODES.objectNode();
            for (String path : paths.get(input)) {
                if (r.nextInt(10) > 0) {
                    put(payload, path, r);
                }
            }
            if (key != null) {
                put(payload, key, null);
                set(payload, key, "k" + r.nextInt(3));
            }
            steps.add(new Input(new Message(input, "m" + i, payload, null),
                    r.nextInt(3) == 0 ? 10 + r.nextInt(400) : 0));
        }
        return steps;
    }

    private static void put(ObjectNode payload, String path, Random r) {
        if (r == null) {
            return;
        }
        switch (r.nextInt(6)) {
            case 0 -> set(payload, path, r.nextBoolean() ? "on" : "Normal");
            case 1 -> set(payload, path, r.nextBoolean());
            case 2 -> set(payload, path, new java.math.BigDecimal(r.nextInt(20000)).movePointLeft(2));
            default -> set(payload, path, r.nextInt(120) - 10);
        }
    }

    private static void set(ObjectNode payload, String path, Object value) {
        String[] segments = path.split("\\.");
        ObjectNode parent = payload;
        for (int i = 0; i < segments.length - 1; i++) {
            parent = parent.get(segments[i]) instanceof ObjectNode o ? o : parent.putObject(segments[i]);
        }
        String last = segments[segments.length - 1];
        if (value instanceof String s) {
            parent.put(last, s);
        } else if (value instanceof Boolean b) {
            parent.put(last, b);
        } else if (value instanceof Integer n) {
            parent.put(last, n);
        } else {
            parent.put(last, (java.math.BigDecimal) value);
        }
    }
}
