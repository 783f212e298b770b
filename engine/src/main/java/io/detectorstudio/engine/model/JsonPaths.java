package io.detectorstudio.engine.model;

import java.util.ArrayList;
import java.util.List;

/** The dotted paths of the API: a model's {@code key} and an attribute's {@code jsonPath}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code payload.`device.id`.x} → [payload, device.id, x]: dots inside backticks belong to the name. */
    public static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : path.toCharArray()) {
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }
}
