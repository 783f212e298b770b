package io.detectorstudio.simulator.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The outcome of one scenario: every failed expectation (a failure does not stop the run) and the trace. */
public record ScenarioResult(Scenario scenario, List<Failure> failures, List<ObjectNode> trace, long elapsedNanos) {

    public boolean passed() {
        return failures.isEmpty();
    }

    /** A failed expectation at step {@code step} (0-based index into {@code steps}). */
    public record Failure(int step, String expected, String actual) {
        public String describe(String scenario) {
            return scenario + ":" + step + ": expected " + expected + " but was " + actual;
        }
    }
}
