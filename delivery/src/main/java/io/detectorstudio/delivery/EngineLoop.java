package io.detectorstudio.delivery;

import io.detectorstudio.engine.runtime.Clock;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An engine on the wall clock, owned by one thread (the engine is not thread-safe): messages from any source
 * (standard input, MQTT) are put in through it one call at a time, and a timer falls due on time whether or not a
 * message arrives (§C.5).
 */
public final class EngineLoop implements MessageIngress, AutoCloseable {

    private final Engine engine;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "engine");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> nextTimer;

    public EngineLoop(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public List<MessageError> put(List<Message> batch) throws Exception {
        return call(() -> engine.put(batch));
    }

    /** Runs {@code work} on the engine's thread after moving the clock to now, and waits for its result. */
    public <T> T call(Callable<T> work) throws Exception {
        try {
            return thread.submit(() -> {
                engine.advanceTo(clock.nowMillis());
                T result = work.call();
                scheduleNextTimer();
                return result;
            }).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void scheduleNextTimer() {
        if (nextTimer != null) {
            nextTimer.cancel(false);
        }
        Long due = engine.nextTimerDue();
        if (due != null) {
            nextTimer = thread.schedule(() -> {
                engine.advanceTo(clock.nowMillis());
                scheduleNextTimer();
            }, Math.max(0, due - clock.nowMillis()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
