package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Value;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link PayloadReader} from bytes: one pass over a payload that is plain JSON of the simplest
 * kind — ASCII strings without escapes, integers of up to 18 digits, {@code true}/{@code false}/{@code null},
 * objects and arrays nested at most {@value #MAX_DEPTH} deep — taking the key and values at the reader's
 * {@link PathStep}s. Device payloads are nearly always of this kind, and Jackson's non-blocking parser spends most
 * of a small payload's time on its general machinery.
 *
 * <p>It either reads exactly what {@code readTree} followed by the references would give, or declines (returns
 * null) and the Jackson path reads the payload: anything outside that kind (an escape, a byte ≥ 0x80, a fraction
 * or exponent, a long number) and anything malformed is declined, never judged here, so the Jackson path also
 * decides what is refused and how. As on that path, bytes after the root object are not read
 * ({@code readTree} ignores them) and of a repeated member the last one counts.
 */
final class AsciiPayloadScanner {

    static final int MAX_DEPTH = 32;
    /** longer payloads go the Jackson way: they could reach its length limits on names, which it must judge */
    static final int MAX_BYTES = 16 * 1024;

    /** Unwinds the scan when the payload is not of the simple kind (preallocated: declining costs no stack trace). */
    private static final class Declined extends RuntimeException {
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super("not a simple payload", null, false, false);
        }
    }

    private final byte[] json;
    private final int end;
    private int pos;
    private final Value[] values;
    private String key;

    private AsciiPayloadScanner(byte[] json, int valueCount) {
        this.json = json;
        this.end = json.length;
        this.values = new Value[valueCount];
        Arrays.fill(values, Value.UNDEFINED); // a path the payload does not have
    }

    /** The key and values of a simple payload whose root is an object, or null (the Jackson path decides). */
    static PayloadReading read(byte[] json, PathStep root, int valueCount) {
        if (json.length > MAX_BYTES) {
            return null;
        }
        AsciiPayloadScanner scan = new AsciiPayloadScanner(json, valueCount);
        try {
            scan.skipWhitespace();
            if (scan.at(scan.pos) != '{') {
                return null;
            }
            scan.pos++;
            scan.object(root, 1);
        } catch (Declined notSimple) {
            return null;
        }
        return new PayloadReading(scan.key, scan.values);
    }

    /** The byte at {@code i}, declining at the end of the payload (it ends inside the root object). */
    private byte at(int i) {
        if (i >= end) {
            throw Declined.INSTANCE;
        }
        return json[i];
    }

    /** JSON's four whitespace bytes; any other control byte is Jackson's to refuse. */
    private void skipWhitespace() {
        while (pos < end) {
            byte b = json[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    /** The members of an object whose '{' was read; {@code step} null: skipped. Leaves pos after its '}'. */
    private void object(PathStep step, int depth) {
        if (depth > MAX_DEPTH) {
            throw Declined.INSTANCE;
        }
        skipWhitespace();
        if (at(pos) == '}') {
            pos++;
            return;
        }
        while (true) {
            if (at(pos) != '"') {
                throw Declined.INSTANCE;
            }
            int from = ++pos;
            int length = stringLength();
            PathStep member = step == null || step.names.length == 0 ? null : step.name(json, from, length);
            skipWhitespace();
            if (at(pos) != ':') {
                throw Declined.INSTANCE;
            }
            pos++;
            if (member != null) {
                forget(member); // a repeated member: the last one is the tree's
            }
            value(member, depth);
            skipWhitespace();
            byte b = at(pos++);
            if (b == '}') {
                return;
            }
            if (b != ',') {
                throw Declined.INSTANCE;
            }
            skipWhitespace();
        }
    }

    /** The elements of an array whose '[' was read; {@code step} null: skipped. Leaves pos after its ']'. */
    private void array(PathStep step, int depth) {
        if (depth > MAX_DEPTH) {
            throw Declined.INSTANCE;
        }
        skipWhitespace();
        if (at(pos) == ']') {
            pos++;
            return;
        }
        for (int i = 0; ; i++) {
            value(step == null || step.indexes.length == 0 ? null : step.index(i), depth);
            skipWhitespace();
            byte b = at(pos++);
            if (b == ']') {
                return;
            }
            if (b != ',') {
                throw Declined.INSTANCE;
            }
        }
    }

    /** One value (after whitespace) at {@code step} (null: not read); leaves pos right after it. */
    private void value(PathStep step, int depth) {
        skipWhitespace();
        byte b = at(pos);
        boolean reads = step != null && step.reads();
        switch (b) {
            case '{' -> {
                pos++;
                if (reads) {
                    read(step, Value.UNDEFINED, null); // a container is undefined as a value and no key (§C.1)
                }
                object(step, depth + 1);
            }
            case '[' -> {
                pos++;
                if (reads) {
                    read(step, Value.UNDEFINED, null);
                }
                array(step, depth + 1);
            }
            case '"' -> {
                int from = ++pos;
                int length = stringLength();
                if (reads) {
                    String text = new String(json, from, length, StandardCharsets.ISO_8859_1); // ASCII: one byte a char
                    read(step, Value.string(text), text);
                }
            }
            case 't' -> literal("true", reads, step, Value.TRUE);
            case 'f' -> literal("false", reads, step, Value.FALSE);
            case 'n' -> literal("null", reads, step, Value.NULL);
            default -> integer(reads, step);
        }
    }

    private void read(PathStep step, Value value, String keyText) {
        if (step.value >= 0) {
            values[step.value] = value;
        }
        if (step.key) {
            key = keyText;
        }
    }

    /** Past the characters of a string whose opening quote was read: their count; pos after the closing quote. */
    private int stringLength() {
        int from = pos;
        while (true) {
            byte b = at(pos);
            if (b == '"') {
                return pos++ - from;
            }
            if (b < 0x20 || b == '\\') { // a control byte, an escape or (negative) a byte ≥ 0x80
                throw Declined.INSTANCE;
            }
            pos++;
        }
    }

    private void literal(String word, boolean reads, PathStep step, Value value) {
        for (int i = 0; i < word.length(); i++) {
            if (at(pos + i) != word.charAt(i)) {
                throw Declined.INSTANCE;
            }
        }
        pos += word.length();
        if (reads) {
            read(step, value, value == Value.NULL ? null : word);
        }
    }

    /**
     * {@code -?(0|[1-9][0-9]*)} of at most 18 digits (so it fits a long, as Jackson's int or long does), followed by
     * neither a fraction nor an exponent: those make other nodes, which Jackson's path makes.
     */
    private void integer(boolean reads, PathStep step) {
        boolean negative = json[pos] == '-';
        int from = negative ? pos + 1 : pos;
        int i = from;
        long v = 0;
        while (i < end && json[i] >= '0' && json[i] <= '9') {
            v = v * 10 + (json[i] - '0');
            i++;
        }
        int digits = i - from;
        if (digits == 0 || digits > 18 || digits > 1 && json[from] == '0') {
            throw Declined.INSTANCE;
        }
        if (i < end && (json[i] == '.' || json[i] == 'e' || json[i] == 'E')) {
            throw Declined.INSTANCE;
        }
        pos = i;
        if (reads) {
            long value = negative ? -v : v;
            read(step, Value.integer(value), step.key ? Long.toString(value) : null);
        }
    }

    private void forget(PathStep step) {
        for (int i : step.below) {
            values[i] = Value.UNDEFINED;
        }
        if (step.keyBelow) {
            key = null;
        }
    }
}
