package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ListTailTest {

    private static void assertTail(ObservableList<Integer> source, ListTail<Integer> tail, int limit) {
        int from = Math.max(0, source.size() - limit);
        assertThat(tail.shown()).containsExactlyElementsOf(source.subList(from, source.size()));
        assertThat(tail.olderProperty().get()).isEqualTo(from);
    }

    @Test
    void showsTheNewestElementsAsTheListGrowsAndIsCutBack() {
        ObservableList<Integer> source = FXCollections.observableArrayList();
        ListTail<Integer> tail = new ListTail<>(source, 5);
        assertTail(source, tail, 5);
        source.addAll(1, 2, 3);
        assertTail(source, tail, 5);
        source.addAll(4, 5, 6, 7);
        assertTail(source, tail, 5);
        source.addAll(IntStream.range(8, 30).boxed().toList()); // more than the limit at once
        assertTail(source, tail, 5);
        source.remove(27, source.size()); // a step back cuts the newest
        assertTail(source, tail, 5);
        source.remove(2, source.size());
        assertTail(source, tail, 5);
        source.clear();
        assertTail(source, tail, 5);
    }

    @Test
    void randomAppendsAndCutsLikeListDeltasKeepTheTail() {
        Random random = new Random(20);
        ObservableList<Integer> source = FXCollections.observableArrayList();
        ListTail<Integer> tail = new ListTail<>(source, 50);
        int next = 0;
        for (int step = 0; step < 2_000; step++) {
            int keep = random.nextInt(10) == 0 ? random.nextInt(source.size() + 1) : source.size();
            List<Integer> append = new ArrayList<>();
            for (int i = random.nextInt(random.nextBoolean() ? 5 : 120); i > 0; i--) {
                append.add(next++);
            }
            new ListDelta<>(keep, append).applyTo(source);
            assertTail(source, tail, 50);
        }
    }

    @Test
    void anAppendIsAtMostTwoChangesOfTheShownList() {
        ObservableList<Integer> source = FXCollections.observableArrayList(IntStream.range(0, 100).boxed().toList());
        ListTail<Integer> tail = new ListTail<>(source, 10);
        List<String> changes = new ArrayList<>();
        tail.shown().addListener((javafx.collections.ListChangeListener<Integer>) c -> changes.add(c.toString()));
        source.addAll(100, 101, 102);
        assertThat(changes).hasSizeLessThanOrEqualTo(2);
        assertTail(source, tail, 10);
    }
}
