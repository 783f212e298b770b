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
 * coordinator alone, it caps what all the shards together run. So the calls go in parts, and the next few parts
 * are open for reading: a worker thread with no task reads a few calls of them at a time (its cycles come first),
 * and the coordinator, before it routes a part (running shard 0's cycles as it goes), reads what is left of it.
 * Whoever has less to do reads more, and the coordinator waits only for calls being read, never for a busy worker.
 */
public final class ReadAhead {

    /** Fewer calls than this are read by the coordinator alone: handing them over would cost more. */
    static final int PARALLEL_READING = 256;
    /** Calls claimed at a time by a reader: enough to make the claim cheap, few enough to share the tail. */
    static final int CLAIM = 64;
    /** Parts open for reading ahead of the one being routed (what is read and not yet routed stays bounded). */
    static final int PARTS_AHEAD = 2;

    /** A message as its payload's JSON bytes: what {@link ShardedEngine#prepare} takes. */
    public record Payload(String inputName, String messageId, byte[] json, Long timestampMillis) {
    }

    private ReadAhead() {
    }

    /**
     * The calls, in order: what {@link ShardedEngine#putPrepared} of each call's {@link ShardedEngine#prepare}d
     * messages does, with the payloads read by all threads, in parts of {@code readAhead} calls. Each call's errors,
     * in order. Called by the coordinator.
     *
     * @throws IOException the first payload that is not JSON, as {@code prepare} throws it (the calls before its
     *         call were put)
     */
    public static List<List<MessageError>> putCalls(ShardedEngine engine, List<List<Payload>> calls, int readAhead)
            throws IOException {
        List<List<MessageError>> errors = new ArrayList<>(calls.size());
        boolean parallel = engine.threaded() && readAhead >= PARALLEL_READING && calls.size() >= PARALLEL_READING;
        Window window = new Window();
        if (parallel) {
            engine.setIdleWork(() -> window.readSome(engine));
            engine.onWorkerThreads(() -> { }); // wakes an idle worker: it finds the parts to read
        }
        try {
            int opened = 0;
            for (int from = 0; from < calls.size(); from += readAhead) {
                while (opened < calls.size() && opened < from + (PARTS_AHEAD + 1) * readAhead) {
                    window.open(new Part(calls, opened, Math.min(calls.size(), opened + readAhead)));
                    opened = Math.min(calls.size(), opened + readAhead);
                }
                Part part = window.first();
                part.readClaims(engine); // what the workers have not claimed yet
                part.awaitRead();
                window.close(part);
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
            if (parallel) {
                engine.setIdleWork(null);
                window.closeAll(); // no reading may go on once this returns: the models may change then
            }
        }
        return errors;
    }

    /** The parts open for reading, oldest first; the coordinator changes it, the workers read snapshots of it. */
    private static final class Window {
        private volatile Part[] parts = new Part[0];

        void open(Part part) {
            Part[] more = Arrays.copyOf(parts, parts.length + 1);
            more[parts.length] = part;
            parts = more;
        }

        Part first() {
            return parts[0];
        }

        void close(Part part) {
            parts = Arrays.copyOfRange(parts, 1, parts.length);
        }

        /** Stops every open part's reading and waits for the calls being read. */
        void closeAll() {
            for (Part p : parts) {
                p.stopReading();
            }
            parts = new Part[0];
        }

        /** A worker's idle work: reads one claim of the oldest part with calls left; false when none is left. */
        boolean readSome(ShardedEngine engine) {
            for (Part p : parts) {
                if (p.readOneClaim(engine)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Calls [from, from + calls.length) as read: each call's prepared messages, or the failure of its first payload
     * that could not be read. Readers claim {@link #CLAIM} calls at a time.
     */
    private static final class Part {
        final List<List<Payload>> source;
        final int from;
        final List<PreparedMessage>[] calls;
        /** by call: the IOException of bytes that are not JSON, or what else reading it threw */
        final Exception[] failures;
        /** the next call to claim */
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

        /** Reads claims until none is left. */
        void readClaims(ShardedEngine engine) {
            while (readOneClaim(engine)) {
                // next claim
            }
        }

        /** Reads the next {@link #CLAIM} calls if any are left; on any thread (the models do not change meanwhile). */
        boolean readOneClaim(ShardedEngine engine) {
            int c = next.getAndAdd(CLAIM);
            if (c >= calls.length) {
                return false;
            }
            int end = Math.min(calls.length, c + CLAIM);
            for (int i = c; i < end; i++) {
                readCall(engine, i);
            }
            read.addAndGet(end - c);
            return true;
        }

        /** Waits until every call is read: by now only claims other readers are in the middle of. */
        void awaitRead() {
            awaitRead(calls.length);
        }

        /** No claim after this; waits for the claims being read. */
        void stopReading() {
            int claimed = next.getAndSet(Integer.MAX_VALUE / 2);
            awaitRead(Math.min(claimed, calls.length));
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
            } catch (IOException | RuntimeException e) { // a worker's failure is the coordinator's to throw
                failures[i] = e;
            }
        }
    }

    private static PreparedMessage prepare(ShardedEngine engine, Payload p) throws IOException {
        return engine.prepare(p.inputName(), p.messageId(), p.json(), p.timestampMillis());
    }
}
