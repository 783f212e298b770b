package io.detectorstudio.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An action object the API does not define (a misspelt key, an empty object, several keys): kept verbatim so that
 * writing does not lose it; validation reports it.
 *
 * @param key  the first key of the object, or empty when the object has none
 * @param json the whole action object as read
 */
public record UnknownAction(String key, JsonNode json) implements Action {

    public UnknownAction {
        json = json.deepCopy();
    }

    /** A copy: Jackson nodes are mutable and this record is not. */
    @Override
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public List<ExpressionField> expressionFields() {
        return List.of();
    }
}
