package io.detectorstudio.editor.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.editor.graph.Point;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the layout sidecar {@code X.layout.json} next to a model {@code X.json}, so the model file stays
 * exactly the deployable definition. Format (version 1):
 * <pre>{"layoutVersion":1,"zoom":1.0,
 *  "states":{"&lt;stateName&gt;":{"x":..,"y":..}},
 *  "transitions":{"&lt;fromState&gt;/&lt;eventName&gt;":{"bends":[[x,y],...]}}}</pre>
 * {@code bends} is the whole route including the two attachment points on the boxes; an optional
 * {@code "label":[x,y]} next to it is the centre of the transition's label. A transition's key is
 * {@code from/event}, and {@code from/event#2}, {@code #3}… for further transitions of the state with the same event
 * name ({@link io.detectorstudio.editor.graph.TransitionKeys}), so sidecars written before repeats were numbered still
 * read the same.
 */
public final class LayoutSidecar {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LayoutSidecar() {
    }

    /** {@code dir/X.json} → {@code dir/X.layout.json} (any other name gets {@code .layout.json} appended). */
    public static Path sidecarFor(Path model) {
        String name = model.getFileName().toString();
        String base = name.toLowerCase().endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(base + ".layout.json");
    }

    /** The saved layout, or empty when there is no sidecar; a broken sidecar is reported with where and why. */
    public static Optional<DiagramLayout> read(Path sidecar) throws LayoutException {
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(sidecar, StandardCharsets.UTF_8)));
        } catch (LayoutException e) {
            throw new LayoutException(sidecar + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LayoutException(sidecar + ": cannot read: " + e.getMessage());
        }
    }

    public static void write(Path sidecar, DiagramLayout layout) throws IOException {
        Files.writeString(sidecar, format(layout), StandardCharsets.UTF_8);
    }

    public static String format(DiagramLayout layout) {
        ObjectNode root = JSON.createObjectNode();
        root.put("layoutVersion", VERSION);
        root.put("zoom", layout.zoom());
        ObjectNode states = root.putObject("states");
        layout.states().forEach((name, p) -> states.putObject(name).put("x", p.x()).put("y", p.y()));
        ObjectNode transitions = root.putObject("transitions");
        layout.routes().forEach((key, route) -> {
            ArrayNode bends = transitions.putObject(key).putArray("bends");
            route.forEach(p -> bends.addArray().add(p.x()).add(p.y()));
        });
        layout.labels().forEach((key, p) -> {
            ObjectNode entry = transitions.has(key) ? (ObjectNode) transitions.get(key) : transitions.putObject(key);
            entry.putArray("label").add(p.x()).add(p.y());
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DiagramLayout parse(String text) throws LayoutException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LayoutException("line " + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LayoutException("$: expected an object {\"layoutVersion\":1,...}");
        }
        if (root.path("layoutVersion").asInt(-1) != VERSION) {
            throw new LayoutException("$.layoutVersion: expected 1, found " + root.path("layoutVersion"));
        }
        double zoom = root.path("zoom").asDouble(1.0);
        Map<String, Point> states = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("states").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.path("x").isNumber() || !p.path("y").isNumber()) {
                throw new LayoutException("$.states." + e.getKey() + ": expected {\"x\": number, \"y\": number}");
            }
            states.put(e.getKey(), new Point(p.get("x").asDouble(), p.get("y").asDouble()));
        }
        Map<String, List<Point>> routes = new LinkedHashMap<>();
        Map<String, Point> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("transitions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Point> route = new ArrayList<>();
            int i = 0;
            for (JsonNode pair : e.getValue().path("bends")) {
                if (pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
                    throw new LayoutException("$.transitions." + e.getKey() + ".bends[" + i + "]: expected [x, y]");
                }
                route.add(new Point(pair.get(0).asDouble(), pair.get(1).asDouble()));
                i++;
            }
            routes.put(e.getKey(), route);
            JsonNode label = e.getValue().path("label");
            if (!label.isMissingNode()) {
                if (label.size() != 2 || !label.get(0).isNumber() || !label.get(1).isNumber()) {
                    throw new LayoutException("$.transitions." + e.getKey() + ".label: expected [x, y]");
                }
                labels.put(e.getKey(), new Point(label.get(0).asDouble(), label.get(1).asDouble()));
            }
        }
        return new DiagramLayout(zoom, states, routes, labels);
    }

    /** A sidecar that cannot be used; the message says where and what would be valid. */
    public static final class LayoutException extends Exception {
        public LayoutException(String message) {
            super(message);
        }
    }
}
