package io.detectorstudio.app.gui.sim;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The newest {@code limit} elements of a list that grows at its end or is cut back (the emitted actions), kept in
 * step with it. JavaFX 21's list view walks every item on each layout (its {@code VirtualFlow} sums cell sizes
 * from the first item even when they are fixed), so a list of a long replay's 100,000 actions cost the FX thread
 * tens of milliseconds a pulse; the view shows this tail instead (the trace keeps every record and its actions).
 */
final class ListTail<T> {

    private final ObservableList<T> source;
    private final int limit;
    private final ObservableList<T> shown = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper older = new ReadOnlyIntegerWrapper();
    private boolean cut;

    ListTail(ObservableList<T> source, int limit) {
        this.source = source;
        this.limit = limit;
        source.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                cut |= c.wasRemoved() || c.wasReplaced() || c.wasPermutated();
            }
            sync();
        });
        sync();
    }

    /** The newest elements, oldest first. */
    ObservableList<T> shown() {
        return shown;
    }

    /** How many older elements are not shown. */
    ReadOnlyIntegerProperty olderProperty() {
        return older.getReadOnlyProperty();
    }

    private void sync() {
        int size = source.size();
        int from = Math.max(0, size - limit);
        int shownFrom = older.get();
        int shownTo = shownFrom + shown.size();
        if (cut || shownTo > size) { // not only appended since: take the tail again
            shown.setAll(source.subList(from, size));
        } else {
            // appended only: drop what falls out at the head, add what is new (at most two changes for the view)
            int drop = Math.min(from - shownFrom, shown.size());
            if (drop > 0) {
                shown.remove(0, drop);
            }
            int addFrom = Math.max(shownTo, from);
            if (addFrom < size) {
                shown.addAll(source.subList(addFrom, size));
            }
        }
        cut = false;
        older.set(from);
    }
}
