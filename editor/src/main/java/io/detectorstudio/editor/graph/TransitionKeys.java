package io.detectorstudio.editor.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The identity of each transition in the diagram and the layout sidecar: {@code from/event} for the first transition
 * event of state {@code from} named {@code event}, {@code from/event#2}, {@code from/event#3}… for the further ones
 * with the same name (blueprints such as the ISA alarm give one state four {@code unshelve} transitions).
 *
 * <p>The number is the transition's place among the same-named transitions of its state, in {@code transitionEvents}
 * order, not its index in that list: adding, removing or reordering transitions with other names changes no key, and
 * a model whose event names are unique per state keeps the plain keys older sidecars use. Should a key still be
 * taken (an event literally named {@code event#2}, or a state and event whose names contain {@code /} spelling the
 * same text), the number goes up until the key is free, so keys are always distinct.
 */
public final class TransitionKeys {

    private TransitionKeys() {
    }

    /** The key of the {@code occurrence}-th (1-based) transition named {@code event} of state {@code from}. */
    public static String of(String from, String event, int occurrence) {
        return occurrence <= 1 ? from + "/" + event : from + "/" + event + "#" + occurrence;
    }

    /** One distinct key per item, in order; items are transitions in model order (states, then transitionEvents). */
    public static <T> List<String> assign(List<T> items, Function<T, String> from, Function<T, String> event) {
        List<String> keys = new ArrayList<>(items.size());
        Set<String> used = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (T item : items) {
            String f = from.apply(item), e = event.apply(item);
            String name = f + "\u0000" + e;
            int n = counts.merge(name, 1, Integer::sum);
            String key = of(f, e, n);
            while (!used.add(key)) {
                key = of(f, e, ++n);
            }
            counts.put(name, n);
            keys.add(key);
        }
        return keys;
    }
}
