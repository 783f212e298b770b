package io.detectorstudio.app.gui.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What the session presented (actions or trace records), on the thread that runs the session, in cycle order; the
 * UI shows those up to the cycle at the position. {@link #delta} says how the UI's copy changes since the last
 * delta, so publishing costs what changed rather than the whole history.
 */
final class CycleJournal<T> {

    private final List<T> all = new ArrayList<>();
    private final ToIntFunction<T> cycleOf;
    /** How many elements the UI's copy has (as of the last delta). */
    private int published;
    /** The lowest index changed since the last delta (a cut), or {@code Integer.MAX_VALUE}. */
    private int lowestChange = Integer.MAX_VALUE;

    CycleJournal(ToIntFunction<T> cycleOf) {
        this.cycleOf = cycleOf;
    }

    void add(T element) {
        all.add(element);
    }

    /** A new cycle {@code cycle} is computed: what was computed for it and after it before is gone. */
    void dropFrom(int cycle) {
        int from = firstAfter(cycle - 1);
        if (from < all.size()) {
            all.subList(from, all.size()).clear();
            lowestChange = Math.min(lowestChange, from);
        }
    }

    /** The change to the UI's copy so it shows the elements of cycles up to {@code cycle}. */
    ListDelta<T> delta(int cycle) {
        int visible = firstAfter(cycle);
        int keep = Math.min(Math.min(lowestChange, published), visible);
        ListDelta<T> delta = new ListDelta<>(keep, all.subList(keep, visible));
        published = visible;
        lowestChange = Integer.MAX_VALUE;
        return delta;
    }

    /** The index of the first element of a cycle after {@code cycle} (elements are in cycle order). */
    private int firstAfter(int cycle) {
        int lo = 0;
        int hi = all.size();
        if (hi > 0 && cycleOf.applyAsInt(all.get(hi - 1)) <= cycle) {
            return hi; // the usual case: the position is at the newest cycle
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cycleOf.applyAsInt(all.get(mid)) <= cycle) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
