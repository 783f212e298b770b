package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Three-way merge of JSON trees that keeps as much of an original file as an edit allows.
 * {@code baseline} is the canonical rewrite of {@code original} (what the typed model makes of it), {@code edited}
 * the canonical form after the edit. Where edited equals baseline nothing changed, so the original node is kept
 * verbatim; original members absent from baseline are unknown to the model and are kept in place.
 */
final class TreeMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TreeMerge() {
    }

    static JsonNode merge(JsonNode original, JsonNode baseline, JsonNode edited) {
        if (edited.equals(baseline)) {
            return original.deepCopy();
        }
        if (original.isObject() && baseline.isObject() && edited.isObject()) {
            return mergeObjects((ObjectNode) original, (ObjectNode) baseline, (ObjectNode) edited);
        }
        if (original.isArray() && baseline.isArray() && edited.isArray() && original.size() == baseline.size()) {
            return mergeArrays((ArrayNode) original, (ArrayNode) baseline, (ArrayNode) edited);
        }
        return edited.deepCopy();
    }

    private static ObjectNode mergeObjects(ObjectNode original, ObjectNode baseline, ObjectNode edited) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (!baseline.has(name)) {
                out.set(name, member.getValue().deepCopy()); // unknown to the model: keep as is
            } else if (edited.has(name)) {
                out.set(name, merge(member.getValue(), baseline.get(name), edited.get(name)));
            } // else: removed by the edit
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = edited.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            boolean addedByCanonicalForm = member.getValue().equals(baseline.get(name));
            if (!original.has(name) && !addedByCanonicalForm) {
                out.set(name, member.getValue().deepCopy());
            }
        }
        return out;
    }

    /**
     * Same length: element by element. Otherwise (elements inserted or removed) each edited element that equals an
     * unused baseline element takes that element's original node, so unchanged neighbours keep their bytes.
     */
    private static ArrayNode mergeArrays(ArrayNode original, ArrayNode baseline, ArrayNode edited) {
        ArrayNode out = NODES.arrayNode();
        if (baseline.size() == edited.size()) {
            for (int i = 0; i < edited.size(); i++) {
                out.add(merge(original.get(i), baseline.get(i), edited.get(i)));
            }
            return out;
        }
        boolean[] used = new boolean[baseline.size()];
        for (JsonNode element : edited) {
            int match = unusedEqual(baseline, used, element);
            if (match >= 0) {
                used[match] = true;
                out.add(original.get(match).deepCopy());
            } else {
                out.add(element.deepCopy());
            }
        }
        return out;
    }

    private static int unusedEqual(ArrayNode baseline, boolean[] used, JsonNode element) {
        for (int i = 0; i < baseline.size(); i++) {
            if (!used[i] && baseline.get(i).equals(element)) {
                return i;
            }
        }
        return -1;
    }
}
