package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.delivery.Deliveries;
import io.detectorstudio.delivery.TargetCounters;
import io.detectorstudio.delivery.bindings.BindingsException;
import io.detectorstudio.delivery.bindings.BindingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The workbench's "Deliver…" (issue 17): the actions of one simulation step sent for real to the targets a bindings
 * file binds them to, to check a binding end to end. No toolkit: the pane runs it off the FX thread.
 */
final class StepDelivery {

    private StepDelivery() {
    }

    /** Delivers, waits at most {@code wait} for every target, and says what happened, one line per target. */
    static String deliver(Path bindingsFile, List<ObjectNode> actions, Duration wait)
            throws BindingsException, InterruptedException {
        Deliveries deliveries = Deliveries.open(new BindingsReader().read(bindingsFile), message -> { });
        boolean finished;
        try {
            actions.forEach(deliveries::accept);
            finished = deliveries.awaitIdle(wait);
        } finally {
            deliveries.close(Duration.ofSeconds(2));
        }
        Map<String, TargetCounters.Snapshot> counters = deliveries.counters();
        if (counters.isEmpty()) {
            return "No action of this step is bound in " + bindingsFile.getFileName() + " (" + deliveries.unbound()
                    + " external actions unbound).";
        }
        StringBuilder out = new StringBuilder();
        counters.forEach((target, c) -> out.append(target).append(": ").append(c.delivered()).append(" delivered")
                .append(c.deadLettered() == 0 ? "" : ", " + c.deadLettered() + " dead letters (" + c.lastError() + ")")
                .append('\n'));
        if (deliveries.unbound() > 0) {
            out.append(deliveries.unbound()).append(" external actions not bound\n");
        }
        if (!finished) {
            out.append("Some targets did not answer within ").append(wait.toSeconds()).append(" s\n");
        }
        if (counters.values().stream().anyMatch(c -> c.deadLettered() > 0)) {
            out.append("Undelivered actions: ").append(deliveries.deadLetters().file().toAbsolutePath()).append('\n');
        }
        return out.toString().strip();
    }
}
