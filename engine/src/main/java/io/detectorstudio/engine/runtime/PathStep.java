package io.detectorstudio.engine.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One step of the {@code $input} paths and the key path a {@link PayloadReader} follows into a payload: a member
 * name in an object or an index in an array, with what the paths do there. The steps of one reader form a tree
 * from its root (the payload object); built once with the reader, read by its passes over payloads.
 */
final class PathStep {

    private static final PathStep[] NONE = new PathStep[0];

    /** the member name (interned, as Jackson interns the names it parses), or null for an index */
    final String name;
    /** the name's UTF-8 bytes, compared with a payload's bytes by {@link AsciiPayloadScanner} */
    final byte[] nameBytes;
    final int index;
    /** the value index ending here, or -1 */
    int value = -1;
    /** whether the key path ends here */
    boolean key;
    PathStep[] names = NONE;
    PathStep[] indexes = NONE;
    /** every value index at or below this step, and whether the key is, for resetting a repeated member */
    int[] below = new int[0];
    boolean keyBelow;

    PathStep(String name, int index) {
        this.name = name == null ? null : name.intern();
        this.nameBytes = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
        this.index = index;
    }

    /** The member step of this name, or null. */
    PathStep name(String n) {
        for (PathStep s : names) {
            if (s.name == n) { // Jackson interns the names it parses, as the steps' names are
                return s;
            }
        }
        for (PathStep s : names) {
            if (s.name.equals(n)) {
                return s;
            }
        }
        return null;
    }

    /** The member step whose name is these bytes ({@code length} of them from {@code from}), or null. */
    PathStep name(byte[] json, int from, int length) {
        for (PathStep s : names) {
            if (s.nameBytes.length == length && Arrays.equals(s.nameBytes, 0, length, json, from, from + length)) {
                return s;
            }
        }
        return null;
    }

    /** The element step of this index, or null. */
    PathStep index(int i) {
        for (PathStep s : indexes) {
            if (s.index == i) {
                return s;
            }
        }
        return null;
    }

    /** The step below this one by a name or an index, made if it is new. */
    PathStep child(String name, int index) {
        PathStep found = name != null ? name(name) : index(index);
        if (found == null) {
            found = new PathStep(name, index);
            if (name != null) {
                names = Arrays.copyOf(names, names.length + 1);
                names[names.length - 1] = found;
            } else {
                indexes = Arrays.copyOf(indexes, indexes.length + 1);
                indexes[indexes.length - 1] = found;
            }
        }
        return found;
    }

    /** Whether a value or the key is read at this step itself. */
    boolean reads() {
        return value >= 0 || key;
    }
}
