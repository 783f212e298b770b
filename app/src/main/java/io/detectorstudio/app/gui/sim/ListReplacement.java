package io.detectorstudio.app.gui.sim;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * Makes a shown list equal a new one with as few change events as it can: a send changes one instance, and a list
 * view then redraws one row (the session keeps an unchanged instance's state as the same object), where replacing
 * the whole list would redraw every row.
 */
final class ListReplacement {

    /** Up to this many differing elements are replaced one by one; more (after a run) in one change. */
    static final int FEW = 8;

    private ListReplacement() {
    }

    /** Makes {@code shown} equal {@code now}, element by element (by identity) when few differ. */
    static <T> void apply(ObservableList<T> shown, List<T> now) {
        if (shown.size() != now.size() || differing(shown, now) > FEW) {
            shown.setAll(now);
            return;
        }
        for (int i = 0; i < now.size(); i++) {
            if (shown.get(i) != now.get(i)) {
                shown.set(i, now.get(i));
            }
        }
    }

    /** How many elements differ (counting stops past {@link #FEW}). */
    private static <T> int differing(List<T> shown, List<T> now) {
        int changed = 0;
        for (int i = 0; i < now.size() && changed <= FEW; i++) {
            changed += shown.get(i) != now.get(i) ? 1 : 0;
        }
        return changed;
    }
}
