package io.detectorstudio.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads JSON or YAML into a Jackson tree while recording the source range of every value by JSON path.
 *
 * <p>Numbers keep their written form ({@code 20.0} stays {@code 20.0}) because decimals become
 * {@code DecimalNode}s with their scale; objects keep key order. Nesting depth and document size are bounded so
 * that hostile files fail fast with a located message instead of exhausting the stack or the heap.
 */
public final class LocatingReader {

    /** Deeper than any real model (a detector model is at most ~12 levels deep). */
    public static final int MAX_NESTING_DEPTH = 200;
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonFactory json;
    private final YAMLFactory yaml;

    public LocatingReader() {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength((int) MAX_BYTES).build();
        json = JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS) // console exports are sometimes annotated (.jsonc)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        yaml = YAMLFactory.builder().streamReadConstraints(limits).build();
    }

    /** Reads {@code bytes}; YAML when {@code yamlSyntax}, JSON otherwise. */
    public LocatedJson read(byte[] bytes, boolean yamlSyntax) throws ModelReadException {
        if (bytes.length > MAX_BYTES) {
            throw new ModelReadException("file is " + bytes.length / (1024 * 1024) + " MB; models are at most "
                    + MAX_BYTES / (1024 * 1024) + " MB", 0, 0);
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new ModelReadException("file is empty; expected a JSON object such as a CreateDetectorModel request",
                    1, 1);
        }
        try (JsonParser p = yamlSyntax ? yaml.createParser(text) : json.createParser(text)) {
            Map<String, SourceRange> ranges = new HashMap<>();
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ModelReadException("file holds no document", 1, 1);
            }
            JsonNode root = readValue(p, "$", ranges);
            if (!yamlSyntax && p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new ModelReadException("unexpected content after the end of the JSON document", at.getLineNr(),
                        at.getColumnNr());
            }
            return new LocatedJson(root, ranges, text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new ModelReadException(describe(e), Math.max(line, 0), Math.max(column, 0));
        } catch (IOException e) {
            throw new ModelReadException("cannot read: " + e.getMessage(), 0, 0);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.contains("Document nesting depth")) {
            return "values are nested more than " + MAX_NESTING_DEPTH + " levels deep; a detector model is never so deep";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the file ends in the middle of a value (truncated?): " + firstLine(message);
        }
        return "not valid JSON: " + firstLine(message);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String decode(byte[] bytes) throws ModelReadException {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (s.indexOf('\0') >= 0) {
                throw new ModelReadException("binary data (NUL bytes); expected a UTF-8 JSON or YAML text file", 1, 1);
            }
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new ModelReadException("not UTF-8 text (binary file?); expected a JSON or YAML model", 1, 1);
        }
    }

    private JsonNode readValue(JsonParser p, String path, Map<String, SourceRange> ranges) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        String tag = p.canReadTypeId() ? (String) p.getTypeId() : null;
        JsonNode node = readUntagged(p, path, ranges);
        if (tag != null) {
            node = CloudFormationTags.expand(tag, node, NODES);
        }
        JsonLocation end = p.currentLocation();
        ranges.put(path, new SourceRange(start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr()));
        return node;
    }

    private JsonNode readUntagged(JsonParser p, String path, Map<String, SourceRange> ranges) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> readObject(p, path, ranges);
            case START_ARRAY -> readArray(p, path, ranges);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(p.getBigIntegerValue())
                    : NODES.numberNode(p.getLongValue()).canConvertToInt()
                        ? NODES.numberNode(p.getIntValue()) : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(p.getEmbeddedObject());
            default -> throw new IOException("unexpected token " + p.currentToken());
        };
    }

    private ObjectNode readObject(JsonParser p, String path, Map<String, SourceRange> ranges) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            object.set(name, readValue(p, path + "." + name, ranges));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser p, String path, Map<String, SourceRange> ranges) throws IOException {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(p, path + "[" + i++ + "]", ranges));
        }
        return array;
    }
}
