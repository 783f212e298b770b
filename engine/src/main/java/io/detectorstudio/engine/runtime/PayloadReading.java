package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Value;

/**
 * What one model reads of one message's payload ({@link PayloadReader}): the key value (null: none) and one value
 * per {@code $input} path, in {@link CompiledModel#pathsRead} order; with the key's instance-table hash and
 * {@link PackedKey} packing, so finding its instance reads neither key. The engine that routes a message reads it
 * once and hands it with the message to the engine that runs the cycle ({@link Engine.Dispatcher},
 * {@link Engine#deliver}); outside the runtime it is opaque.
 */
public final class PayloadReading {

    private final String key;
    private final Value[] values;
    private final int keyHash;
    private final long keyLow;
    private final long keyHigh;

    PayloadReading(String key, Value[] values) {
        String tableKey = key == null ? "" : key;
        this.key = key;
        this.values = values;
        this.keyHash = tableKey.hashCode();
        this.keyLow = PackedKey.low(tableKey);
        this.keyHigh = PackedKey.high(tableKey);
    }

    String key() {
        return key;
    }

    Value[] values() {
        return values;
    }

    /** The key's {@link String#hashCode}, 0 for none: what shards route by without reading the key. */
    public int keyHash() {
        return keyHash;
    }

    long keyLow() {
        return keyLow;
    }

    long keyHigh() {
        return keyHigh;
    }
}
