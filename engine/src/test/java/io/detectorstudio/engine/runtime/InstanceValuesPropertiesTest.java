package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A {@link DetectorInstance} keeps its variables and retained values as codes (a shared small Integer as its
 * place in {@link Value#integer}'s cache, any other value beside): after any sequence of sets it gives back the
 * very objects set last, slot by slot, as arrays of values would — for small Integers, Integers just outside the
 * cache, Decimals, Strings, Booleans, null and undefined, variables and retained values
 * of the same slot interleaved — and a copy, or values replaced wholesale, give the same.
 */
class InstanceValuesPropertiesTest {

    private static final int SLOTS = 6;

    @Property(tries = 500)
    void givesBackWhatWasSetLast(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 2 * SLOTS - 1) Integer> slots,
                                 @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 15) Integer> kinds,
                                 @ForAll @Size(max = 80) List<@IntRange(min = -2000, max = 2000) Integer> numbers) {
        SymbolTable symbols = new SymbolTable();
        for (int i = 0; i < SLOTS; i++) {
            symbols.variableSlot("v" + i);
            symbols.inputPathSlot(0, List.of("p" + i));
        }
        DetectorInstance instance = new DetectorInstance("k", symbols, "S", 0);
        Value[] variables = new Value[0];
        Value[] retained = new Value[0];
        int steps = Math.min(slots.size(), Math.min(kinds.size(), numbers.size()));
        for (int i = 0; i < steps; i++) {
            Value value = value(kinds.get(i), numbers.get(i));
            int slot = slots.get(i) % SLOTS;
            if (slots.get(i) < SLOTS) {
                instance.setVariable(slot, value);
                variables = variables.length > 0 ? variables : new Value[SLOTS];
                variables[slot] = value;
            } else {
                instance.retain(slot, value);
                retained = retained.length > 0 ? retained : new Value[SLOTS];
                retained[slot] = value;
            }
            assertSame(instance, variables, retained);
        }
        assertSame(instance.copy(), variables, retained);
        DetectorInstance replaced = new DetectorInstance("k", symbols, "S", 0);
        replaced.replaceVariables(instance.variableArray());
        replaced.replaceRetained(instance.retainedArray());
        assertSame(replaced, variables, retained);
        // as BatchUpdateDetector replaces the variables: the retained values stay; variables set again grow back
        DetectorInstance updated = instance.copy();
        updated.replaceVariables(new Value[0]);
        assertSame(updated, new Value[0], retained);
        updated.setVariable(SLOTS - 1, Value.integer(7));
        Value[] seventh = new Value[SLOTS];
        seventh[SLOTS - 1] = Value.integer(7);
        assertSame(updated, seventh, retained);
        assertSame(instance, variables, retained); // the copy shares nothing
    }

    private static void assertSame(DetectorInstance instance, Value[] variables, Value[] retained) {
        assertThat(instance.variableSlots()).isEqualTo(variables.length);
        assertThat(instance.retainedSlots()).isEqualTo(retained.length);
        for (int slot = 0; slot < SLOTS; slot++) {
            assertThat(instance.variable(slot)).isSameAs(slot < variables.length ? variables[slot] : null);
            assertThat(instance.retained(slot)).isSameAs(slot < retained.length ? retained[slot] : null);
        }
        assertThat(instance.variableArray()).isEqualTo(variables);
        assertThat(instance.retainedArray()).isEqualTo(retained);
        assertThat(Arrays.stream(instance.variableArray()).filter(v -> v != null).count())
                .isEqualTo(instance.variables().size());
    }

    /** Integers around the cache's bounds (−128 … 1024) most often, and every other kind of value. */
    private static Value value(int kind, int n) {
        return switch (kind) {
            case 0, 1, 2, 3, 4, 5 -> Value.integer(n);
            case 6 -> Value.integer(n + 1_000_000_000_000L);
            case 7 -> Value.decimal(BigDecimal.valueOf(n, 2));
            case 8 -> Value.decimal(new BigDecimal(BigDecimal.valueOf(n).toBigInteger().shiftLeft(70), 1));
            case 9 -> Value.string("s" + n);
            case 10 -> Value.bool(n % 2 == 0);
            case 11 -> Value.NULL;
            case 12 -> Value.UNDEFINED;
            case 13 -> Value.decimal(n, 0); // equal in value to an Integer, but a Decimal
            case 14 -> null;
            default -> Value.integer(n % 50);
        };
    }
}
