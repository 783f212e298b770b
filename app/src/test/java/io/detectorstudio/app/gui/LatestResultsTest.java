package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestResultsTest {

    @Test
    void anOlderCheckFinishingLastNeverOverwritesTheNewerResult() {
        QueuedWork worker = new QueuedWork();
        List<String> shown = new ArrayList<>();
        LatestResults results = new LatestResults(worker);
        results.submit("old", () -> "problems of 'pressure >'", shown::add, e -> shown.add("failed"));
        results.submit("new", () -> "problems of 'pressure > 70'", shown::add, e -> shown.add("failed"));
        worker.finish(1); // the newer check finishes first
        worker.finish(0); // the older one comes in late
        assertThat(shown).containsExactly("problems of 'pressure > 70'");
    }

    @Test
    void aFailureIsReportedOnlyWhenItIsTheNewest() {
        QueuedWork worker = new QueuedWork();
        List<String> shown = new ArrayList<>();
        LatestResults results = new LatestResults(worker);
        results.<String>submit("old", () -> {
            throw new IllegalStateException("old");
        }, shown::add, e -> shown.add("failed: " + e.getMessage()));
        results.<String>submit("new", () -> {
            throw new IllegalStateException("new");
        }, shown::add, e -> shown.add("failed: " + e.getMessage()));
        worker.finish(0);
        worker.finish(1);
        assertThat(shown).containsExactly("failed: new");
    }
}
