package io.detectorstudio.engine.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One model's detector instances by key value ("" for a keyless model): open addressing with linear probing over
 * flat arrays of key hashes, keys and instances — no entry object per instance, one dependent cache miss fewer per
 * message than a {@code LinkedHashMap}. A message's key is a different {@code String} from the table's (it was
 * read from the message); a message read beforehand carries its key's {@link PackedKey} packing, which is compared
 * with the instance's, so that lookup reads neither key's characters ({@link #get(String, int, long, long)}).
 * Iteration is in insertion order, as the map's was (detector lists, checkpoints, snapshots). An instance's key
 * is its {@link DetectorInstance#keyValue}.
 */
final class InstanceTable {

    private static final int MIN_SLOTS = 16;

    /** by slot: the key ({@code null} = free), its {@code String} hash, the instance and its place in {@link #order} */
    private String[] keys;
    private int[] hashes;
    private DetectorInstance[] values;
    private int[] orderOf;
    /** the instances in insertion order; {@code null} where one was removed (compacted when the table is rebuilt) */
    private DetectorInstance[] order;
    private int orderCount;
    private int size;
    /** 32 − log2(slots): a hash's home slot is its Fibonacci product's top bits */
    private int shift;

    InstanceTable() {
        allocate(MIN_SLOTS);
    }

    static String keyOf(DetectorInstance instance) {
        return instance.keyValue == null ? "" : instance.keyValue;
    }

    int size() {
        return size;
    }

    DetectorInstance get(String key) {
        int hash = key.hashCode();
        int mask = keys.length - 1;
        for (int slot = home(hash); ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) {
                return null;
            }
            if (hashes[slot] == hash && (k == key || k.equals(key))) {
                return values[slot];
            }
        }
    }

    /**
     * {@link #get(String)} of a key whose hash and {@link PackedKey} packing are known: a packed key is compared
     * with the instance's packing, so neither key's characters are read — nor {@code hashes[]}: the instance is
     * read anyway (the cycle reads it next), and at most half the slots are taken, so a probe seldom reads
     * another instance than the one found.
     */
    DetectorInstance get(String key, int hash, long low, long high) {
        int mask = values.length - 1;
        boolean packed = high != PackedKey.NOT_PACKED;
        for (int slot = home(hash); ; slot = (slot + 1) & mask) {
            DetectorInstance instance = values[slot]; // null exactly where the key is: keys[] is not read
            if (instance == null) {
                return null;
            }
            if (packed ? instance.hasPackedKey(low, high) : hashes[slot] == hash && instance.hasKey(key)) {
                return instance;
            }
        }
    }

    /** The instance of a message's key (null: a keyless model's), by its reading (or null) when it has one. */
    DetectorInstance find(String key, PayloadReading reading) {
        String k = key == null ? "" : key;
        return reading == null ? get(k) : get(k, reading.keyHash(), reading.keyLow(), reading.keyHigh());
    }

    /** Adds the instance under its key; one already there is replaced in its place of the insertion order. */
    void put(DetectorInstance instance) {
        String key = keyOf(instance);
        int hash = key.hashCode();
        int mask = keys.length - 1;
        int slot = home(hash);
        for (String k = keys[slot]; k != null; k = keys[slot]) {
            if (hashes[slot] == hash && k.equals(key)) {
                values[slot] = instance;
                order[orderOf[slot]] = instance;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if ((size + 1) * 2 > keys.length || orderCount == order.length) {
            rebuild(Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, size + 1)) * 4));
            put(instance);
            return;
        }
        keys[slot] = key;
        hashes[slot] = hash;
        values[slot] = instance;
        orderOf[slot] = orderCount;
        order[orderCount++] = instance;
        size++;
    }

    /** Removes the key's instance; the removed one, or null. */
    DetectorInstance remove(String key) {
        int hash = key.hashCode();
        int mask = keys.length - 1;
        int slot = home(hash);
        for (String k = keys[slot]; ; k = keys[slot]) {
            if (k == null) {
                return null;
            }
            if (hashes[slot] == hash && k.equals(key)) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        DetectorInstance removed = values[slot];
        order[orderOf[slot]] = null;
        size--;
        // backward shift: every later entry of the run whose home is not after the freed slot moves into it
        int free = slot;
        for (int next = (free + 1) & mask; keys[next] != null; next = (next + 1) & mask) {
            int home = home(hashes[next]);
            boolean stays = free <= next ? free < home && home <= next : free < home || home <= next;
            if (!stays) {
                move(next, free);
                free = next;
            }
        }
        keys[free] = null;
        values[free] = null;
        return removed;
    }

    /** The instances in insertion order (a copy). */
    List<DetectorInstance> values() {
        List<DetectorInstance> out = new ArrayList<>(size);
        for (int i = 0; i < orderCount; i++) {
            if (order[i] != null) {
                out.add(order[i]);
            }
        }
        return out;
    }

    private int home(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        hashes[to] = hashes[from];
        values[to] = values[from];
        orderOf[to] = orderOf[from];
    }

    private void allocate(int slots) {
        keys = new String[slots];
        hashes = new int[slots];
        values = new DetectorInstance[slots];
        orderOf = new int[slots];
        order = new DetectorInstance[slots / 2];
        orderCount = 0;
        size = 0;
        shift = 32 - Integer.numberOfTrailingZeros(slots);
    }

    /** New arrays of {@code slots} slots, the instances put back in insertion order (removed places dropped). */
    private void rebuild(int slots) {
        DetectorInstance[] old = Arrays.copyOf(order, orderCount);
        allocate(slots);
        for (DetectorInstance instance : old) {
            if (instance != null) {
                put(instance);
            }
        }
    }
}
