package io.detectorstudio.engine.runtime.shard;

import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.PreparedMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * BatchPutMessage calls of messages from JSON bytes put into a {@link ShardedEngine}, the payloads read for its
 * models on all its shards' threads. From bytes, reading a payload is the larger part of a message's cost: done
 * on the coordinator alone, it caps what all the shards together run. So the calls go in parts: every shard's
 * thread reads a share of a part's calls, after the work handed to it before, while the coordinator routes the
 * part read before — the shards read the next part as they run the last one's cycles. The coordinator touches only
 * what the readers made (not the callers' objects, which may be cold in memory).
 */
public final class ReadAhead {

    /** Fewer calls than this are read at once on the coordinator: handing them over would cost more. */
    static final int PARALLEL_READING = 256;

    /** A message as its payload's JSON bytes: what {@link ShardedEngine#prepare} takes. */
    public record Payload(String inputName, String messageId, byte[] json, Long timestampMillis) {
    }

    private ReadAhead() {
    }

    /**
     * The calls, in order: what {@link ShardedEngine#putPrepared} of each call's {@link ShardedEngine#prepare}d
     * messages does, with the payloads read a part of {@code readAhead} calls ahead of the part being routed. Each
     * call's errors, in order. Called by the coordinator.
     *
     * @throws IOException the first payload that is not JSON, as {@code prepare} throws it (the calls before its
     *         call were put)
     */
    public static List<List<MessageError>> putCalls(ShardedEngine engine, List<List<Payload>> calls, int readAhead)
            throws IOException {
        List<List<MessageError>> errors = new ArrayList<>(calls.size());
        Part part = read(engine, calls, 0, Math.min(calls.size(), readAhead));
        while (part != null) {
            part.done().join();
            int next = part.from() + part.calls().length;
            Part following = next < calls.size()
                    ? read(engine, calls, next, Math.min(calls.size(), next + readAhead)) : null;
            for (int c = 0; c < part.calls().length; c++) {
                if (part.failures()[c] != null) {
                    throw part.failures()[c];
                }
                errors.add(engine.putPrepared(part.calls()[c]));
            }
            part = following;
        }
        return errors;
    }

    /**
     * Calls [from, from + calls.length) as read: each call's prepared messages, or the error of its first payload
     * that is not JSON; complete once {@code done} is.
     */
    private record Part(int from, List<PreparedMessage>[] calls, IOException[] failures,
                        CompletableFuture<Void> done) {
    }

    /** Starts reading calls [from, to): on the shards' threads, or at once on the coordinator when they are few. */
    private static Part read(ShardedEngine engine, List<List<Payload>> calls, int from, int to) {
        @SuppressWarnings("unchecked")
        List<PreparedMessage>[] read = new List[to - from];
        IOException[] failures = new IOException[to - from];
        Part part;
        if (!engine.threaded() || read.length < PARALLEL_READING) {
            readInto(engine, calls, from, read, failures, 0, read.length);
            part = new Part(from, read, failures, CompletableFuture.completedFuture(null));
        } else {
            // the future's completion publishes the arrays' elements, written on the shards' threads, to the router
            part = new Part(from, read, failures, engine.onEachShardThread(read.length,
                    (start, end) -> readInto(engine, calls, from, read, failures, start, end)));
        }
        return part;
    }

    /**
     * Reads the part's calls [start, end): on any thread, since the models do not change until the reading is done
     * (a model change first waits for every shard's work, this reading included).
     */
    private static void readInto(ShardedEngine engine, List<List<Payload>> calls, int from,
                                 List<PreparedMessage>[] read, IOException[] failures, int start, int end) {
        for (int c = start; c < end; c++) {
            List<Payload> call = calls.get(from + c);
            try {
                if (call.size() == 1) { // the usual call: no array to make
                    read[c] = List.of(prepare(engine, call.get(0)));
                } else {
                    PreparedMessage[] prepared = new PreparedMessage[call.size()];
                    for (int m = 0; m < prepared.length; m++) {
                        prepared[m] = prepare(engine, call.get(m));
                    }
                    read[c] = Arrays.asList(prepared);
                }
            } catch (IOException e) {
                failures[c] = e;
            }
        }
    }

    private static PreparedMessage prepare(ShardedEngine engine, Payload p) throws IOException {
        return engine.prepare(p.inputName(), p.messageId(), p.json(), p.timestampMillis());
    }
}
