package io.detectorstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** {@link BackgroundWork} on daemon worker threads, results delivered on the FX thread. */
public final class FxBackgroundWork implements BackgroundWork {

    private final ExecutorService workers;

    private FxBackgroundWork(ExecutorService workers) {
        this.workers = workers;
    }

    /** Jobs run side by side (files: open, save, export, scans). */
    public static FxBackgroundWork pool(String name) {
        return new FxBackgroundWork(Executors.newCachedThreadPool(daemons(name)));
    }

    /**
     * Jobs run one after the other (model checks: on 2 cores, checks side by side only slow each other down; the
     * simulation session, which is not thread-safe).
     */
    public static FxBackgroundWork serial(String name) {
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons(name));
        one.allowCoreThreadTimeOut(true); // a lane nobody uses (a closed window's) holds no thread
        return new FxBackgroundWork(one);
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public <T> Job submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        FxJob job = new FxJob();
        job.future = workers.submit(() -> {
            if (job.cancelled) {
                return;
            }
            try {
                T result = work.call();
                Platform.runLater(() -> job.deliver(() -> done.accept(result)));
            } catch (Throwable e) {
                Platform.runLater(() -> job.deliver(() -> failed.accept(e)));
            }
        });
        return job;
    }

    @Override
    public void ui(Runnable update) {
        Platform.runLater(update);
    }

    @Override
    public void afterDrawn(Runnable then) {
        AnimationTimer afterNextPulse = new AnimationTimer() {
            // an animation timer runs at the start of each pulse, before its CSS and layout passes: the first
            // tick is the pulse that lays out what was changed before it, the second comes after that pulse
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks == 2) {
                    stop();
                    then.run();
                }
            }
        };
        if (Platform.isFxApplicationThread()) {
            afterNextPulse.start();
        } else {
            Platform.runLater(afterNextPulse::start);
        }
    }

    private static final class FxJob implements Job {
        private volatile boolean cancelled;
        private volatile boolean done;
        private volatile Future<?> future;

        /** On the FX thread. */
        void deliver(Runnable callback) {
            try {
                if (!cancelled) {
                    callback.run();
                }
            } finally {
                done = true;
            }
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null && f.cancel(false)) {
                done = true; // it never started: no callback will come
            }
        }
    }
}
