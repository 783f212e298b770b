package io.detectorstudio.app.gui;

import io.detectorstudio.editor.diagram.DiagramSelection;
import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.properties.PropertyTarget;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.LocatedEvent;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import io.detectorstudio.simulator.session.Breakpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of the outline: what it says, what selecting it selects in the diagram and opens in the properties, and
 * the breakpoints its context menu offers while simulating. The model's line has the states below it, each state its
 * events and transitions. No JavaFX: the window turns entries into tree items.
 *
 * @param label       the text shown
 * @param selection   what the diagram selects (the state, or the transition's edge; an event selects its state)
 * @param target      what the properties open
 * @param breakpoints what the context menu offers while simulating
 * @param children    the lines below
 */
record OutlineEntry(String label, DiagramSelection selection, PropertyTarget target, List<Breakpoint> breakpoints,
                    List<OutlineEntry> children) {

    static OutlineEntry of(DetectorModel model) {
        String initial = model.detectorModelDefinition() == null ? null
                : model.detectorModelDefinition().initialStateName();
        Map<EventRef, String> transitionKeys = new HashMap<>();
        EventRef.transitionsByKey(model).forEach((key, ref) -> transitionKeys.put(ref, key));
        List<OutlineEntry> states = new ArrayList<>();
        for (State state : model.states()) {
            String name = state.stateName();
            List<OutlineEntry> events = new ArrayList<>();
            for (LocatedEvent located : model.events()) {
                if (!located.stateName().equals(name)) {
                    continue;
                }
                String event = located.event().eventName();
                EventRef ref = new EventRef(name, located.list(), located.index());
                boolean transition = located.event() instanceof TransitionEvent;
                String label = located.event() instanceof TransitionEvent t
                        ? "→ " + t.nextState() + ": " + event : groupName(located.list()) + ": " + event;
                String key = transitionKeys.get(ref);
                DiagramSelection selection = transition && key != null ? new DiagramSelection(Set.of(), Set.of(key))
                        : DiagramSelection.ofStates(Set.of(name));
                events.add(new OutlineEntry(label, selection, new PropertyTarget.Event(ref),
                        List.of(new Breakpoint.EventFired(name, event), new Breakpoint.ConditionBecameTrue(name, event)),
                        List.of()));
            }
            states.add(new OutlineEntry(name + (name.equals(initial) ? "  (initial)" : ""),
                    DiagramSelection.ofStates(Set.of(name)), new PropertyTarget.State(name),
                    List.of(new Breakpoint.StateEntered(name), new Breakpoint.StateExited(name)), events));
        }
        return new OutlineEntry(model.detectorModelName(), DiagramSelection.NONE, PropertyTarget.MODEL, List.of(),
                states);
    }

    /** ON_ENTER → onEnter, as the API names the lists. */
    private static String groupName(State.EventList list) {
        String[] words = String.valueOf(list).toLowerCase().split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }
}
