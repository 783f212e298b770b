package io.detectorstudio.engine.runtime;

/**
 * A short key value's characters packed into two {@code long}s, so that finding a message's instance compares two
 * numbers the message's reading and the instance already hold instead of reading both keys' {@code String}s and
 * their character arrays (two dependent cache misses each, with 10,000s of detectors). Keys of up to
 * {@value #MAX_LENGTH} characters below U+0100 — device ids, in practice — pack; any other key is
 * {@link #NOT_PACKED} and is compared as a {@code String}. Equal keys pack equally and, for packed keys, equal
 * packings mean equal keys (the length is part of the packing).
 */
final class PackedKey {

    static final int MAX_LENGTH = 15;
    /** the high word of a key that does not pack (a packed one's top byte is its length, at most 15) */
    static final long NOT_PACKED = -1L;

    private PackedKey() {
    }

    /** Characters 0–7, one byte each ({@code 0} for a key that does not pack). */
    static long low(String key) {
        if (!packs(key)) {
            return 0;
        }
        long low = 0;
        for (int i = Math.min(8, key.length()) - 1; i >= 0; i--) {
            low = low << 8 | key.charAt(i);
        }
        return low;
    }

    /** Characters 8–14, one byte each, and the length in the top byte; {@link #NOT_PACKED} for a key that does not pack. */
    static long high(String key) {
        if (!packs(key)) {
            return NOT_PACKED;
        }
        long high = 0;
        for (int i = key.length() - 1; i >= 8; i--) {
            high = high << 8 | key.charAt(i);
        }
        return (long) key.length() << 56 | high;
    }

    private static boolean packs(String key) {
        if (key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
