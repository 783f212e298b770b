package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One API call as the operations see it: the matched path parameters, the query parameters (URL-decoded; a
 * parameter may repeat, e.g. {@code tagKeys}) and the JSON body (an empty object when there is none), with the
 * bytes it was parsed from when it came over HTTP (null otherwise): a change's log record stores those as received
 * rather than serialising the tree again.
 */
public record ApiRequest(String operation, Map<String, String> pathParameters, Map<String, List<String>> query,
                         JsonNode body, byte[] bodyBytes) {

    public ApiRequest(String operation, Map<String, String> pathParameters, Map<String, List<String>> query,
                      JsonNode body) {
        this(operation, pathParameters, query, body, null);
    }

    public String path(String name) {
        return pathParameters.get(name);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** An integer query parameter such as {@code maxResults}; a value that is no integer is a bad request. */
    public Integer queryInt(String name) {
        String text = query(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw Errors.invalidRequest(name + " must be an integer, not '" + text + "'");
        }
    }
}
