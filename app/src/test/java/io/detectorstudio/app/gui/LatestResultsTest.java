package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestResultsTest {

    @Test
    void anOlderCheckFinishingLastNeverOverwritesTheNewerResult() {
        Deque<Runnable> worker = new ArrayDeque<>();
        List<String> shown = new ArrayList<>();
        LatestResults results = new LatestResults(worker::add, Runnable::run);
        results.submit(() -> "problems of 'pressure >'", shown::add, e -> shown.add("failed"));
        results.submit(() -> "problems of 'pressure > 70'", shown::add, e -> shown.add("failed"));
        worker.removeLast().run(); // the newer check finishes first
        worker.removeLast().run(); // the older one comes in late
        assertThat(shown).containsExactly("problems of 'pressure > 70'");
    }

    @Test
    void aFailureIsReportedOnlyWhenItIsTheNewest() {
        Deque<Runnable> worker = new ArrayDeque<>();
        List<String> shown = new ArrayList<>();
        LatestResults results = new LatestResults(worker::add, Runnable::run);
        results.<String>submit(() -> {
            throw new IllegalStateException("old");
        }, shown::add, e -> shown.add("failed: " + e.getMessage()));
        results.<String>submit(() -> {
            throw new IllegalStateException("new");
        }, shown::add, e -> shown.add("failed: " + e.getMessage()));
        worker.removeFirst().run();
        worker.removeFirst().run();
        assertThat(shown).containsExactly("failed: new");
    }
}
