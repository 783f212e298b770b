package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListDeltaTest {

    @Test
    void twoDeltasMergedChangeTheListAsBothInTurn() {
        List<String> base = List.of("a", "b", "c");
        List<ListDelta<String>> firsts = List.of(new ListDelta<>(3, List.of("d", "e")), new ListDelta<>(1, List.of("x")),
                new ListDelta<>(0, List.of()), ListDelta.none(3));
        List<ListDelta<String>> seconds = List.of(new ListDelta<>(4, List.of("f")), new ListDelta<>(2, List.of("y", "z")),
                new ListDelta<>(0, List.of("q")), ListDelta.none(5), new ListDelta<>(1, List.of()));
        for (ListDelta<String> first : firsts) {
            for (ListDelta<String> second : seconds) {
                List<String> stepwise = new ArrayList<>(base);
                first.applyTo(stepwise);
                if (second.keep() > stepwise.size()) {
                    continue; // not a delta of that list
                }
                second.applyTo(stepwise);
                List<String> merged = new ArrayList<>(base);
                first.then(second).applyTo(merged);
                assertThat(merged).as("%s then %s", first, second).isEqualTo(stepwise);
            }
        }
    }

    @Test
    void theJournalShowsUpToThePositionAndForgetsACutHistory() {
        CycleJournal<int[]> journal = new CycleJournal<>(e -> e[0]);
        List<int[]> shown = new ArrayList<>();
        for (int cycle = 1; cycle <= 4; cycle++) {
            journal.add(new int[] {cycle, 0});
            journal.add(new int[] {cycle, 1});
        }
        journal.delta(4).applyTo(shown);
        assertThat(shown).hasSize(8);
        journal.delta(2).applyTo(shown); // stepped back to cycle 2
        assertThat(shown).extracting(e -> e[0]).containsExactly(1, 1, 2, 2);
        journal.dropFrom(3); // a new cycle 3
        journal.add(new int[] {3, 9});
        journal.delta(3).applyTo(shown);
        assertThat(shown).extracting(e -> e[0] * 10 + e[1]).containsExactly(10, 11, 20, 21, 39);
        ListDelta<int[]> unchanged = journal.delta(3);
        assertThat(unchanged.changes(shown.size())).isFalse();
    }
}
