package io.detectorstudio.engine.runtime.shard;

import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.PreparedMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BatchPutMessage calls of messages from JSON bytes put into a {@link ShardedEngine}, the payloads read for its
 * models on all its threads. From bytes, reading a payload is the larger part of a message's cost: done on the
 * coordinator alone, it caps what all the shards together run. So the calls go in parts. While the coordinator
 * routes a part (running shard 0's cycles as it goes), the worker threads read the next part, ahead of the cycles
 * of this one; then the coordinator reads what they have not. Readers claim a few calls at a time, so whoever has
 * less to do reads more, and the coordinator waits only for claims being read, not for a worker still busy.
 */
public final class ReadAhead {

    /** Fewer calls than this are read on the coordinator alone: handing them over would cost more. */
    static final int PARALLEL_READING = 256;
    /** Calls claimed at a time by a reader: enough to make the claim cheap, few enough to share the tail. */
    static final int CLAIM = 64;

    /** A message as its payload's JSON bytes: what {@link ShardedEngine#prepare} takes. */
    public record Payload(String inputName, String messageId, byte[] json, Long timestampMillis) {
    }

    private ReadAhead() {
    }

    /**
     * The calls, in order: what {@link ShardedEngine#putPrepared} of each call's {@link ShardedEngine#prepare}d
     * messages does, with the payloads read by all threads a part of {@code readAhead} calls at a time. Each
     * call's errors, in order. Called by the coordinator.
     *
     * @throws IOException the first payload that is not JSON, as {@code prepare} throws it (the calls before its
     *         call were put)
     */
    public static List<List<MessageError>> putCalls(ShardedEngine engine, List<List<Payload>> calls, int readAhead)
            throws IOException {
        List<List<MessageError>> errors = new ArrayList<>(calls.size());
        Part next = calls.isEmpty() ? null : startReading(engine, calls, 0, Math.min(calls.size(), readAhead));
        try {
            while (next != null) {
                Part part = next;
                part.readClaims(engine); // what the workers have not claimed yet
                part.awaitRead();
                int following = part.from + part.calls.length;
                // the workers read the next part while this one is routed, ahead of its cycles
                next = following < calls.size()
                        ? startReading(engine, calls, following, Math.min(calls.size(), following + readAhead)) : null;
                for (int c = 0; c < part.calls.length; c++) {
                    if (part.failures[c] instanceof IOException notJson) {
                        throw notJson;
                    } else if (part.failures[c] != null) {
                        throw (RuntimeException) part.failures[c];
                    }
                    errors.add(engine.putPrepared(part.calls[c]));
                }
            }
        } finally {
            if (next != null) { // left early: no reading may go on once this returns, the models may change then
                next.stopReading();
            }
        }
        return errors;
    }

    /**
     * Calls [from, to) as read: each call's prepared messages, or the failure of its first payload that could not be
     * read. Readers claim {@link #CLAIM} calls at a time from {@code next}.
     */
    private static final class Part {
        final List<List<Payload>> source;
        final int from;
        final List<PreparedMessage>[] calls;
        /** by call: the IOException of bytes that are not JSON, or what else reading it threw */
        final Exception[] failures;
        final AtomicInteger next = new AtomicInteger();
        /** calls read so far: a reader adds its claim's count once it has written them (which publishes them) */
        final AtomicInteger read = new AtomicInteger();

        @SuppressWarnings("unchecked")
        Part(List<List<Payload>> source, int from, int to) {
            this.source = source;
            this.from = from;
            this.calls = new List[to - from];
            this.failures = new Exception[to - from];
        }

        /** Reads claimed calls until none is left; on any thread (the models do not change until all is read). */
        void readClaims(ShardedEngine engine) {
            for (int c = next.getAndAdd(CLAIM); c < calls.length; c = next.getAndAdd(CLAIM)) {
                int end = Math.min(calls.length, c + CLAIM);
                for (int i = c; i < end; i++) {
                    readCall(engine, i);
                }
                read.addAndGet(end - c);
            }
        }

        /**
         * Waits until every call is read: after the caller's own {@link #readClaims}, only claims other readers
         * are in the middle of (a worker that has not started finds nothing left to claim and is not waited for).
         */
        void awaitRead() {
            awaitRead(calls.length);
        }

        private void awaitRead(int count) {
            for (int spins = 0; read.get() < count; spins++) {
                if (spins < 1000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        /** No claim after this; waits for the claims being read. */
        void stopReading() {
            int claimed = next.getAndSet(Integer.MAX_VALUE / 2);
            awaitRead(Math.min(claimed, calls.length));
        }

        private void readCall(ShardedEngine engine, int i) {
            List<Payload> call = source.get(from + i);
            try {
                if (call.size() == 1) { // the usual call: no array to make
                    calls[i] = List.of(prepare(engine, call.get(0)));
                } else {
                    PreparedMessage[] prepared = new PreparedMessage[call.size()];
                    for (int m = 0; m < prepared.length; m++) {
                        prepared[m] = prepare(engine, call.get(m));
                    }
                    calls[i] = Arrays.asList(prepared);
                }
            } catch (IOException | RuntimeException e) { // a worker's failure is the coordinator's to throw, and
                failures[i] = e;                        // the call counts as read: nobody waits for it forever
            }
        }
    }

    /** Calls [from, to) for the worker threads to read, after the work handed to them before (when they are many). */
    private static Part startReading(ShardedEngine engine, List<List<Payload>> calls, int from, int to) {
        Part part = new Part(calls, from, to);
        if (engine.threaded() && to - from >= PARALLEL_READING) {
            engine.onWorkerThreads(() -> part.readClaims(engine));
        }
        return part;
    }

    private static PreparedMessage prepare(ShardedEngine engine, Payload p) throws IOException {
        return engine.prepare(p.inputName(), p.messageId(), p.json(), p.timestampMillis());
    }
}
