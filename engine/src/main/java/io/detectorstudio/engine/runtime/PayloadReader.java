package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.SymbolTable;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what one model needs of one input's payload — the key value (§C.1) and the value at each {@code $input}
 * path the model's expressions read (§C.7) — either from a parsed tree or straight from the JSON bytes
 * ({@link AsciiPayloadScanner} for payloads of the simplest kind, else Jackson's streaming parser), skipping every
 * subtree no path enters. Both give exactly the values a
 * reference would read from {@code readTree}'s tree ({@link Evaluator#fromJson} on the same nodes):
 * {@code PayloadReaderPropertiesTest} compares them. Immutable once built; one per model and input.
 */
final class PayloadReader {

    /** Marks a value whose conversion fails (a number beyond a double, ±1e400) until a later member replaces it. */
    private static final Value CONVERSION_FAILS = Value.invalid("not convertible");

    private final ObjectMapper mapper;
    private final String[] keyPath;
    private final List<List<Object>> paths = new ArrayList<>();
    private final PathStep root = new PathStep(null, -1);

    /** The reader of {@code inputSlot}'s payloads for a model with this key path (null: keyless). */
    PayloadReader(ObjectMapper mapper, String[] keyPath, SymbolTable symbols, int[] pathSlots) {
        this.mapper = mapper;
        this.keyPath = keyPath;
        for (int i = 0; i < pathSlots.length; i++) {
            List<Object> path = symbols.path(pathSlots[i]);
            paths.add(path);
            PathStep step = root;
            for (Object part : path) {
                step = part instanceof Integer index ? step.child(null, index) : step.child((String) part, -1);
                step.below = append(step.below, i);
            }
            step.value = i;
        }
        root.below = new int[pathSlots.length];
        Arrays.setAll(root.below, i -> i);
        if (keyPath != null) {
            PathStep step = root;
            root.keyBelow = true;
            for (String name : keyPath) {
                step = step.child(name, -1);
                step.keyBelow = true;
            }
            step.key = true;
        }
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    int pathCount() {
        return paths.size();
    }

    /** The step at the payload object, from which every path and the key path go. */
    PathStep root() {
        return root;
    }

    // ---- from a tree

    /**
     * The key and values of a parsed payload; a value whose conversion fails is left null, so that a reference
     * converts it in the cycle and fails there, as it always did.
     */
    PayloadReading read(JsonNode payload) {
        Value[] values = new Value[paths.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode node = payload;
            for (Object part : paths.get(i)) {
                if (node == null) {
                    break;
                }
                node = part instanceof Integer index ? node.get(index) : node.get((String) part);
            }
            try {
                values[i] = Evaluator.fromJson(node);
            } catch (RuntimeException conversionFails) {
                values[i] = null;
            }
        }
        return new PayloadReading(keyOf(keyPath, payload), values);
    }

    /** The key value of a message (§C.1), as text; null when the model is keyless or the message lacks it. */
    static String keyOf(String[] keyPath, JsonNode payload) {
        if (keyPath == null) {
            return null;
        }
        JsonNode node = payload;
        for (String segment : keyPath) {
            node = node.path(segment);
        }
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText(); // [GAP] §C.1: values outside ^[a-zA-Z0-9\-_:]+$ are accepted (Engine.isAddressable)
    }

    // ---- from bytes

    /**
     * The key and values read straight from JSON bytes, or null when the bytes need the tree path: not an object,
     * not UTF-8 JSON (the tree path then reports it as {@code readTree} would), or a value whose conversion fails.
     * Trailing bytes after the object are ignored, as {@code readTree} ignores them.
     */
    PayloadReading read(byte[] json) {
        PayloadReading simple = AsciiPayloadScanner.read(json, root, paths.size());
        return simple != null ? simple : readStreaming(json);
    }

    /** {@link #read(byte[])} by Jackson's parser alone: any payload, at Jackson's speed. */
    PayloadReading readStreaming(byte[] json) {
        Feed feed = FEEDS.get(); // one mapper (PreparedMessage.JSON) makes every reader's parser
        try {
            JsonParser p = feed.parser(mapper, json);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                feed.discard();
                return null;
            }
            Stream s = feed.stream.start(mapper, paths.size());
            s.value(p, JsonToken.START_OBJECT, root);
            feed.finished();
            for (Value v : s.values) {
                if (v == CONVERSION_FAILS) {
                    return null;
                }
            }
            return new PayloadReading(s.key, s.values);
        } catch (IOException | RuntimeException notForTheStream) {
            feed.discard();
            return null;
        }
    }

    /**
     * A thread's non-blocking parser, fed one payload after another: a parser costs more to make than a small
     * payload costs to read, and its table of names is kept. Any payload it cannot read whole makes a new one.
     */
    private static final ThreadLocal<Feed> FEEDS = ThreadLocal.withInitial(Feed::new);

    private static final class Feed {
        /** a parser lives for this many payloads, so that the names it keeps stay few */
        private static final int PAYLOADS_PER_PARSER = 100_000;
        private JsonParser parser;
        private int fed;
        /** the pass over the payload being read (one at a time per thread: reused) */
        final Stream stream = new Stream();

        JsonParser parser(ObjectMapper mapper, byte[] json) throws IOException {
            if (parser == null || ++fed > PAYLOADS_PER_PARSER) {
                discard();
                parser = mapper.getFactory().createNonBlockingByteArrayParser();
                fed = 0;
            }
            ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(json, 0, json.length);
            return parser;
        }

        /** After the root object: the parser takes the next payload only if nothing but whitespace is left. */
        void finished() throws IOException {
            if (parser.nextToken() != JsonToken.NOT_AVAILABLE) {
                discard();
            }
        }

        void discard() {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // nothing is held open: the input was a byte array
                }
                parser = null;
            }
        }
    }

    /** One pass over one payload's tokens; a thread's {@link Feed} reuses it, payload after payload. */
    private static final class Stream {
        private ObjectMapper mapper;
        Value[] values;
        String key;

        /** Ready for a payload of a reader with {@code count} paths. */
        Stream start(ObjectMapper mapper, int count) {
            this.mapper = mapper;
            values = new Value[count];
            Arrays.fill(values, Value.UNDEFINED); // a path the payload does not have
            key = null;
            return this;
        }

        /** The value whose first token is {@code token}, at {@code step}; leaves the parser on its last token. */
        void value(JsonParser p, JsonToken token, PathStep step) throws IOException {
            if (step.value >= 0 || step.key) {
                read(p, token, step);
            }
            if (token == JsonToken.START_OBJECT) {
                if (step.names.length == 0) {
                    skip(p);
                    return;
                }
                for (JsonToken t = next(p); t == JsonToken.FIELD_NAME; t = next(p)) {
                    PathStep member = step.name(p.currentName());
                    JsonToken first = next(p);
                    if (member == null) {
                        skipValue(p, first);
                    } else {
                        forget(member); // a repeated member: the last one is the tree's
                        value(p, first, member);
                    }
                }
            } else if (token == JsonToken.START_ARRAY) {
                if (step.indexes.length == 0) {
                    skip(p);
                    return;
                }
                int i = 0;
                for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p), i++) {
                    PathStep element = step.index(i);
                    if (element == null) {
                        skipValue(p, t);
                    } else {
                        value(p, t, element);
                    }
                }
            } else if (token == JsonToken.VALUE_STRING && step.value < 0 && !step.key) {
                p.finishToken();
            }
        }

        /** The next token of the payload; its end before the root object's end fails the read. */
        private JsonToken next(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.NOT_AVAILABLE) {
                throw new IOException("the payload ends inside its object");
            }
            return t;
        }

        private void forget(PathStep step) {
            for (int i : step.below) {
                values[i] = Value.UNDEFINED;
            }
            if (step.keyBelow) {
                key = null;
            }
        }

        /**
         * The value and key text at a step. A number that is not a plain int or long is turned into the very node
         * {@code readTree} makes there (its mapper's settings), which then gives both, as on the tree path.
         */
        private void read(JsonParser p, JsonToken token, PathStep step) throws IOException {
            JsonNode node = null;
            if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT
                    && p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                node = mapper.readTree(p); // consumes the token: the parser is not asked about it again
            }
            if (step.value >= 0) {
                values[step.value] = node != null ? converted(node) : scalar(p, token);
            }
            if (step.key) {
                key = node != null ? node.asText() : keyText(p, token);
            }
        }

        /** §B.1 as {@link Evaluator#fromJson} gives it for the node {@code readTree} would make here. */
        private Value scalar(JsonParser p, JsonToken token) throws IOException {
            return switch (token) {
                case VALUE_STRING -> Value.string(p.getText());
                case VALUE_TRUE -> Value.TRUE;
                case VALUE_FALSE -> Value.FALSE;
                case VALUE_NULL -> Value.NULL;
                case VALUE_NUMBER_INT -> Value.integer(p.getLongValue()); // an int or a long: IntNode or LongNode
                default -> Value.UNDEFINED; // an object or an array
            };
        }

        private Value converted(JsonNode node) {
            try {
                return Evaluator.fromJson(node);
            } catch (RuntimeException conversionFails) {
                return CONVERSION_FAILS; // unless a repeated member replaces it, the tree path must fail on it
            }
        }

        private String keyText(JsonParser p, JsonToken token) throws IOException {
            return switch (token) {
                case VALUE_STRING -> p.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NUMBER_INT -> Long.toString(p.getLongValue());
                default -> null; // null, an object or an array
            };
        }

        private void skipValue(JsonParser p, JsonToken first) throws IOException {
            if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
                skip(p);
            } else if (first == JsonToken.VALUE_STRING) {
                p.finishToken();
            }
        }

        /**
         * Past the container the parser is at the start of. Strings are decoded on the way (unlike
         * {@link JsonParser#skipChildren}), so a bad escape or bad UTF-8 fails here as it fails {@code readTree}.
         */
        private void skip(JsonParser p) throws IOException {
            int depth = 1;
            while (depth > 0) {
                JsonToken t = next(p);
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_STRING) {
                    p.finishToken();
                }
            }
        }
    }
}
