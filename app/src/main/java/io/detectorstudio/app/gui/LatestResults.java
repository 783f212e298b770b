package io.detectorstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs checks off the FX thread and hands back only the newest one's result: every {@link #submit} takes a ticket,
 * and a result whose ticket is no longer the latest is dropped, so a slow check of an older text never overwrites
 * a newer one. {@code submit} and the callbacks run on the delivering thread (the FX thread in the window). No JavaFX.
 */
final class LatestResults {
    private final Executor worker;
    private final Executor deliver;
    private long latest;

    LatestResults(Executor worker, Executor deliver) {
        this.worker = worker;
        this.deliver = deliver;
    }

    <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onFailure) {
        long ticket = ++latest;
        worker.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                deliver.execute(() -> {
                    if (ticket == latest) {
                        onFailure.accept(e);
                    }
                });
                return;
            }
            deliver.execute(() -> {
                if (ticket == latest) {
                    onResult.accept(result);
                }
            });
        });
    }
}
