package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.expr.SymbolTable;
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
            String key = n == 0 ? "" : "k" + n; // "" = a keyless model's one instance
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
            String key = n == 0 ? "" : "k" + n;
            assertThat(table.get(new String(key))).isSameAs(map.get(key));
        }
        assertThat(table.values()).containsExactlyElementsOf(new ArrayList<>(map.values()));
    }
}
