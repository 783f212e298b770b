package io.detectorstudio.app.gui.sim;

import io.detectorstudio.app.gui.BackgroundWork;
import io.detectorstudio.simulator.session.Session;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Who may touch the session (it is not thread-safe): the UI thread, except while a background run (Continue, Play,
 * a trace replay, reading a scenario) has it. During a run the UI's edits (breakpoints, queued inputs) wait in a
 * queue the run applies between cycles, and the run publishes its state at most once per UI update — a new
 * snapshot only when the UI has taken the last one in and laid it out — so a long run never floods the UI thread.
 */
final class SessionOwner {

    /**
     * The least time between two snapshots of a run (a snapshot reads every instance): at most 20 a second, as
     * many as the eye follows in a run, since every update drawn is software rendering on machines without a GPU.
     * Drawing less leaves the run the CPU: at 15 ms the stall probe's 100,000-record replay drew twice the frames
     * and its test took 23-24 s against 16-18 s, with the same longest gaps.
     */
    private static final long PUBLISH_NANOS = 50_000_000;
    /**
     * How long a run waits, at most, for the UI thread to take a snapshot in and lay it out before it goes on: on
     * two cores the worker would otherwise take the CPU the UI thread and the renderer need (the run slows instead
     * of the UI). A snapshot normally takes one or two pulses; the longest wait is the first one of a session, when
     * the lists and tables make their first cells (40-90 ms of the FX thread's CPU on the 2-core machine; with a
     * 50 ms bound the run took a quarter of the CPU back in the middle of it).
     */
    private static final long YIELD_NANOS = 100_000_000;

    private final Session session;
    private final SessionMirror mirror;
    private final BackgroundWork work;
    private final Consumer<SimulationSnapshot> ui;
    private final Object lock = new Object();
    private final Queue<Consumer<Session>> edits = new ConcurrentLinkedQueue<>();
    private final AtomicReference<SimulationSnapshot> pending = new AtomicReference<>();
    /** From a snapshot's hand-over until the UI has laid it out ({@link BackgroundWork#afterDrawn}). */
    private volatile boolean uiBusy;
    private boolean busy; // guarded by lock
    private volatile boolean cancelled;
    private long lastPublished;
    private long lastYield;

    SessionOwner(Session session, BackgroundWork work, Consumer<SimulationSnapshot> ui) {
        this.session = session;
        this.mirror = new SessionMirror(session);
        this.work = work;
        this.ui = ui;
    }

    Session session() {
        return session;
    }

    boolean busy() {
        synchronized (lock) {
            return busy;
        }
    }

    /** Applies {@code edit} now, or between the cycles of the run that has the session. */
    void edit(Consumer<Session> edit) {
        synchronized (lock) {
            if (busy) {
                edits.add(edit);
                return;
            }
        }
        edit.accept(session);
    }

    /**
     * Runs {@code job} on the worker (the session's serial lane of {@link BackgroundWork}) with the session; its result is the status line. {@code finished} runs on the
     * UI thread afterwards. False (and nothing runs) when a run has the session already.
     */
    boolean run(Function<SessionOwner, String> job, Runnable finished) {
        synchronized (lock) {
            if (busy) {
                return false;
            }
            busy = true;
            cancelled = false;
        }
        work.submit("simulation run", () -> {
            String status = "Stopped";
            try {
                status = job.apply(this);
            } catch (RuntimeException e) {
                status = "Stopped: " + e.getMessage();
            } finally {
                SimulationSnapshot last;
                synchronized (lock) {
                    try {
                        applyEdits();
                        last = mirror.snapshot(status);
                    } finally {
                        busy = false;
                    }
                }
                offer(last);
            }
            return status;
        }, status -> finished.run(), failure -> finished.run());
        return true;
    }

    /** Asks the run to stop after the cycle it is in (Pause). */
    void cancel() {
        cancelled = true;
        session.pause();
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Between two cycles of a run: applies waiting edits, publishes the state if the UI is ready for it. */
    void between(String progress) {
        applyEdits();
        long now = System.nanoTime();
        if (uiBusy && now - lastPublished > PUBLISH_NANOS && now - lastYield > PUBLISH_NANOS) {
            // the UI has not laid out the last state yet: let it have the CPU for a while (then run at least as long)
            long until = now + YIELD_NANOS;
            while (uiBusy && System.nanoTime() < until) {
                LockSupport.parkNanos(1_000_000);
            }
            now = System.nanoTime();
            lastYield = now;
        }
        if (!uiBusy && now - lastPublished > PUBLISH_NANOS) {
            lastPublished = now;
            offer(mirror.snapshot(progress));
        }
    }

    /** Publishes the state at once (the caller has the session: the UI thread outside a run). */
    void publishNow(String status) {
        SimulationSnapshot now = mirror.snapshot(status);
        SimulationSnapshot waiting = pending.getAndSet(null);
        ui.accept(waiting == null ? now : waiting.then(now));
    }

    private void applyEdits() {
        for (Consumer<Session> e; (e = edits.poll()) != null; ) {
            e.accept(session);
        }
    }

    /** Hands a snapshot to the UI thread, merged into one still waiting there (one UI update at a time). */
    private void offer(SimulationSnapshot snapshot) {
        SimulationSnapshot before = pending.getAndUpdate(p -> p == null ? snapshot : p.then(snapshot));
        if (before == null) {
            uiBusy = true;
            work.ui(() -> {
                SimulationSnapshot s = pending.getAndSet(null);
                if (s != null) {
                    ui.accept(s);
                }
                work.afterDrawn(() -> uiBusy = pending.get() != null);
            });
        }
    }
}
