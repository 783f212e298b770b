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
 * scans — where a small Integer (a counter, a sensor reading) is stored as a number. Both kinds of codes share one
 * array ({@link #codes}): one object, and one cache line a message reads, fewer than an array each.
 */
public final class DetectorInstance {

    private static final Value[] NO_VALUES = new Value[0];
    /** no codes yet: no variable slots, no path slots; never written */
    private static final int[] NO_CODES = new int[1];
    private static final int OTHER = -1;
    /** in {@code codes[0]}: the number of variable slots held, and whether variables / retained values were set */
    private static final int COUNT = (1 << 29) - 1;
    private static final int VARIABLES_SET = 1 << 30;
    private static final int RETAINED_SET = 1 << 29;

    final String keyValue;
    /** the key ("" for a keyless model) as {@link PackedKey} packs it: what finding the instance compares */
    private final long keyLow;
    private final long keyHigh;
    final SymbolTable symbols;
    String stateName;
    /**
     * {@code codes[0]}: the number V of variable slots held ({@link #COUNT}) and the {@link #VARIABLES_SET} and
     * {@link #RETAINED_SET} flags; then the codes of the V variables by slot (0 = never set); then those of the
     * retained values by {@code $input} path slot ({@link SymbolTable#inputPathSlot}): the value there in the last
     * payload of its input (§C.7) — what later cycles can read of it, and nothing else; 0 = no such payload yet
     */
    private int[] codes = NO_CODES;
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
        c.codes = codes == NO_CODES ? NO_CODES : codes.clone();
        c.others = others == null ? null : others.clone();
        c.timers = timers == null ? null : new LinkedHashMap<>(timers);
        c.expiredUnconsumed = expiredUnconsumed == null ? null : new HashSet<>(expiredUnconsumed);
        c.lastUpdateTime = lastUpdateTime;
        c.cycles = cycles;
        return c;
    }

    /** Whether this instance's key packs ({@link PackedKey}) as {@code low}, {@code high} (a packed key's). */
    boolean hasPackedKey(long low, long high) {
        return low == keyLow && high == keyHigh;
    }

    /** Whether this instance's key ("" for a keyless model's) is {@code key}. */
    boolean hasKey(String key) {
        return key.equals(InstanceTable.keyOf(this));
    }

    Value variable(int slot) {
        int[] c = codes;
        return slot < (c[0] & COUNT) ? decode(c[1 + slot], 2 * slot) : null;
    }

    void setVariable(int slot, Value value) {
        if (slot >= variableCount()) {
            resize(Math.max(symbols.variableCount(), slot + 1),
                    codes == NO_CODES ? symbols.inputPathCount() : retainedCount());
        }
        codes[1 + slot] = encode(value, 2 * slot);
        codes[0] |= VARIABLES_SET;
    }

    /**
     * {@link #setVariable} of an Integer: a shared small one in a slot the instance holds is stored as its code
     * without making or reading a {@link Value} (a flat cycle's common case).
     */
    void setInteger(int slot, long value) {
        int[] c = codes;
        int shared = Value.sharedIndexOf(value);
        if (shared < 0 || slot >= (c[0] & COUNT)) {
            setVariable(slot, Value.integer(value));
            return;
        }
        c[1 + slot] = shared + 1;
        if ((c[0] & VARIABLES_SET) == 0) {
            c[0] |= VARIABLES_SET;
        }
    }

    /** How many variable slots the instance holds (none before its first variable is set). */
    int variableSlots() {
        return (codes[0] & VARIABLES_SET) != 0 ? variableCount() : 0;
    }

    /** The variables by slot, a copy (null = never set). */
    Value[] variableArray() {
        Value[] out = new Value[variableSlots()];
        for (int slot = 0; slot < out.length; slot++) {
            out[slot] = variable(slot);
        }
        return out;
    }

    /** Replaces every variable: these by slot (null = not set). */
    void replaceVariables(Value[] values) {
        resize(values.length, retainedCount());
        for (int slot = 0; slot < values.length; slot++) {
            codes[1 + slot] = encode(values[slot], 2 * slot);
        }
        codes[0] = values.length > 0 ? codes[0] | VARIABLES_SET : codes[0] & ~VARIABLES_SET;
    }

    Value retained(int pathSlot) {
        int[] c = codes;
        int variables = c[0] & COUNT;
        return pathSlot < c.length - 1 - variables ? decode(c[1 + variables + pathSlot], 2 * pathSlot + 1) : null;
    }

    void retain(int pathSlot, Value value) {
        int[] c = codes;
        int head = c[0];
        int index = 1 + (head & COUNT) + pathSlot;
        if (index >= c.length) {
            resize(c == NO_CODES ? symbols.variableCount() : variableCount(),
                    Math.max(symbols.inputPathCount(), pathSlot + 1));
            retain(pathSlot, value);
            return;
        }
        int code = encode(value, 2 * pathSlot + 1);
        if (c[index] != code) { // most messages repeat a reading: nothing to store
            c[index] = code;
        }
        if ((head & RETAINED_SET) == 0) {
            c[0] = head | RETAINED_SET;
        }
    }

    /** How many {@code $input} path slots the instance holds (none before its first retained value). */
    int retainedSlots() {
        return (codes[0] & RETAINED_SET) != 0 ? retainedCount() : 0;
    }

    /** The retained values by path slot, a copy (null = none). */
    Value[] retainedArray() {
        Value[] out = new Value[retainedSlots()];
        for (int slot = 0; slot < out.length; slot++) {
            out[slot] = retained(slot);
        }
        return out;
    }

    /** Replaces every retained value: these by path slot (null = none). */
    void replaceRetained(Value[] values) {
        resize(variableCount(), values.length);
        for (int slot = 0; slot < values.length; slot++) {
            codes[1 + variableCount() + slot] = encode(values[slot], 2 * slot + 1);
        }
        codes[0] = values.length > 0 ? codes[0] | RETAINED_SET : codes[0] & ~RETAINED_SET;
    }

    private int variableCount() {
        return codes[0] & COUNT;
    }

    private int retainedCount() {
        return codes.length - 1 - variableCount();
    }

    /** New codes for this many variable and path slots, the codes of the slots kept copied. */
    private void resize(int variables, int paths) {
        int[] old = codes;
        int oldVariables = old[0] & COUNT;
        int[] c = new int[1 + variables + paths];
        System.arraycopy(old, 1, c, 1, Math.min(oldVariables, variables));
        System.arraycopy(old, 1 + oldVariables, c, 1 + variables, Math.min(old.length - 1 - oldVariables, paths));
        c[0] = old[0] & ~COUNT | variables;
        codes = c;
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

    /** Variables that have a value, in slot order (the order the model mentions them): an immutable copy. */
    public Map<String, Value> variables() {
        int slots = variableSlots();
        Object[] names = new Object[slots];
        Object[] values = new Object[slots];
        int n = 0;
        for (int slot = 0; slot < slots; slot++) {
            Value value = variable(slot);
            if (value != null) {
                names[n] = symbols.variableName(slot);
                values[n++] = value;
            }
        }
        if (n == 0) {
            return Map.of();
        }
        return new ArrayMap<>(n == slots ? names : Arrays.copyOf(names, n), n == slots ? values : Arrays.copyOf(values, n));
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
