package io.detectorstudio.editor.document;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.graph.StateMarkers;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.ClearTimerAction;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.ModelEvent;
import io.detectorstudio.engine.model.ResetTimerAction;
import io.detectorstudio.engine.model.SetTimerAction;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagram of a typed model: the same states, initial flag, markers and transitions as
 * {@code ModelGraphReader} reads from JSON, placed like {@code placed} (positions by state name, routes and label
 * positions by transition key ({@code TransitionKeys}) while its event and both ends stay the same). States {@code placed} does not know are put in a row
 * below the others.
 */
public final class ModelGraphs {
    private static final double GAP = 40;

    private ModelGraphs() {
    }

    public static DiagramGraph derive(DetectorModel model, DiagramGraph placed) {
        String initial = model.detectorModelDefinition() == null ? null
                : model.detectorModelDefinition().initialStateName();
        double[] bounds = placed.bounds();
        double nextX = bounds[0];
        double rowY = placed.states().isEmpty() ? 40 : bounds[3] + GAP;
        List<DiagramState> states = new ArrayList<>();
        List<DiagramTransition> transitions = new ArrayList<>();
        for (State s : model.states()) {
            String name = s.stateName() == null ? "" : s.stateName();
            Optional<DiagramState> before = placed.state(name);
            DiagramState state = new DiagramState(name, new Point(0, 0), name.equals(initial), markers(s));
            if (before.isPresent()) {
                state = state.at(before.get().position());
            } else {
                state = state.at(new Point(nextX, rowY));
                nextX += state.width() + GAP;
            }
            states.add(state);
            for (TransitionEvent t : s.transitionEvents()) {
                transitions.add(new DiagramTransition(name, nullToEmpty(t.eventName()),
                        nullToEmpty(t.nextState()), t.condition(), List.of()));
            }
        }
        return new DiagramGraph(states, routed(new DiagramGraph(states, transitions).transitions(), placed));
    }

    /**
     * Saved routes onto the new transitions: by key while the event and both ends are the same; otherwise (same-named
     * transitions reordered, so their numbers changed) from a not yet used transition with the same event and ends.
     */
    private static List<DiagramTransition> routed(List<DiagramTransition> fresh, DiagramGraph placed) {
        Map<String, DiagramTransition> unused = new LinkedHashMap<>();
        placed.transitions().forEach(t -> unused.put(t.key(), t));
        DiagramTransition[] result = new DiagramTransition[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            DiagramTransition t = fresh.get(i);
            DiagramTransition old = unused.get(t.key());
            if (old != null && sameEdge(old, t)) {
                result[i] = t.withRoute(old.route(), old.labelAt());
                unused.remove(t.key());
            }
        }
        for (int i = 0; i < fresh.size(); i++) {
            DiagramTransition t = fresh.get(i);
            if (result[i] == null) {
                Optional<DiagramTransition> old = unused.values().stream().filter(o -> sameEdge(o, t)).findFirst();
                old.ifPresent(o -> unused.remove(o.key()));
                result[i] = old.map(o -> t.withRoute(o.route(), o.labelAt())).orElse(t);
            }
        }
        return List.of(result);
    }

    private static boolean sameEdge(DiagramTransition a, DiagramTransition b) {
        return a.from().equals(b.from()) && a.event().equals(b.event()) && a.to().equals(b.to());
    }

    /** Badges: which event lists have content and whether the state touches timers. */
    static StateMarkers markers(State s) {
        boolean onInput = s.onInput() != null
                && (!s.onInput().events().isEmpty() || !s.onInput().transitionEvents().isEmpty());
        return new StateMarkers(s.onEnter() != null && !s.onEnter().events().isEmpty(), onInput,
                s.onExit() != null && !s.onExit().events().isEmpty(), usesTimers(s));
    }

    private static boolean usesTimers(State s) {
        for (State.StateEvent e : s.events()) {
            ModelEvent event = e.event();
            if (event.condition() != null && event.condition().contains("timeout(")) {
                return true;
            }
            for (Action a : event.actions()) {
                if (a instanceof SetTimerAction || a instanceof ResetTimerAction || a instanceof ClearTimerAction
                        || a.expressionFields().stream().anyMatch(f -> f.text().contains("timeout("))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
