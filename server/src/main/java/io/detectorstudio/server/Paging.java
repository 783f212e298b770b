package io.detectorstudio.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * List paging as the service does it: {@code maxResults} 1–250, an opaque {@code nextToken}; no token = last page.
 * Items are in name order and the token is the last name given, so changes between pages skip or repeat nothing.
 */
final class Paging {

    static final int DEFAULT_MAX_RESULTS = 50;

    record Page<T>(List<T> items, String nextToken) {
        /** Adds {@code nextToken} to a list answer when there is a next page (the last page has none). */
        void putNextToken(ObjectNode out) {
            if (nextToken != null) {
                out.put("nextToken", nextToken);
            }
        }
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> sortedByName, Function<T, String> name, String nextToken, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > 250)) {
            throw Errors.invalidRequest("maxResults must be between 1 and 250, not " + maxResults);
        }
        int limit = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
        String after = nextToken == null ? null : decode(nextToken);
        List<T> rest = sortedByName.stream().filter(t -> after == null || name.apply(t).compareTo(after) > 0).toList();
        if (rest.size() <= limit) {
            return new Page<>(rest, null);
        }
        List<T> items = rest.subList(0, limit);
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("n:" + name.apply(items.get(limit - 1))).getBytes(StandardCharsets.UTF_8)));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("n:")) {
                return text.substring(2);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw Errors.invalidRequest("nextToken is not a token this service gave out");
    }
}
