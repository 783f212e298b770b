package io.detectorstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs checks through a {@link BackgroundWork} and hands back only the newest one's result: every {@link #submit}
 * takes a ticket (a generation), cancels the previous check, and a result whose ticket is no longer the latest is
 * dropped, so a slow check of an older text never overwrites a newer one. {@code submit} and the callbacks run on
 * the delivering thread (the FX thread in the window). No JavaFX.
 */
final class LatestResults {
    private final BackgroundWork work;
    private long latest;
    private BackgroundWork.Job running;

    LatestResults(BackgroundWork work) {
        this.work = work;
    }

    <T> void submit(String what, Callable<T> check, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        long ticket = ++latest;
        if (running != null) {
            running.cancel();
        }
        running = work.submit(what, check, result -> {
            if (ticket == latest) {
                onResult.accept(result);
            }
        }, e -> {
            if (ticket == latest) {
                onFailure.accept(e);
            }
        });
    }
}
