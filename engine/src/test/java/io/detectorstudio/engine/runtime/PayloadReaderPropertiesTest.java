package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.MapContext;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;

/**
 * The streaming reader of payload bytes against the tree: for random payloads (nested objects and arrays,
 * repeated members, numbers of every shape, strings with escapes, names that need backticks) and random paths
 * into them (present, missing, through scalars and arrays), the values read straight from the bytes are those an
 * {@code $input} reference evaluates to over {@code readTree}'s tree — same type, same text — and the key is the
 * tree's key; bytes the tree cannot take are refused by both. A seed drives each case, so a failure names it.
 */
class PayloadReaderPropertiesTest {

    private static final String[] NAMES = {"a", "b", "v", "sensorData", "pressure", "x1", "my key", "dotted.name",
        "ü", "k"};
    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "80", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
        "1.5", "1.50", "23.12", "-0.0", "0.1", "1e3", "1E+2", "2.5e-3", "1.0E10", "6.02e23", "1e400", "-1e400",
        "4.9e-324", "1e-400", "0.30000000000000004", "100.000", "3.141592653589793238462643383279"};
    private static final String[] STRINGS = {"\"\"", "\"on\"", "\"offline\"", "\"a\\\"b\"", "\"tab\\there\"",
        "\"\\u00e9t\\u00E9\"", "\"\\ud83d\\ude00\"", "\"back\\\\slash\"", "\"sl\\/ash\"", "\"line\\nbreak\"",
        "\"ünïcödé\"", "\"motor-00042\""};

    @Property(tries = 1500)
    void bytesGiveTheTreesValuesAndKey(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        String json = object(r, 0);
        JsonNode tree = PreparedMessage.JSON.readTree(json);
        SymbolTable symbols = new SymbolTable();
        int input = symbols.inputSlot("I");
        List<List<Object>> paths = new ArrayList<>();
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            List<Object> path = path(r, tree);
            if (!paths.contains(path)) {
                paths.add(path);
            }
        }
        int[] slots = new int[paths.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = symbols.inputPathSlot(input, paths.get(i));
        }
        String[] keyPath = r.nextInt(4) == 0 ? null : keyPath(r, paths);
        PayloadReader reader = new PayloadReader(PreparedMessage.JSON, keyPath, symbols, slots);

        PayloadReading streamed = reader.read(json.getBytes(StandardCharsets.UTF_8));
        boolean conversionFails = false;
        List<Value> expected = new ArrayList<>();
        Evaluator evaluator = new Evaluator(new MapContext().input("I", tree));
        for (List<Object> path : paths) {
            Value v = evaluator.evaluate(Parser.parse(reference(path)).expr());
            conversionFails |= v.type() == Value.Type.INVALID;
            expected.add(v);
        }
        String why = "seed " + seed + ": " + json + " paths " + paths;
        if (conversionFails) { // a number the language cannot hold (±1e400): the tree path reports it in the cycle
            assertThat(streamed).as(why).isNull();
            return;
        }
        assertThat(streamed).as(why).isNotNull();
        for (int i = 0; i < paths.size(); i++) {
            Value got = streamed.values()[i];
            assertThat(got.type()).as(why + " at " + paths.get(i)).isEqualTo(expected.get(i).type());
            assertThat(got.toText()).as(why + " at " + paths.get(i)).isEqualTo(expected.get(i).toText());
        }
        assertThat(streamed.key()).as(why + " key " + (keyPath == null ? null : List.of(keyPath)))
                .isEqualTo(PayloadReader.keyOf(keyPath, tree));
        PayloadReading fromTree = reader.read(tree);
        for (int i = 0; i < paths.size(); i++) {
            assertThat(fromTree.values()[i].toText()).as(why).isEqualTo(expected.get(i).toText());
        }
    }

    /** Broken bytes: the engine refuses exactly what readTree refuses, with readTree's exception. */
    @Property(tries = 500)
    void brokenBytesAreRefusedAsReadTreeRefusesThem(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        String json = object(r, 0);
        String broken = switch (r.nextInt(4)) {
            case 0 -> json.substring(0, r.nextInt(json.length()));
            case 1 -> {
                int quote = json.indexOf('"', r.nextInt(json.length()));
                yield quote < 0 ? json + "\"" : json.substring(0, quote + 1) + "\\q" + json.substring(quote + 1);
            }
            case 2 -> json.replaceFirst(":", "");
            default -> json + (r.nextBoolean() ? "]" : " trailing");
        };
        byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
        Engine engine = engineReadingEverything();
        Throwable fromTree = null;
        try {
            PreparedMessage.JSON.readTree(bytes);
        } catch (IOException e) {
            fromTree = e;
        }
        if (fromTree == null) {
            try {
                engine.prepare("I", null, bytes, null);
            } catch (IOException e) {
                throw new AssertionError("seed " + seed + ": readTree takes " + broken + " but prepare refuses it", e);
            }
        } else {
            assertThatThrownBy(() -> engine.prepare("I", null, bytes, null)).as("seed " + seed + ": " + broken)
                    .isInstanceOf(fromTree.getClass());
        }
        // the thread's parser is fed payload after payload: a broken one leaves nothing behind for the next
        PreparedMessage next = engine.prepare("I", null, json.getBytes(StandardCharsets.UTF_8), null);
        assertThat(next.readings[0].key()).as("seed " + seed + ": after " + broken)
                .isEqualTo(PayloadReader.keyOf(new String[] {"k"}, PreparedMessage.JSON.readTree(json)));
    }

    /**
     * Whole runs: generated models and message sequences put as {@code readTree} trees and as bytes through
     * {@link Engine#prepare}: the same trace lines with a listener; without one (no tree is built) the same
     * actions, states and variables.
     */
    @Property(tries = 100)
    void messagesFromBytesRunAsTheirTrees(@ForAll long seed) throws IOException {
        for (String evaluation : new String[] {"BATCH", "SERIAL"}) {
            Random r = new Random(seed);
            ObjectNode model = EnginePropertiesTest.model(r, evaluation);
            List<EnginePropertiesTest.Step> steps = EnginePropertiesTest.steps(r);
            List<byte[]> payloads = new ArrayList<>();
            for (EnginePropertiesTest.Step step : steps) {
                ObjectNode payload = ((ObjectNode) step.message().payload()).deepCopy();
                if (r.nextBoolean()) {
                    payload.putObject("extra").putArray("z").add(1).add(2.50).addObject().put("q", "x\"y");
                }
                if (r.nextInt(4) == 0) { // a Decimal reading, or a string where a number is expected
                    if (r.nextInt(3) == 0) {
                        payload.put("v", "12");
                    } else {
                        payload.put("v", r.nextInt(2000) / 10.0);
                    }
                }
                payloads.add(payload.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (boolean listening : new boolean[] {true, false}) {
                List<String> fromTrees = run(model, steps, payloads, false, listening);
                List<String> fromBytes = run(model, steps, payloads, true, listening);
                assertThat(fromBytes).as("seed %d %s listening %s", seed, evaluation, listening)
                        .isEqualTo(fromTrees);
            }
        }
    }

    /** Trace lines (listening) or actions then final instances (not listening), as text. */
    private static List<String> run(ObjectNode model, List<EnginePropertiesTest.Step> steps, List<byte[]> payloads,
                                    boolean bytes, boolean listening) throws IOException {
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        List<String> out = new ArrayList<>();
        if (listening) {
            engine.setCycleListener(record -> out.add(record.toJson().toString()));
        } else {
            engine.setActionSink(action -> out.add(action.toString()));
        }
        engine.putModel(model);
        for (int i = 0; i < steps.size(); i++) {
            Message m = steps.get(i).message();
            engine.advanceTo(engine.now() + steps.get(i).advanceSeconds() * 1000);
            List<MessageError> errors = bytes
                    ? engine.putPrepared(List.of(engine.prepare(m.inputName(), m.messageId(), payloads.get(i), null)))
                    : engine.put(List.of(new Message(m.inputName(), m.messageId(),
                    PreparedMessage.JSON.readTree(payloads.get(i)), null)));
            out.add(errors.toString());
        }
        for (DetectorInstance instance : engine.instances("gen")) {
            out.add(instance.keyValue() + " " + instance.stateName() + " " + instance.variables()
                    + " " + instance.timerExpiries() + " " + java.util.Arrays.toString(instance.retainedArray()));
        }
        return out;
    }

    @Example
    void theMotorPayloadIsReadWithoutATree() throws IOException {
        Engine engine = engineReadingEverything();
        PreparedMessage m = engine.prepare("I", "m1", "{\"k\":\"motor-1\",\"a\":{\"b\":83,\"skip\":[1,{\"x\":\"y\"}]}}"
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(m.streamed()).isTrue();
        assertThat(m.readings[0].key()).isEqualTo("motor-1");
        assertThat(m.message().payload().path("a").path("b").intValue()).isEqualTo(83); // the tree when asked
        PreparedMessage notAnObject = engine.prepare("I", "m2", "[1]".getBytes(StandardCharsets.UTF_8), null);
        assertThat(notAnObject.streamed()).isFalse();
        assertThat(engine.putPrepared(List.of(notAnObject)).get(0).errorMessage()).contains("must be a JSON object");
    }

    private static Engine engineReadingEverything() {
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        ObjectNode model = EnginePropertiesTest.model(new Random(1), "BATCH");
        model.put("key", "k");
        ((ObjectNode) model.path("detectorModelDefinition").path("states").get(0).path("onInput").path("events").get(0))
                .put("condition", "$input.I.a.b > 0 && $input.I.v >= 0");
        engine.putModel(model);
        return engine;
    }

    // ---- generators

    private static String object(Random r, int depth) {
        StringBuilder out = new StringBuilder("{");
        int members = r.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < members; i++) {
            out.append(i > 0 ? "," : "").append(r.nextInt(3) == 0 ? " " : "");
            out.append(quoted(NAMES[r.nextInt(NAMES.length)])).append(':').append(value(r, depth + 1));
        }
        return out.append('}').toString();
    }

    private static String value(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0, 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 2 -> STRINGS[r.nextInt(STRINGS.length)];
            case 3 -> r.nextBoolean() ? (r.nextBoolean() ? "true" : "false") : "null";
            case 4 -> Integer.toString(r.nextInt(200) - 50);
            case 5 -> object(r, depth);
            default -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = r.nextInt(4); i > 0; i--) {
                    out.append(out.length() > 1 ? "," : "").append(value(r, depth + 1));
                }
                yield out.append(']').toString();
            }
        };
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /** A path that mostly follows the tree, sometimes leaves it (missing member, index out of range, into a scalar). */
    private static List<Object> path(Random r, JsonNode tree) {
        List<Object> path = new ArrayList<>();
        JsonNode node = tree;
        for (int depth = 0; depth < 5; depth++) {
            if (node != null && node.isObject() && node.size() > 0 && r.nextInt(5) > 0) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                String name = names.get(r.nextInt(names.size()));
                path.add(name);
                node = node.get(name);
            } else if (node != null && node.isArray() && r.nextInt(5) > 0) {
                int index = r.nextInt(node.size() + 1);
                path.add(index);
                node = node.get(index);
            } else if (r.nextBoolean()) {
                Object step = r.nextInt(3) == 0 ? (Object) r.nextInt(3) : NAMES[r.nextInt(NAMES.length)];
                path.add(step);
                node = node == null ? null : step instanceof Integer i ? node.get(i) : node.get((String) step);
            } else {
                break;
            }
            if (node == null || node.isValueNode() && r.nextBoolean()) {
                break;
            }
        }
        if (path.isEmpty()) {
            path.add(NAMES[r.nextInt(NAMES.length)]);
        }
        return path;
    }

    /** Mostly a name path among the value paths (so key and values share steps), else a random one. */
    private static String[] keyPath(Random r, List<List<Object>> paths) {
        List<Object> base = paths.get(r.nextInt(paths.size()));
        List<String> names = new ArrayList<>();
        for (Object step : base) {
            if (!(step instanceof String name)) {
                break;
            }
            names.add(name);
        }
        if (names.isEmpty() || r.nextInt(4) == 0) {
            names = List.of(NAMES[r.nextInt(NAMES.length)]);
        }
        return names.toArray(String[]::new);
    }

    /** {@code $input.I.a[0].`my key`}: the reference an expression would write. */
    private static String reference(List<Object> path) {
        StringBuilder out = new StringBuilder("$input.I");
        for (Object step : path) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                String name = (String) step;
                out.append('.').append(name.matches("[A-Za-z][A-Za-z0-9_]*") ? name : "`" + name + "`");
            }
        }
        return out.toString();
    }
}
