package io.detectorstudio.simulator.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Presents computed cycles one sub-step at a time: moves the {@link Position}, tells the {@link SessionListener}s,
 * and asks the {@link BreakpointMatcher} what each presented moment hits. Where cycles come from is not its
 * business: {@link #advance} is given what computes the next one when the position has reached the engine's last.
 */
final class Presenter {

    /** Whether a step moved the position, and the first breakpoint it hit (null: none). */
    record Move(boolean moved, Hit hit) {
        static final Move STUCK = new Move(false, null);
    }

    private final History history;
    private final ModelIndex index;
    private final BreakpointMatcher matcher;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private Position position = Position.START;

    Presenter(History history, ModelIndex index, BreakpointMatcher matcher) {
        this.history = history;
        this.index = index;
        this.matcher = matcher;
    }

    void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    Position position() {
        return position;
    }

    /** A jump in time: the position moves without presenting anything, and no change across it counts. */
    void jumpTo(Position to) {
        position = to;
        matcher.forget();
        history.evict(position.cycle());
    }

    /**
     * Moves one sub-step forward (into the next cycle when this one is complete, calling {@code computeNext} until
     * the engine has run it; stuck when that gives up). Every hit is reported to the listeners; the first is
     * returned.
     */
    Move advance(BooleanSupplier computeNext) {
        List<Hit> hits = new ArrayList<>();
        if (!position.complete()) {
            present(history.frame(position.cycle()), position.subStep(), hits);
        } else {
            int next = position.cycle() + 1;
            while (history.engineCycles() < next) {
                if (!computeNext.getAsBoolean()) {
                    return Move.STUCK;
                }
            }
            Frame f = history.frame(next);
            start(f);
            if (f.steps().isEmpty()) {
                position = new Position(next, 0, true);
                finish(f, hits);
            } else {
                present(f, 0, hits);
            }
        }
        history.evict(position.cycle());
        hits.forEach(h -> listeners.forEach(l -> l.breakpointHit(h)));
        return new Move(true, hits.isEmpty() ? null : hits.get(0));
    }

    private void start(Frame f) {
        listeners.forEach(l -> l.cycleStarted(f.cycle(), f.record(), f.cycleRecord()));
        if (matcher.watching()) { // the instance as shown is built only for watch breakpoints
            matcher.cycleStarted(f, f.initial(index));
        }
    }

    private void present(Frame f, int i, List<Hit> hits) {
        SubStep step = f.steps().get(i);
        position = new Position(f.cycle(), i + 1, i + 1 == f.steps().size());
        if (step.kind() == SubStep.Kind.ACTION) {
            listeners.forEach(l -> l.actionEmitted(step.detail()));
        }
        matcher.subStep(f, step, position, hits);
        if (position.complete()) {
            finish(f, hits);
        } else if (matcher.watching()) {
            matcher.watches(f, f.partial(index, i + 1), position, hits);
        }
    }

    private void finish(Frame f, List<Hit> hits) {
        matcher.watches(f, f.after(), position, hits);
        matcher.cycleFinished(f, position, hits);
        listeners.forEach(l -> l.cycleFinished(f.cycle(), f.record()));
    }
}
