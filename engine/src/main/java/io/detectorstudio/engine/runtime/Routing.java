package io.detectorstudio.engine.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which models receive a message of each input (§C.1), in model order: an engine's routing table, made anew
 * whenever its models or instance tables change. Read by the engine's thread and, between such changes, by the
 * threads that prepare messages ({@link Engine#prepare}), so what it hands out never changes.
 */
final class Routing {

    /**
     * A model that reads an input: its instances, its slot of the input and its reader of the input's payloads,
     * so a message looks nothing else up.
     */
    record Route(CompiledModel model, InstanceTable byKey, int inputSlot, PayloadReader reader) {
    }

    /** An input name and its routes as last looked up; immutable, so the threads that prepare may share it. */
    private record Lookup(String input, Route[] routes) {
        static final Lookup NONE = new Lookup(null, null);
    }

    private Map<String, Route[]> byInput = Map.of();
    /** the input looked up last (its name compared by reference) */
    private Lookup last = Lookup.NONE;

    /** The table for these models; a message prepared with the old one is read again ({@link PreparedMessage}). */
    void rebuild(Collection<CompiledModel> models, Map<String, InstanceTable> instances) {
        Map<String, List<Route>> routes = new HashMap<>();
        for (CompiledModel model : models) {
            for (String input : model.routedInputs) {
                int slot = model.symbols.existingInputSlot(input);
                routes.computeIfAbsent(input, i -> new ArrayList<>()).add(new Route(model, instances.get(model.name),
                        slot, model.payloadReader(slot)));
            }
        }
        Map<String, Route[]> table = new HashMap<>();
        routes.forEach((input, list) -> table.put(input, list.toArray(Route[]::new)));
        byInput = table;
        last = Lookup.NONE;
    }

    /** The routes of an input (null: none); a run of messages on one input (one name object) looks it up once. */
    Route[] of(String input) {
        Lookup lookup = last;
        if (input != lookup.input()) {
            lookup = new Lookup(input, byInput.get(input));
            last = lookup;
        }
        return lookup.routes();
    }

    /** {@link Engine#prepare(Message)}: the payload tree read for the models that read its input. */
    PreparedMessage prepare(Message m) {
        Route[] routed = m.inputName() == null ? null : of(m.inputName());
        if (routed == null || m.payload() == null || !m.payload().isObject()) {
            return new PreparedMessage(m, null, routed, null);
        }
        PayloadReading[] readings = new PayloadReading[routed.length];
        for (int r = 0; r < routed.length; r++) {
            readings[r] = routed[r].reader.read(m.payload());
        }
        return new PreparedMessage(m, null, routed, readings);
    }

    /** {@link Engine#prepare(String, String, byte[], Long)}: the bytes read, a tree made only where they need one. */
    PreparedMessage prepare(String inputName, String messageId, byte[] payload, Long timestampMillis)
            throws IOException {
        Route[] routed = inputName == null ? null : of(inputName);
        if (routed != null) {
            PayloadReading[] readings = new PayloadReading[routed.length];
            for (int r = 0; r < routed.length; r++) {
                readings[r] = routed[r].reader.read(payload);
                if (readings[r] == null) {
                    readings = null;
                    break;
                }
            }
            if (readings != null) {
                return new PreparedMessage(new Message(inputName, messageId, null, timestampMillis), payload, routed,
                        readings);
            }
        }
        return prepare(new Message(inputName, messageId, PreparedMessage.JSON.readTree(payload), timestampMillis));
    }
}
