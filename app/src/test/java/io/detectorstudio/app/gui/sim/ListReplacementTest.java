package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ListReplacementTest {

    private final List<String> changes = new ArrayList<>();

    private ObservableList<String> shown(List<String> elements) {
        ObservableList<String> shown = FXCollections.observableArrayList(elements);
        shown.addListener((ListChangeListener<String>) c -> changes.add(c.toString()));
        return shown;
    }

    private static List<String> names(int n) {
        return IntStream.range(0, n).mapToObj(i -> new String("e" + i)).toList();
    }

    @Test
    void oneDifferentElementIsOneReplacement() {
        List<String> before = names(20);
        ObservableList<String> shown = shown(before);
        List<String> after = new ArrayList<>(before);
        after.set(7, "changed");
        ListReplacement.apply(shown, after);
        assertThat(shown).isEqualTo(after);
        assertThat(changes).hasSize(1);
    }

    @Test
    void equalButNotTheSameObjectCountsAsChanged() {
        List<String> before = names(3);
        ObservableList<String> shown = shown(before);
        List<String> after = names(3); // equal strings, other objects: the session's new states
        ListReplacement.apply(shown, after);
        assertThat(changes).hasSize(3);
        assertThat(shown.get(0)).isSameAs(after.get(0));
    }

    @Test
    void manyDifferencesOrAnotherSizeAreOneChange() {
        ObservableList<String> shown = shown(names(20));
        ListReplacement.apply(shown, names(20)); // all 20 are other objects
        assertThat(changes).hasSize(1);
        ListReplacement.apply(shown, names(21));
        assertThat(changes).hasSize(2);
        assertThat(shown).hasSize(21);
        ListReplacement.apply(shown, List.of());
        assertThat(shown).isEmpty();
        assertThat(changes).hasSize(3);
    }

    @Test
    void theSameElementsChangeNothing() {
        List<String> same = names(5);
        ObservableList<String> shown = shown(same);
        ListReplacement.apply(shown, same);
        assertThat(changes).isEmpty();
    }
}
