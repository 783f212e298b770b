package io.detectorstudio.editor.document;

import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.ModelEvent;
import io.detectorstudio.engine.model.State;
import java.util.ArrayList;
import java.util.List;
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

    /** The transition event with name {@code eventName} of state {@code from} (a diagram key "from/event"). */
    public static Optional<EventRef> ofTransition(DetectorModel model, String from, String eventName) {
        return model.state(from).flatMap(s -> {
            List<? extends ModelEvent> events = s.transitionEvents();
            for (int i = 0; i < events.size(); i++) {
                if (eventName.equals(events.get(i).eventName())) {
                    return Optional.of(new EventRef(from, State.EventList.TRANSITIONS, i));
                }
            }
            return Optional.empty();
        });
    }

    /** Same as {@link #ofTransition(DetectorModel, String, String)} with a diagram key "from/event". */
    public static Optional<EventRef> ofTransitionKey(DetectorModel model, String key) {
        // state names may contain '/', event names are checked against every split point
        for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
            Optional<EventRef> ref = ofTransition(model, key.substring(0, slash), key.substring(slash + 1));
            if (ref.isPresent()) {
                return ref;
            }
        }
        return Optional.empty();
    }
}
