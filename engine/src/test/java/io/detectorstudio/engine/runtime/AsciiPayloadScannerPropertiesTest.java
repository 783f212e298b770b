package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The scanner of simple payloads against Jackson's streaming path: simple payloads (ASCII strings, integers,
 * literals, nesting, repeated members, whitespace) are scanned — not declined — and give Jackson's key and
 * values; a payload bent into something else (broken, or of a kind the scanner leaves to Jackson) is either
 * declined or, when the scanner takes it, {@code readTree} takes it too and gives the same. A seed drives each
 * case, so a failure names it. ({@code PayloadReaderPropertiesTest} compares the whole reader with the tree.)
 */
class AsciiPayloadScannerPropertiesTest {

    private static final String[] NAMES = {"a", "b", "v", "sensorData", "pressure", "motorid", "my key", "k"};
    private static final String[] SCALARS = {"0", "-0", "7", "-12", "80", "2147483648", "-2147483649",
        "999999999999999999", "-999999999999999999", "\"\"", "\"on\"", "\"motor-00042\"", "\"a b/c:d~\"",
        "true", "false", "null"};
    /** ways to bend a payload: broken JSON, or JSON the scanner must leave to Jackson */
    private static final String[][] BENDS = {{":", ""}, {",", ",,"}, {"}", ",}"}, {"\"", "'"}, {"0", "00"},
        {"7", "7.0"}, {"7", "7e1"}, {"80", "+80"}, {"true", "tru"}, {"true", "truex"}, {"null", "nul"},
        {"\"on\"", "\"o\\nn\""}, {"\"on\"", "\"\u00f6n\""}, {"\"on\"", "\"o\tn\""}, {" ", "\u0000"},
        {"999999999999999999", "9999999999999999999"}, {"[", "[1,"}, {"{", "{{"}, {"]", ",]"}};

    @Property(tries = 1000)
    void simplePayloadsAreScannedAsJacksonReadsThem(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        String json = PayloadCase.object(r, 0);
        PayloadCase c = PayloadCase.of(r, json);
        PayloadReading scanned = AsciiPayloadScanner.read(c.bytes(), c.root(), c.count());
        assertThat(scanned).as("seed %d: %s", seed, json).isNotNull();
        c.assertSame(scanned, c.reader().readStreaming(c.bytes()), "seed " + seed);
    }

    @Property(tries = 1000)
    void whatTheScannerTakesOfBentPayloadsJacksonTakesAlike(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        String json = PayloadCase.object(r, 0);
        PayloadCase c = PayloadCase.of(r, json);
        String[] bend = BENDS[r.nextInt(BENDS.length)];
        int at = json.indexOf(bend[0], r.nextInt(json.length()));
        String bent = at < 0 ? json.substring(0, r.nextInt(json.length()))
                : json.substring(0, at) + bend[1] + json.substring(at + bend[0].length());
        byte[] bytes = bent.getBytes(StandardCharsets.UTF_8);
        PayloadReading scanned = AsciiPayloadScanner.read(bytes, c.root(), c.count());
        if (scanned == null) {
            return; // declined: Jackson's path decides
        }
        JsonNode tree;
        try {
            tree = PreparedMessage.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError("seed " + seed + ": the scanner takes " + bent + ", readTree refuses it", e);
        }
        assertThat(tree.isObject()).as("seed %d: %s", seed, bent).isTrue();
        c.assertSame(scanned, c.reader().readStreaming(bytes), "seed " + seed + " bent " + bent);
    }

    @Example
    void declinesWhatIsNotSimpleAndReadsTheMotorPayload() {
        PayloadCase c = PayloadCase.of(List.of(List.of("sensorData", "pressure")), new String[] {"motorid"});
        PayloadReading motor = AsciiPayloadScanner.read(
                "{\"motorid\":\"motor-00042\",\"sensorData\":{\"pressure\":83}}".getBytes(StandardCharsets.UTF_8),
                c.root(), c.count());
        assertThat(motor.key()).isEqualTo("motor-00042");
        assertThat(motor.values()[0]).isEqualTo(Value.integer(83));
        for (String notSimple : new String[] {"[1]", "{\"motorid\":\"m\\u0031\"}", "{\"x\":1.5}", "{\"x\":1e2}",
            "{\"x\":\"\u00e9\"}", "{\"x\":12345678901234567890}", "{\"motorid\":\"m\"", "{\"a\":1,}", "{'a':1}",
            "\ufeff{}", "{\"a\":01}", "{\"a\":-}", "{\"a\":[1,]}", "{\"a\" 1}", "{a:1}", "{", ""}) {
            assertThat(AsciiPayloadScanner.read(notSimple.getBytes(StandardCharsets.UTF_8), c.root(), c.count()))
                    .as(notSimple).isNull();
        }
        assertThat(AsciiPayloadScanner.read("{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"
                .getBytes(StandardCharsets.UTF_8), c.root(), c.count())).as("deeper than MAX_DEPTH").isNull();
    }

    /** A reader of random paths (and maybe a key) into a payload, with the payload's bytes. */
    private record PayloadCase(PayloadReader reader, PathStep root, int count, byte[] bytes) {

        static PayloadCase of(Random r, String json) throws IOException {
            JsonNode tree = PreparedMessage.JSON.readTree(json);
            List<List<Object>> paths = new ArrayList<>();
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                List<Object> path = path(r, tree);
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            }
            String[] keyPath = r.nextInt(4) == 0 ? null : new String[] {NAMES[r.nextInt(NAMES.length)]};
            PayloadCase c = of(paths, keyPath);
            return new PayloadCase(c.reader, c.root, c.count, json.getBytes(StandardCharsets.UTF_8));
        }

        static PayloadCase of(List<List<Object>> paths, String[] keyPath) {
            SymbolTable symbols = new SymbolTable();
            int input = symbols.inputSlot("I");
            int[] slots = new int[paths.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = symbols.inputPathSlot(input, paths.get(i));
            }
            PayloadReader reader = new PayloadReader(PreparedMessage.JSON, keyPath, symbols, slots);
            return new PayloadCase(reader, reader.root(), slots.length, null);
        }

        void assertSame(PayloadReading scanned, PayloadReading jackson, String why) {
            assertThat(jackson).as(why).isNotNull();
            assertThat(scanned.key()).as(why + " key").isEqualTo(jackson.key());
            for (int i = 0; i < count; i++) {
                assertThat(scanned.values()[i].type()).as(why + " value " + i).isEqualTo(jackson.values()[i].type());
                assertThat(scanned.values()[i].toText()).as(why + " value " + i)
                        .isEqualTo(jackson.values()[i].toText());
            }
        }

        static String object(Random r, int depth) {
            StringBuilder out = new StringBuilder(r.nextInt(4) == 0 ? " {" : "{");
            int members = r.nextInt(depth == 0 ? 6 : 4);
            for (int i = 0; i < members; i++) {
                out.append(i > 0 ? "," : "").append(r.nextInt(3) == 0 ? "\n " : "");
                out.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"').append(r.nextInt(4) == 0 ? " : " : ":")
                        .append(value(r, depth + 1));
            }
            return out.append(r.nextInt(4) == 0 ? "\t}" : "}").toString();
        }

        private static String value(Random r, int depth) {
            int kind = r.nextInt(depth > 3 ? 3 : 5);
            return switch (kind) {
                case 0, 1 -> SCALARS[r.nextInt(SCALARS.length)];
                case 2 -> Integer.toString(r.nextInt(200) - 50);
                case 3 -> object(r, depth);
                default -> {
                    StringBuilder out = new StringBuilder("[");
                    for (int i = r.nextInt(4); i > 0; i--) {
                        out.append(out.length() > 1 ? ", " : "").append(value(r, depth + 1));
                    }
                    yield out.append(']').toString();
                }
            };
        }

        /** A path that mostly follows the tree, sometimes leaves it. */
        private static List<Object> path(Random r, JsonNode tree) {
            List<Object> path = new ArrayList<>();
            JsonNode node = tree;
            for (int depth = 0; depth < 4 && node != null; depth++) {
                if (node.isObject() && node.size() > 0 && r.nextInt(5) > 0) {
                    List<String> names = new ArrayList<>();
                    node.fieldNames().forEachRemaining(names::add);
                    String name = names.get(r.nextInt(names.size()));
                    path.add(name);
                    node = node.get(name);
                } else if (node.isArray() && node.size() > 0 && r.nextInt(5) > 0) {
                    int index = r.nextInt(node.size());
                    path.add(index);
                    node = node.get(index);
                } else {
                    break;
                }
            }
            if (path.isEmpty()) {
                path.add(NAMES[r.nextInt(NAMES.length)]);
            }
            return path;
        }
    }
}
