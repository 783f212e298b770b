package io.detectorstudio.engine.runtime.shard;

import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.PreparedMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Messages from JSON bytes read for a {@link ShardedEngine}'s models on all its shards' threads. From bytes,
 * reading a payload is the larger part of a message's cost: done on the coordinator alone it caps what all the
 * shards together run. So every shard's thread reads a part of many payloads, after the work handed to it before,
 * while the coordinator routes what was read before — the shards read the next part as they run the last one's
 * cycles.
 */
public final class ReadAhead {

    /** Fewer payloads than this are read at once on the coordinator: handing them over would cost more. */
    static final int PARALLEL_READING = 256;

    /** A message as its payload's JSON bytes: what {@link ShardedEngine#prepare} takes. */
    public record Payload(String inputName, String messageId, byte[] json, Long timestampMillis) {
    }

    /** A payload as read: the prepared message, or the error of bytes that are not JSON. */
    public record Reading(PreparedMessage message, IOException error) {
    }

    private ReadAhead() {
    }

    /**
     * Many payloads read at once, each as {@link ShardedEngine#prepare} reads it, in order: with several shards,
     * each shard's thread reads a part. The future completes when all are read; the coordinator may meanwhile put
     * what it read before. Called by the coordinator.
     */
    public static CompletableFuture<List<Reading>> prepareAll(ShardedEngine engine, List<Payload> payloads) {
        Reading[] read = new Reading[payloads.size()];
        if (!engine.threaded() || read.length < PARALLEL_READING) {
            readInto(engine, read, payloads, 0, read.length);
            return CompletableFuture.completedFuture(Arrays.asList(read));
        }
        // the future's completion publishes the array's elements, written on the shards' threads, to its reader
        return engine.onEachShardThread(read.length, (from, to) -> readInto(engine, read, payloads, from, to))
                .thenApply(done -> Arrays.asList(read));
    }

    /**
     * BatchPutMessage calls of messages from JSON bytes, in order: what {@link ShardedEngine#putPrepared} of each
     * call's prepared messages does, with the payloads read by {@link #prepareAll} a part of at least
     * {@code readAhead} messages ahead of the part being routed. Each call's errors, in order.
     *
     * @throws IOException the first payload that is not JSON (the calls before its call were put)
     */
    public static List<List<MessageError>> putCalls(ShardedEngine engine, List<List<Payload>> calls, int readAhead)
            throws IOException {
        List<List<MessageError>> errors = new ArrayList<>(calls.size());
        Part part = part(engine, calls, 0, readAhead);
        while (part != null) {
            List<Reading> read = part.read().join();
            Part next = part.toCall() < calls.size() ? part(engine, calls, part.toCall(), readAhead) : null;
            int r = 0;
            for (int c = part.fromCall(); c < part.toCall(); c++) {
                int size = calls.get(c).size();
                PreparedMessage[] call = new PreparedMessage[size];
                for (int m = 0; m < size; m++, r++) {
                    if (read.get(r).error() != null) {
                        throw read.get(r).error();
                    }
                    call[m] = read.get(r).message();
                }
                errors.add(engine.putPrepared(Arrays.asList(call)));
            }
            part = next;
        }
        return errors;
    }

    /** Calls [fromCall, toCall) being read: whole calls, at least {@code size} messages unless they run out. */
    private record Part(int fromCall, int toCall, CompletableFuture<List<Reading>> read) {
    }

    private static Part part(ShardedEngine engine, List<List<Payload>> calls, int fromCall, int size) {
        List<Payload> payloads = new ArrayList<>(size);
        int toCall = fromCall;
        while (toCall < calls.size() && payloads.size() < size) {
            for (Payload p : calls.get(toCall++)) { // not addAll: it copies each call into an array first
                payloads.add(p);
            }
        }
        return new Part(fromCall, toCall, prepareAll(engine, payloads));
    }

    /**
     * Reads payloads [from, to): on any thread, since the models do not change until the reading is done (a model
     * change first waits for every shard's work, this reading included).
     */
    private static void readInto(ShardedEngine engine, Reading[] read, List<Payload> payloads, int from, int to) {
        for (int i = from; i < to; i++) {
            Payload p = payloads.get(i);
            try {
                read[i] = new Reading(engine.prepare(p.inputName(), p.messageId(), p.json(), p.timestampMillis()),
                        null);
            } catch (IOException e) {
                read[i] = new Reading(null, e);
            }
        }
    }
}
