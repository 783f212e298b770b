package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/** The recorded cycle's small map behaves as the LinkedHashMap it replaces: same entries, same order, read-only. */
class ArrayMapTest {

    @Property(tries = 300)
    void itIsTheLinkedHashMapOfTheSameEntries(@ForAll @Size(max = 12) @UniqueElements List<String> keys,
                                             @ForAll String probe) {
        Map<String, Long> expected = new LinkedHashMap<>();
        Object[] k = new Object[keys.size()];
        Object[] v = new Object[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            expected.put(keys.get(i), (long) i * 7);
            k[i] = keys.get(i);
            v[i] = (long) i * 7;
        }
        ArrayMap<String, Long> map = new ArrayMap<>(k, v);
        assertThat(map).isEqualTo(expected);
        assertThat(map.hashCode()).isEqualTo(expected.hashCode());
        assertThat(new ArrayList<>(map.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(new ArrayList<>(map.values())).containsExactlyElementsOf(expected.values());
        List<String> visited = new ArrayList<>();
        map.forEach((key, value) -> visited.add(key + "=" + value));
        List<String> expectedVisits = new ArrayList<>();
        expected.forEach((key, value) -> expectedVisits.add(key + "=" + value));
        assertThat(visited).isEqualTo(expectedVisits);
        assertThat(map.get(probe)).isEqualTo(expected.get(probe));
        assertThat(map.containsKey(probe)).isEqualTo(expected.containsKey(probe));
        assertThat(map.toString()).isEqualTo(expected.toString());
    }

    @Property(tries = 50)
    void itCannotBeChanged(@ForAll @Size(min = 1, max = 5) @UniqueElements List<String> keys) {
        ArrayMap<String, String> map = new ArrayMap<>(keys.toArray(), keys.toArray());
        assertThatThrownBy(() -> map.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove(keys.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).hasSize(keys.size());
    }
}
