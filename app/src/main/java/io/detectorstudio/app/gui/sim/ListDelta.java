package io.detectorstudio.app.gui.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to a list that only grows at its end or is cut back: keep the first {@code keep} elements, then add
 * {@code append}. The simulation publishes its actions and trace records this way, so the UI applies a send's one
 * new record instead of the whole list again.
 */
public record ListDelta<T>(int keep, List<T> append) {

    public ListDelta {
        append = List.copyOf(append);
    }

    /** No change to a list of {@code size} elements. */
    public static <T> ListDelta<T> none(int size) {
        return new ListDelta<>(size, List.of());
    }

    /** This change followed by {@code next} (whose {@code keep} counts elements of the list this one produced). */
    public ListDelta<T> then(ListDelta<T> next) {
        if (next.keep <= keep) {
            return next;
        }
        List<T> joined = new ArrayList<>(append.subList(0, Math.min(append.size(), next.keep - keep)));
        joined.addAll(next.append);
        return new ListDelta<>(keep, joined);
    }

    /** Applies the change: at most one removal and one addition, so a list view updates once. */
    public void applyTo(List<T> target) {
        if (keep < target.size()) {
            target.subList(keep, target.size()).clear();
        }
        if (!append.isEmpty()) {
            target.addAll(append);
        }
    }

    public boolean changes(int size) {
        return keep < size || !append.isEmpty();
    }
}
