package io.detectorstudio.engine.runtime.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.runtime.EngineOptions;
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
                shard.submit(new Shard.Task(null, null, null, time, 0, 0));
                shard.idle().join();
                assertThat(shard.nextDueSeenAt()).as("after the advance to %d", time).isEqualTo(time);
            }
        } finally {
            shard.stop();
        }
    }
}
