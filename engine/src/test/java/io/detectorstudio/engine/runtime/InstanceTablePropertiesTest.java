package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link InstanceTable} behaves as the {@code LinkedHashMap} it replaced: the same instance for every key after
 * any sequence of puts (new and replacing) and removes, and the same insertion order — over few keys (many
 * collisions, long probe runs, removals inside them) and many (growth and rebuilds).
 */
class InstanceTablePropertiesTest {

    private static final SymbolTable SYMBOLS = new SymbolTable();

    @Property(tries = 300)
    void behavesAsALinkedHashMap(@ForAll @Size(max = 600) List<@IntRange(min = 0, max = 2) Integer> operations,
                                 @ForAll @Size(max = 600) List<@IntRange(min = 0, max = 150) Integer> keys,
                                 @ForAll @IntRange(min = 1, max = 150) int keySpace) {
        InstanceTable table = new InstanceTable();
        Map<String, DetectorInstance> map = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(operations.size(), keys.size()); i++) {
            int n = keys.get(i) % keySpace;
            String key = key(n);
            switch (operations.get(i)) {
                case 0, 1 -> {
                    DetectorInstance instance = new DetectorInstance(key.isEmpty() ? null : new String(key), SYMBOLS,
                            "S", i);
                    table.put(instance);
                    map.put(key, instance);
                }
                default -> assertThat(table.remove(key)).isSameAs(map.remove(key));
            }
            assertThat(table.size()).isEqualTo(map.size());
        }
        for (int n = 0; n < keySpace; n++) {
            String key = key(n);
            assertThat(table.get(new String(key))).isSameAs(map.get(key));
            // as a message's reading finds it: by hash and packing (a keyless model's reading has no key)
            PayloadReading reading = new PayloadReading(key.isEmpty() ? null : new String(key),
                    new Value[0]);
            assertThat(table.get(new String(key), reading.keyHash(), reading.keyLow(), reading.keyHigh()))
                    .isSameAs(map.get(key));
        }
        assertThat(table.values()).containsExactlyElementsOf(new ArrayList<>(map.values()));
    }

    /** "" = a keyless model's one instance; short keys (packed), long ones and ones beyond U+00FF (not packed) */
    private static String key(int n) {
        return n == 0 ? "" : switch (n % 3) {
            case 0 -> "k" + n;
            case 1 -> "motor-with-a-long-id-" + n;
            default -> "\u20ac" + n;
        };
    }

    /** Packed keys are equal exactly when the keys are; a key packs when it is short and below U+0100. */
    @Property(tries = 2000)
    void packingsAreEqualExactlyForEqualKeys(@ForAll @Size(max = 17) List<@IntRange(min = 0, max = 5) Integer> a,
                                             @ForAll @Size(max = 17) List<@IntRange(min = 0, max = 5) Integer> b) {
        String x = text(a);
        String y = text(b);
        for (String key : new String[] {x, y}) {
            boolean packs = key.length() <= PackedKey.MAX_LENGTH && key.chars().allMatch(c -> c <= 0xFF);
            assertThat(PackedKey.high(key) != PackedKey.NOT_PACKED).as(key).isEqualTo(packs);
        }
        if (PackedKey.high(x) != PackedKey.NOT_PACKED) {
            boolean samePacking = PackedKey.low(x) == PackedKey.low(y) && PackedKey.high(x) == PackedKey.high(y);
            assertThat(samePacking).as("%s / %s", x, y).isEqualTo(x.equals(y));
        }
    }

    /** few characters, so that equal keys come up: NUL (the packing's padding), ASCII, U+00FF, U+0100 */
    private static String text(List<Integer> codes) {
        StringBuilder out = new StringBuilder();
        codes.forEach(c -> out.append(new char[] {'\0', 'a', 'b', '-', '\u00ff', '\u0100'}[c]));
        return out.toString();
    }
}
