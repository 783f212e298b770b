package io.detectorstudio.engine.runtime;

import io.detectorstudio.engine.expr.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One detector instance as compact bytes, for hosts that keep instances outside the engine (Flink keyed state):
 * state name, variables by slot (typed, numbers as variable-length integers), retained input values (§C.7: only
 * the values at the {@code $input} paths the model reads, typed like variables), running timers with their durations, pending timer expiries, creation/update times and the
 * instance's cycle count. The key value is not stored (the host keys the state by it). Slots are the compiled
 * model's, so bytes are read back with the same model definition.
 */
final class DetectorStateCodec {

    private static final int FORMAT = 2; // 2: retained inputs as values by path slot
    private DetectorStateCodec() {
    }

    static byte[] encode(DetectorInstance instance, CompiledModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(instance.stateName);
            varLong(out, instance.creationTime);
            varLong(out, instance.lastUpdateTime - instance.creationTime);
            varLong(out, instance.cycles);
            varLong(out, instance.variableSlots());
            for (Value v : instance.variableArray()) {
                value(out, v);
            }
            varLong(out, instance.retainedSlots());
            for (Value v : instance.retainedArray()) {
                value(out, v);
            }
            varLong(out, instance.timers == null ? 0 : instance.timers.size());
            for (Timer t : instance.runningTimers()) {
                out.writeUTF(t.name());
                varLong(out, zigZag(t.expiresAtMillis() - instance.lastUpdateTime));
                varLong(out, t.durationSeconds());
            }
            varLong(out, instance.expiredUnconsumed == null ? 0 : instance.expiredUnconsumed.size());
            if (instance.expiredUnconsumed != null) {
                for (String name : instance.expiredUnconsumed.stream().sorted().toList()) {
                    out.writeUTF(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static DetectorInstance decode(byte[] bytes, String keyValue, CompiledModel model) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("detector state format " + format + " is not " + FORMAT);
            }
            String state = in.readUTF();
            long creation = varLong(in);
            DetectorInstance instance = new DetectorInstance(keyValue, model.symbols, model.stateName(state), creation);
            instance.lastUpdateTime = creation + varLong(in);
            instance.cycles = varLong(in);
            Value[] variables = new Value[(int) varLong(in)];
            for (int i = 0; i < variables.length; i++) {
                variables[i] = value(in);
            }
            instance.replaceVariables(variables);
            Value[] retained = new Value[(int) varLong(in)];
            for (int i = 0; i < retained.length; i++) {
                retained[i] = value(in);
            }
            instance.replaceRetained(retained);
            for (long n = varLong(in); n > 0; n--) {
                String name = in.readUTF();
                long expires = instance.lastUpdateTime + unZigZag(varLong(in));
                instance.putTimer(new Timer(name, expires, varLong(in)));
            }
            for (long n = varLong(in); n > 0; n--) {
                instance.expired(in.readUTF());
            }
            return instance;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable detector state: " + e.getMessage(), e);
        }
    }

    // tags: 0 unset, 1 integer, 2 decimal, 3 string, 4 true, 5 false, 6 null, 7 undefined (a retained path absent)
    private static void value(DataOutputStream out, Value v) throws IOException {
        if (v == null) {
            out.writeByte(0);
            return;
        }
        switch (v.type()) {
            case INTEGER -> {
                out.writeByte(1);
                varLong(out, zigZag(v.asLong()));
            }
            case DECIMAL -> {
                out.writeByte(2);
                BigDecimal d = v.asDecimal();
                varLong(out, zigZag(d.scale()));
                byte[] unscaled = d.unscaledValue().toByteArray();
                varLong(out, unscaled.length);
                out.write(unscaled);
            }
            case STRING -> {
                out.writeByte(3);
                byte[] text = v.asString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                varLong(out, text.length);
                out.write(text);
            }
            case BOOLEAN -> out.writeByte(v.isTrue() ? 4 : 5);
            case UNDEFINED -> out.writeByte(7);
            default -> out.writeByte(6); // a variable holds no undefined or invalid value (§B.6 rule 9)
        }
    }

    private static Value value(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> Value.integer(unZigZag(varLong(in)));
            case 2 -> {
                int scale = (int) unZigZag(varLong(in));
                byte[] unscaled = new byte[(int) varLong(in)];
                in.readFully(unscaled);
                yield Value.decimal(new BigDecimal(new BigInteger(unscaled), scale));
            }
            case 3 -> {
                byte[] text = new byte[(int) varLong(in)];
                in.readFully(text);
                yield Value.string(new String(text, java.nio.charset.StandardCharsets.UTF_8));
            }
            case 4 -> Value.TRUE;
            case 5 -> Value.FALSE;
            case 6 -> Value.NULL;
            case 7 -> Value.UNDEFINED;
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unZigZag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** Unsigned LEB128: small numbers (slots, counts, seconds) take one byte. */
    private static void varLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long varLong(DataInputStream in) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("malformed variable-length number");
    }
}
