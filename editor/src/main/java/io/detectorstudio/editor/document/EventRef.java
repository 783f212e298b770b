package io.detectorstudio.editor.document;

import io.detectorstudio.editor.graph.TransitionKeys;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.ModelEvent;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where an event is: the state (by name), which of its lists, and the index there. Lookups and edits are pure
 * functions of a {@link DetectorModel}; a reference that no longer resolves (after an undo) gives empty/unchanged.
 */
public record EventRef(String stateName, State.EventList list, int index) {

    public Optional<ModelEvent> resolve(DetectorModel model) {
        return model.state(stateName).flatMap(s -> {
            List<? extends ModelEvent> events = ModelEdits.events(s, list);
            return index >= 0 && index < events.size() ? Optional.of(events.get(index)) : Optional.empty();
        });
    }

    /** The model with this event replaced by {@code change(event)}; unchanged when the event does not exist. */
    public DetectorModel update(DetectorModel model, UnaryOperator<ModelEvent> change) {
        if (resolve(model).isEmpty()) {
            return model;
        }
        return ModelEdits.withState(model, stateName, s -> {
            List<ModelEvent> events = new ArrayList<>(ModelEdits.events(s, list));
            events.set(index, change.apply(events.get(index)));
            return ModelEdits.withEvents(s, list, events);
        });
    }

    /** The first transition event named {@code eventName} of state {@code from} (the diagram key "from/event"). */
    public static Optional<EventRef> ofTransition(DetectorModel model, String from, String eventName) {
        return ofTransitionKey(model, TransitionKeys.of(from, eventName, 1));
    }

    /** The transition event a diagram key ({@link TransitionKeys}: "from/event", "from/event#2"…) stands for. */
    public static Optional<EventRef> ofTransitionKey(DetectorModel model, String key) {
        return Optional.ofNullable(transitionsByKey(model).get(key));
    }

    /** Every transition event of the model by its diagram key, in model order. */
    public static Map<String, EventRef> transitionsByKey(DetectorModel model) {
        List<EventRef> refs = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (State s : model.states()) {
            String from = s.stateName() == null ? "" : s.stateName();
            List<TransitionEvent> events = s.transitionEvents();
            for (int i = 0; i < events.size(); i++) {
                refs.add(new EventRef(s.stateName(), State.EventList.TRANSITIONS, i));
                String event = events.get(i).eventName();
                names.add(new String[] {from, event == null ? "" : event});
            }
        }
        List<String> keys = TransitionKeys.assign(names, n -> n[0], n -> n[1]);
        Map<String, EventRef> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), refs.get(i));
        }
        return byKey;
    }
}
