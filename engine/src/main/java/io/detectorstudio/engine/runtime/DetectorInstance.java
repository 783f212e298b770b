package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One detector: its state, variables, timers and the retained input values (§C.7). Variables and inputs live in
 * arrays indexed by the model's slots; timers and pending expiries are created on first use, so an idle
 * instance is a few small objects.
 */
public final class DetectorInstance {

    private static final Value[] NO_VALUES = new Value[0];

    final String keyValue;
    /** the key ("" for a keyless model) as {@link PackedKey} packs it: what finding the instance compares */
    private final long keyLow;
    private final long keyHigh;
    final SymbolTable symbols;
    String stateName;
    /** by variable slot; null = never set */
    Value[] variables = NO_VALUES;
    /**
     * by {@code $input} path slot ({@link SymbolTable#inputPathSlot}): the value there in the last payload of its
     * input (§C.7) — what later cycles can read of it, and nothing else; null = no such payload yet
     */
    Value[] retained = NO_VALUES;
    /** null until a timer is set */
    LinkedHashMap<String, Timer> timers;
    /** timers that expired and whose timeout() has not been checked yet (§B.4); null when none */
    Set<String> expiredUnconsumed;
    long creationTime;
    long lastUpdateTime;
    /** cycles run so far: numbers the instance's cycles where no engine-wide sequence exists ({@link ModelRunner}) */
    long cycles;

    DetectorInstance(String keyValue, SymbolTable symbols, String stateName, long now) {
        this.keyValue = keyValue;
        String key = InstanceTable.keyOf(this);
        this.keyLow = PackedKey.low(key);
        this.keyHigh = PackedKey.high(key);
        this.symbols = symbols;
        this.stateName = stateName;
        this.creationTime = now;
        this.lastUpdateTime = now;
    }

    DetectorInstance copy() {
        DetectorInstance c = new DetectorInstance(keyValue, symbols, stateName, creationTime);
        c.variables = variables.clone();
        c.retained = retained.clone();
        c.timers = timers == null ? null : new LinkedHashMap<>(timers);
        c.expiredUnconsumed = expiredUnconsumed == null ? null : new HashSet<>(expiredUnconsumed);
        c.lastUpdateTime = lastUpdateTime;
        c.cycles = cycles;
        return c;
    }

    /** Whether this instance's key is {@code key}, given as {@link PackedKey} packs it. */
    boolean hasKey(String key, long low, long high) {
        return high != PackedKey.NOT_PACKED ? low == keyLow && high == keyHigh : key.equals(InstanceTable.keyOf(this));
    }

    Value variable(int slot) {
        return slot < variables.length ? variables[slot] : null;
    }

    void setVariable(int slot, Value value) {
        if (slot >= variables.length) {
            variables = Arrays.copyOf(variables, symbols.variableCount());
        }
        if (variables[slot] != value) { // e.g. a small Integer, shared: no store, no write barrier
            variables[slot] = value;
        }
    }

    Value retained(int pathSlot) {
        return pathSlot < retained.length ? retained[pathSlot] : null;
    }

    void retain(int pathSlot, Value value) {
        if (pathSlot >= retained.length) {
            retained = Arrays.copyOf(retained, symbols.inputPathCount());
        }
        if (retained[pathSlot] != value) {
            retained[pathSlot] = value;
        }
    }

    Timer timer(String name) {
        return timers == null ? null : timers.get(name);
    }

    void putTimer(Timer timer) {
        if (timers == null) {
            timers = new LinkedHashMap<>(4);
        }
        timers.put(timer.name(), timer);
    }

    void removeTimer(String name) {
        if (timers != null) {
            timers.remove(name);
        }
    }

    Iterable<Timer> runningTimers() {
        return timers == null ? Collections.emptyList() : timers.values();
    }

    void expired(String timer) {
        if (expiredUnconsumed == null) {
            expiredUnconsumed = new HashSet<>(4);
        }
        expiredUnconsumed.add(timer);
    }

    boolean consumeExpiry(String timer) {
        return expiredUnconsumed != null && expiredUnconsumed.remove(timer);
    }

    void clearExpiry(String timer) {
        if (expiredUnconsumed != null) {
            expiredUnconsumed.remove(timer);
        }
    }

    public String keyValue() {
        return keyValue;
    }

    public String stateName() {
        return stateName;
    }

    /** Variables that have a value, in slot order (the order the model mentions them): an immutable copy. */
    public Map<String, Value> variables() {
        int n = 0;
        for (Value v : variables) {
            if (v != null) {
                n++;
            }
        }
        if (n == 0) {
            return Map.of();
        }
        Object[] names = new Object[n];
        Object[] values = new Object[n];
        int i = 0;
        for (int slot = 0; slot < variables.length; slot++) {
            if (variables[slot] != null) {
                names[i] = symbols.variableName(slot);
                values[i++] = variables[slot];
            }
        }
        return new ArrayMap<>(names, values);
    }

    /** Timer name → expiry time in epoch milliseconds: an immutable copy, so it stays what it was at this moment. */
    public Map<String, Long> timerExpiries() {
        if (timers == null || timers.isEmpty()) {
            return Map.of();
        }
        Object[] names = new Object[timers.size()];
        Object[] expiries = new Object[timers.size()];
        int i = 0;
        for (Timer t : timers.values()) {
            names[i] = t.name();
            expiries[i++] = t.expiresAtMillis();
        }
        return new ArrayMap<>(names, expiries);
    }

    public long creationTimeMillis() {
        return creationTime;
    }

    public long lastUpdateTimeMillis() {
        return lastUpdateTime;
    }
}
