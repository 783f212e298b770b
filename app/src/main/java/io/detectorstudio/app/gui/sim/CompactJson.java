package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON objects the workbench keeps for a whole session (trace records, emitted actions) as bytes, read into a tree
 * when a view shows one. As trees they are about 10 KB of small objects per cycle; a long run then hands the
 * garbage collector so much to copy that its pauses stall the UI. Decimals keep their scale both ways.
 */
final class CompactJson {

    // without back-references to names written before: a record's names are few and short, looking each up
    // cost more than the bytes it saved
    private static final ObjectMapper JSON = SmileMapper.builder(SmileFactory.builder()
                    .disable(SmileGenerator.Feature.CHECK_SHARED_NAMES).build()).build()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CompactJson() {
    }

    static byte[] bytes(ObjectNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(byte[] bytes) {
        try {
            return (ObjectNode) JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
