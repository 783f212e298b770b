package io.detectorstudio.engine.runtime.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detectorstudio.engine.runtime.Clock;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A shard is idle when its future says so: by then its thread has stopped touching its engine. The coordinator
 * changes an idle shard's engine directly (restoring, updating, deleting detectors), so a thread still reading the
 * engine's timer schedule after answering could drop a timer being restored — the server's overdue timer then never
 * fired after a restart (WallClockTimerTest failed once in CI).
 */
class ShardTest {

    @Test
    void anIdleShardHasPublishedItsNextTimerForTheWorkItRan() throws Exception {
        Shard shard = new Shard(0, EngineOptions.DEFAULTS, false, null, () -> { });
        try {
            for (int time = 1; time <= 20_000; time++) {
                shard.submitAdvance(time, 0);
                shard.idle().join();
                assertThat(shard.nextDueSeenAt()).as("after the advance to %d", time).isEqualTo(time);
            }
        } finally {
            shard.stop();
        }
    }

    /** A shard whose engine fails while its next timer is published still answers the batch, and goes on serving. */
    @Test
    void aFailureWhilePublishingTheNextTimerFailsTheBatchInsteadOfLeavingItUnanswered() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        Clock clock = () -> {
            if (failing.get()) {
                throw new IllegalStateException("clock broken");
            }
            return 0;
        };
        Shard shard = new Shard(0, new Engine(EngineOptions.DEFAULTS, clock), false, null, () -> { });
        try {
            failing.set(true);
            shard.submitAdvance(1, 0);
            assertThatThrownBy(() -> shard.idle().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("clock broken");

            failing.set(false);
            shard.submitAdvance(2, 0);
            shard.idle().get(10, TimeUnit.SECONDS);
            assertThat(shard.nextDue(false)).isEqualTo(Long.MAX_VALUE);
        } finally {
            shard.stop();
        }
    }
}
