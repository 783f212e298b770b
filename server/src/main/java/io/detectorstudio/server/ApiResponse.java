package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;

/** What an operation answers: the HTTP status and the JSON body (null for an empty body, e.g. 204). */
public record ApiResponse(int status, JsonNode body) {

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }
}
