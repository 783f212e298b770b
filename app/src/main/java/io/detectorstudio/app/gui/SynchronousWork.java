package io.detectorstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@link BackgroundWork} for view-model tests and benchmarks: the work, its callback and UI updates run at once, on
 * the caller's thread, so a command has finished and published its state when it returns.
 */
public final class SynchronousWork implements BackgroundWork {

    @Override
    public <T> Job submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return DONE;
        }
        done.accept(result);
        return DONE;
    }

    @Override
    public void ui(Runnable update) {
        update.run();
    }

    private static final Job DONE = new Job() {
        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public void cancel() {
        }
    };
}
