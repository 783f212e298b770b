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
 *
 * <p>Variables and retained values are held as {@code int} codes: 0 = none, {@code n > 0} = the small Integer
 * {@link Value#integer} shares at place {@code n − 1} ({@link Value#sharedIndex}), {@link #OTHER} = the value is in
 * {@link #others}. Most messages change a retained value and many a variable; storing a reference into this
 * long-lived object costs G1's write barrier — a StoreLoad fence, and a dirty card that a refinement thread then
 * scans — where a small Integer (a counter, a sensor reading) is stored as a number.
 */
public final class DetectorInstance {

    private static final Value[] NO_VALUES = new Value[0];
    private static final int[] NO_CODES = new int[0];
    private static final int OTHER = -1;

    final String keyValue;
    /** the key ("" for a keyless model) as {@link PackedKey} packs it: what finding the instance compares */
    private final long keyLow;
    private final long keyHigh;
    final SymbolTable symbols;
    String stateName;
    /** codes by variable slot; none = never set */
    private int[] variables = NO_CODES;
    /**
     * codes by {@code $input} path slot ({@link SymbolTable#inputPathSlot}): the value there in the last payload of
     * its input (§C.7) — what later cycles can read of it, and nothing else; none = no such payload yet
     */
    private int[] retained = NO_CODES;
    /** the values coded {@link #OTHER}: variable slot {@code s} at {@code 2s}, path slot {@code p} at {@code 2p + 1} */
    private Value[] others;
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
        c.others = others == null ? null : others.clone();
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
        return slot < variables.length ? decode(variables[slot], 2 * slot) : null;
    }

    void setVariable(int slot, Value value) {
        if (slot >= variables.length) {
            variables = Arrays.copyOf(variables, symbols.variableCount());
        }
        variables[slot] = encode(value, 2 * slot);
    }

    /** How many variable slots the instance holds (none before its first variable is set). */
    int variableSlots() {
        return variables.length;
    }

    /** The variables by slot, a copy (null = never set). */
    Value[] variableArray() {
        Value[] out = new Value[variables.length];
        for (int slot = 0; slot < out.length; slot++) {
            out[slot] = variable(slot);
        }
        return out;
    }

    /** Replaces every variable: these by slot (null = not set). */
    void replaceVariables(Value[] values) {
        variables = new int[values.length];
        for (int slot = 0; slot < values.length; slot++) {
            variables[slot] = encode(values[slot], 2 * slot);
        }
    }

    Value retained(int pathSlot) {
        return pathSlot < retained.length ? decode(retained[pathSlot], 2 * pathSlot + 1) : null;
    }

    void retain(int pathSlot, Value value) {
        if (pathSlot >= retained.length) {
            retained = Arrays.copyOf(retained, symbols.inputPathCount());
        }
        retained[pathSlot] = encode(value, 2 * pathSlot + 1);
    }

    /** How many {@code $input} path slots the instance holds (none before its first retained value). */
    int retainedSlots() {
        return retained.length;
    }

    /** The retained values by path slot, a copy (null = none). */
    Value[] retainedArray() {
        Value[] out = new Value[retained.length];
        for (int slot = 0; slot < out.length; slot++) {
            out[slot] = retained(slot);
        }
        return out;
    }

    /** Replaces every retained value: these by path slot (null = none). */
    void replaceRetained(Value[] values) {
        retained = new int[values.length];
        for (int slot = 0; slot < values.length; slot++) {
            retained[slot] = encode(values[slot], 2 * slot + 1);
        }
    }

    private Value decode(int code, int otherIndex) {
        return code > 0 ? Value.shared(code - 1) : code == 0 ? null : others[otherIndex];
    }

    /** The code of a value; one that is not a shared small Integer goes to {@link #others} at {@code otherIndex}. */
    private int encode(Value value, int otherIndex) {
        if (value == null) {
            return 0;
        }
        int shared = Value.sharedIndex(value);
        if (shared >= 0) {
            return shared + 1;
        }
        if (others == null || otherIndex >= others.length) {
            others = Arrays.copyOf(others == null ? NO_VALUES : others, otherIndex + 2);
        }
        if (others[otherIndex] != value) { // the same object again: no store, no write barrier
            others[otherIndex] = value;
        }
        return OTHER;
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

    /** Variables that have a value, in slot order (the order the model mentions them). */
    public Map<String, Value> variables() {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int slot = 0; slot < variables.length; slot++) {
            Value value = variable(slot);
            if (value != null) {
                out.put(symbols.variableName(slot), value);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Timer name → expiry time in epoch milliseconds: a copy, so it stays what it was at this moment. */
    public Map<String, Long> timerExpiries() {
        if (timers == null || timers.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        runningTimers().forEach(t -> out.put(t.name(), t.expiresAtMillis()));
        return out;
    }

    public long creationTimeMillis() {
        return creationTime;
    }

    public long lastUpdateTimeMillis() {
        return lastUpdateTime;
    }
}
