package io.detectorstudio.engine.runtime.shard;

import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.DetectorState;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The shards of a {@link ShardedEngine} as one group: which shard owns a detector, the same change made on every
 * shard's engine, work handed over and waited for, and what is read across all of them. Called by the
 * coordinator only.
 */
final class Shards {

    private final Shard[] shards;
    /** several shards: shard 0 runs inline on the coordinator, each other shard on its worker thread */
    final boolean threaded;

    /**
     * @param slots whether each shard keeps its output per slot ({@link OrderedOutput})
     * @param timerChanged told, from a shard's thread, when its next timer changed
     */
    Shards(int count, EngineOptions options, boolean slots, Runnable timerChanged) {
        this.threaded = count > 1;
        this.shards = new Shard[count];
        // with several shards, timers of different detectors due together fire in the one order they all agree on
        EngineOptions shardOptions = threaded ? options.withTimerTiesByDetector(true) : options;
        for (int i = 0; i < count; i++) { // shard 0 runs on the coordinator: n shards on n threads, not n + 1
            shards[i] = new Shard(i, shardOptions, i == 0, slots ? new OrderedOutput.ShardSlots() : null,
                    timerChanged);
        }
    }

    int count() {
        return shards.length;
    }

    /** The shard of a detector: the same for the same (model, key) in every run (String hashes are specified). */
    int shardOf(String model, String key) {
        return shardOf(model, key == null ? 0 : key.hashCode());
    }

    /** {@link #shardOf(String, String)} by the key's {@link String#hashCode} (0 for none). */
    int shardOf(String model, int keyHash) {
        int h = model.hashCode() * 31 + keyHash;
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return Math.floorMod(h, shards.length);
    }

    Shard of(String model, String key) {
        return shards[shardOf(model, key)];
    }

    Shard of(String model, int keyHash) {
        return shards[shardOf(model, keyHash)];
    }

    /** The engine that holds the detector's instance. */
    Engine owner(String model, String key) {
        return of(model, key).engine;
    }

    /** The same change on every shard's engine (models, inputs, sinks: while the shards are idle). */
    void eachEngine(Consumer<Engine> change) {
        for (Shard s : shards) {
            change.accept(s.engine);
        }
    }

    void eachShard(Consumer<Shard> action) {
        for (Shard s : shards) {
            action.accept(s);
        }
    }

    /** Every shard moves its clock to {@code now}, firing its timers due on the way; inline: at once. */
    void advance(long now, long position, boolean inline) {
        for (Shard s : shards) {
            if (inline) {
                s.engine.advanceTo(now);
            } else {
                s.submitAdvance(now, position);
            }
        }
    }

    /** After a direct change of idle shards: their next timers as they are now. */
    void published() {
        for (Shard s : shards) {
            s.publishNextDue();
        }
    }

    /**
     * The earliest next timer of the shards that have seen every advance up to {@code advancedTo} (a shard that has
     * not reports again when it has), or Long.MAX_VALUE.
     *
     * @param direct ask the engines themselves (the shards run on the coordinator)
     */
    long nextDue(long advancedTo, boolean direct) {
        long min = Long.MAX_VALUE;
        for (Shard s : shards) {
            if (direct || s.nextDueSeenAt() >= advancedTo) {
                min = Math.min(min, s.nextDue(direct));
            }
        }
        return min;
    }

    /** Runs {@code job} once on each worker thread, after the work handed to it before (it must touch no instance). */
    void onWorkerThreads(Runnable job) {
        for (Shard s : shards) {
            if (!s.inline()) {
                s.execute(job);
            }
        }
    }

    /** Hands every pending task to its shard; the future completes when all of it has run. */
    CompletableFuture<Void> flush() {
        CompletableFuture<?>[] done = new CompletableFuture<?>[shards.length];
        for (int i = 0; i < shards.length; i++) {
            done[i] = shards[i].handOver();
        }
        return CompletableFuture.allOf(done);
    }

    /** Waits until every shard has run everything handed to it (a failure of a cycle is thrown here). */
    void quiesce() {
        for (Shard s : shards) {
            s.idle().join();
        }
    }

    List<DetectorInstance> instances(String model) {
        List<DetectorInstance> all = new ArrayList<>();
        for (Shard s : shards) {
            all.addAll(s.engine.instances(model));
        }
        return all;
    }

    List<DetectorState> detectorStates(String model) {
        List<DetectorState> all = new ArrayList<>();
        for (Shard s : shards) {
            all.addAll(s.engine.detectorStates(model));
        }
        return all;
    }

    /** The shards' output slots, in shard order (ordered output only). */
    List<OrderedOutput.ShardSlots> slots() {
        List<OrderedOutput.ShardSlots> all = new ArrayList<>();
        for (Shard s : shards) {
            all.add(s.slots);
        }
        return all;
    }

    void stop() {
        for (Shard s : shards) {
            s.stop();
        }
    }
}
