package io.detectorstudio.simulator.session;

import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.simulator.faults.FaultyDelivery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where a session's new operations come from: inputs applied now, a script the stepping methods consume, and the
 * delivery faults between them and the {@link History} when configured (messages held back, duplicated or
 * reordered). Relative advances become absolute when applied, so the history replays exactly.
 */
final class InputFeed {

    private final History history;
    private final Deque<SessionInput> script = new ArrayDeque<>();
    private final FaultyDelivery faulty;
    private List<MessageError> errors = new ArrayList<>();

    InputFeed(Session.Config config, History history) {
        this.history = history;
        this.faulty = config.faults().active() ? new FaultyDelivery(config.faults(), new FaultyDelivery.Target() {
            @Override
            public void deliver(List<Message> batch) {
                errors.addAll(history.record(new SessionInput.Send(batch)));
            }

            @Override
            public void advanceTo(long millis) {
                history.record(new SessionInput.Advance(millis));
            }

            @Override
            public long now() {
                return history.engine().now();
            }
        }) : null;
    }

    /** Applies a new input now; its per-entry errors are added to {@link #errors()}. */
    void apply(SessionInput input) {
        if (input instanceof SessionInput.AdvanceBy by) {
            input = new SessionInput.Advance(history.engine().now() + by.millis());
        }
        if (faulty == null) {
            errors.addAll(history.record(input));
            return;
        }
        if (input instanceof SessionInput.Send s) {
            faulty.send(s.batch());
        } else if (input instanceof SessionInput.Advance a) {
            faulty.advanceTo(a.toMillis());
        } else {
            faulty.flush();
            errors.addAll(history.record(input));
        }
    }

    /** Starts collecting the errors of the next input afresh. */
    void clearErrors() {
        errors = new ArrayList<>();
    }

    List<MessageError> errors() {
        return List.copyOf(errors);
    }

    void enqueue(List<? extends SessionInput> inputs) {
        script.addAll(inputs);
    }

    int scriptLength() {
        return script.size();
    }

    /**
     * Makes the engine run further: the next recorded operation again, else (with {@code consumeScript}) the next
     * script input, else the messages the faults hold back. False when there is nothing to run.
     */
    boolean computeNext(boolean consumeScript) {
        if (history.redoNext()) {
            return true;
        }
        if (consumeScript && !script.isEmpty()) {
            apply(script.poll());
            return true;
        }
        if (consumeScript && faulty != null && faulty.holding()) {
            faulty.finish();
            return true;
        }
        return false;
    }

    /** Whether neither a script input nor a held-back message is waiting. */
    boolean drained() {
        return script.isEmpty() && (faulty == null || !faulty.holding());
    }
}
