package io.detectorstudio.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@link BackgroundWork} for tests that choose when, and in which order, submitted jobs finish. */
final class QueuedWork implements BackgroundWork {

    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public <T> Job submit(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        boolean[] state = new boolean[2]; // cancelled, done
        queued.add(() -> {
            state[1] = true;
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                if (!state[0]) {
                    failed.accept(e);
                }
                return;
            }
            if (!state[0]) {
                done.accept(result);
            }
        });
        return new Job() {
            @Override
            public boolean isDone() {
                return state[1];
            }

            @Override
            public void cancel() {
                state[0] = true; // like a worker already running it: the job still runs, its result is dropped
            }
        };
    }

    /** The test's thread stands for the UI thread: updates run at once. */
    @Override
    public void ui(Runnable update) {
        update.run();
    }

    int size() {
        return queued.size();
    }

    /** Runs the job submitted {@code index}-th (0: the first) — work and callback — now. */
    void finish(int index) {
        queued.set(index, null).run();
    }
}
