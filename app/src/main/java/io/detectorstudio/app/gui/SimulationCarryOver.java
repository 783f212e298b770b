package io.detectorstudio.app.gui;

import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionInput;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an edit of the model does to the running simulation. A daily user edits a condition after watching it
 * misbehave and wants to see the same messages run through the fixed model: so the simulation restarts on the
 * edited model and replays what the previous session was sent (messages, advances, updates, in order; breakpoints
 * are set again after the replay, so it does not stop half-way). A session too long to replay at once is not
 * thrown away: it keeps running the previous version and the notice says how to restart. No JavaFX.
 */
final class SimulationCarryOver {

    /** Longer histories are not replayed on an edit (it would hold up the window). */
    static final int REPLAY_LIMIT = 5_000;

    /** What happened, and the notice for the user. */
    record Outcome(boolean restarted, int replayed) {
        String notice() {
            if (!restarted) {
                return "The model changed — this simulation still runs the previous version (too long to replay). "
                        + "Restart (Ctrl+R) to simulate the edited model.";
            }
            return replayed == 0 ? "The model changed — the simulation restarted on the edited model."
                    : "The model changed — the simulation restarted on the edited model and replayed the "
                    + replayed + " input" + (replayed == 1 ? "" : "s") + " sent so far.";
        }
    }

    private SimulationCarryOver() {
    }

    /** Whether {@code previous} is short enough to be replayed on the edited model. */
    static boolean canReplay(Session previous) {
        return previous.history().size() <= REPLAY_LIMIT;
    }

    /**
     * Replays {@code previous}'s history on {@code fresh} (a new session of the edited model) and then sets
     * {@code previous}'s breakpoints through {@code addBreakpoint} (so the workbench lists them).
     */
    static Outcome replay(Session previous, Session fresh, Consumer<Breakpoint> addBreakpoint) {
        List<SessionInput> history = previous.history();
        if (!history.isEmpty()) {
            fresh.enqueue(history);
            fresh.resume();
        }
        previous.breakpoints().forEach(addBreakpoint);
        return new Outcome(true, history.size());
    }
}
