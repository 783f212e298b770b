package io.detectorstudio.engine.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's de-duplication memory (§C.6): "input NUL messageId" → when first seen, oldest first (time only
 * grows, so insertion order is time order and old ids are forgotten from the head).
 *
 * <p>Snapshots share it structurally: a {@link Mark} holds only the ids first seen since the mark before it and a
 * link to that mark, so a session that checkpoints every 100 cycles keeps each id once however many checkpoints
 * it takes (copying the whole memory into each checkpoint cost quadratic memory when many messages arrive within
 * one de-duplication window). Marks never change; restoring one rebuilds exactly the ids it saw within the window
 * of its moment. Until the first mark nothing extra is recorded (run and serve never take one).
 */
public final class MessageIdMemory {

    private static final String[] NO_KEYS = {};
    private static final long[] NO_TIMES = {};

    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    /** The last mark taken or restored; null: not marking (the next mark starts from the whole memory). */
    private Mark last;
    /** While marking: the ids first seen since {@link #last}, in order. */
    private String[] addedKeys = NO_KEYS;
    private long[] addedTimes = NO_TIMES;
    private int added;

    boolean contains(String key) {
        return seen.containsKey(key);
    }

    /** Remembers {@code key}, first seen at {@code at} (no earlier than any id remembered before). */
    void add(String key, long at) {
        seen.put(key, at);
        if (last != null) {
            if (added == addedKeys.length) {
                int size = Math.max(16, added * 2);
                addedKeys = Arrays.copyOf(addedKeys, size);
                addedTimes = Arrays.copyOf(addedTimes, size);
            }
            addedKeys[added] = key;
            addedTimes[added] = at;
            added++;
        }
    }

    /** Forgets the ids first seen at or before {@code cutoff}: they can never match again. */
    void forgetUpTo(long cutoff) {
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext() && it.next().getValue() <= cutoff) {
            it.remove();
        }
    }

    /** A copy, oldest first. */
    Map<String, Long> copy() {
        return new LinkedHashMap<>(seen);
    }

    /** Replaces the memory (a store's saved ids); marks taken before share nothing with what follows. */
    void replace(Map<String, Long> ids) {
        seen.clear();
        ids.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> seen.put(e.getKey(), e.getValue()));
        stopMarking();
    }

    /** The memory now, for the moment whose forgetting cutoff is {@code cutoff}: ids at or before it are gone. */
    Mark mark(long cutoff) {
        Mark mark;
        if (last == null) { // the first mark: the whole memory, from which later marks go on
            String[] keys = new String[seen.size()];
            long[] times = new long[seen.size()];
            int n = 0;
            for (Map.Entry<String, Long> e : seen.entrySet()) {
                if (e.getValue() > cutoff) {
                    keys[n] = e.getKey();
                    times[n++] = e.getValue();
                }
            }
            mark = new Mark(Arrays.copyOf(keys, n), Arrays.copyOf(times, n), null, cutoff);
        } else {
            mark = new Mark(Arrays.copyOf(addedKeys, added), Arrays.copyOf(addedTimes, added), last, cutoff);
        }
        last = mark;
        addedKeys = NO_KEYS;
        addedTimes = NO_TIMES;
        added = 0;
        return mark;
    }

    /** Puts the memory back as it was at {@code mark}; later marks go on from it. */
    void restore(Mark mark) {
        seen.clear();
        seen.putAll(mark.entries());
        last = mark;
        addedKeys = NO_KEYS;
        addedTimes = NO_TIMES;
        added = 0;
    }

    private void stopMarking() {
        last = null;
        addedKeys = NO_KEYS;
        addedTimes = NO_TIMES;
        added = 0;
    }

    /**
     * The de-duplication memory at one moment, immutable: the ids first seen since the previous mark (all of them
     * for the first), linked to it. Ids at or before {@link #cutoff} had been forgotten at this moment.
     */
    public static final class Mark {
        private final String[] keys;
        private final long[] times;
        private final Mark previous;
        private final long cutoff;
        /** The latest time of an id here or in an earlier mark (times only grow along the links). */
        private final long newest;

        private Mark(String[] keys, long[] times, Mark previous, long cutoff) {
            this.keys = keys;
            this.times = times;
            this.previous = previous;
            this.cutoff = cutoff;
            this.newest = times.length > 0 ? times[times.length - 1]
                    : previous == null ? Long.MIN_VALUE : previous.newest;
        }

        /** The memory at this moment: "input NUL messageId" → when first seen, oldest first. */
        public Map<String, Long> entries() {
            List<Mark> chain = new ArrayList<>();
            for (Mark m = this; m != null && m.newest > cutoff; m = m.previous) {
                chain.add(m); // older marks hold only ids forgotten by now
            }
            Collections.reverse(chain);
            LinkedHashMap<String, Long> out = new LinkedHashMap<>();
            for (Mark m : chain) {
                for (int i = 0; i < m.keys.length; i++) {
                    if (m.times[i] > cutoff) {
                        out.put(m.keys[i], m.times[i]);
                    }
                }
            }
            return out;
        }

        /**
         * How many ids {@code marks} hold together, each shared part counted once: what keeping them all costs
         * (for tests of the sharing).
         */
        public static long retained(Iterable<Mark> marks) {
            Set<Mark> counted = Collections.newSetFromMap(new IdentityHashMap<>());
            long n = 0;
            for (Mark start : marks) {
                for (Mark m = start; m != null && counted.add(m); m = m.previous) {
                    n += m.keys.length;
                }
            }
            return n;
        }
    }
}
