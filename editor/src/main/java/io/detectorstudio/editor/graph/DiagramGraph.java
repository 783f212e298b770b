package io.detectorstudio.editor.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The editor's immutable view of a detector model as a graph: what the canvas draws, the layout arranges and the
 * exporters write. Every "with" method returns a new graph.
 */
public record DiagramGraph(List<DiagramState> states, List<DiagramTransition> transitions) {
    public static final DiagramGraph EMPTY = new DiagramGraph(List.of(), List.of());

    /** Transitions get their keys ({@link TransitionKeys}) from their order here, which is the model's order. */
    public DiagramGraph {
        states = List.copyOf(states);
        List<String> keys = TransitionKeys.assign(transitions, DiagramTransition::from, DiagramTransition::event);
        List<DiagramTransition> keyed = new ArrayList<>(transitions.size());
        for (int i = 0; i < transitions.size(); i++) {
            keyed.add(transitions.get(i).withKey(keys.get(i)));
        }
        transitions = List.copyOf(keyed);
    }

    public Optional<DiagramState> state(String name) {
        return states.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<DiagramTransition> transition(String key) {
        return transitions.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The transitions of state {@code from} named {@code event}, in model order (one unless the name repeats). */
    public List<DiagramTransition> transitions(String from, String event) {
        return transitions.stream().filter(t -> t.from().equals(from) && t.event().equals(event)).toList();
    }

    public boolean hasState(String name) {
        return state(name).isPresent();
    }

    public DiagramGraph withState(DiagramState state) {
        List<DiagramState> next = new ArrayList<>(states);
        next.add(state);
        return new DiagramGraph(next, transitions);
    }

    public DiagramGraph withTransition(DiagramTransition transition) {
        List<DiagramTransition> next = new ArrayList<>(transitions);
        next.add(transition);
        return new DiagramGraph(states, next);
    }

    /** Moves states; routes of the transitions touching a moved state are dropped (they would be stale). */
    public DiagramGraph withPositions(Map<String, Point> positions) {
        List<DiagramState> next = states.stream()
                .map(s -> positions.containsKey(s.name()) ? s.at(positions.get(s.name())) : s).toList();
        List<DiagramTransition> edges = transitions.stream()
                .map(t -> positions.containsKey(t.from()) || positions.containsKey(t.to()) ? t.withRoute(List.of()) : t)
                .toList();
        return new DiagramGraph(next, edges);
    }

    /** Removes the states (with every transition touching them) and the transitions with the given keys. */
    public DiagramGraph without(Set<String> stateNames, Set<String> transitionKeys) {
        List<DiagramState> next = states.stream().filter(s -> !stateNames.contains(s.name())).toList();
        Predicate<DiagramTransition> gone = t -> transitionKeys.contains(t.key())
                || stateNames.contains(t.from()) || stateNames.contains(t.to());
        return new DiagramGraph(next, transitions.stream().filter(gone.negate()).toList());
    }

    public DiagramGraph withRenamedState(String oldName, String newName) {
        List<DiagramState> next = states.stream().map(s -> s.name().equals(oldName) ? s.named(newName) : s).toList();
        return new DiagramGraph(next, transitions.stream().map(t -> t.renamed(oldName, newName)).toList());
    }

    public Map<String, Point> positions() {
        Map<String, Point> result = new LinkedHashMap<>();
        states.forEach(s -> result.put(s.name(), s.position()));
        return result;
    }

    /** {@code base}, or {@code base2}, {@code base3}… whichever is not taken yet. */
    public static String uniqueName(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        int n = 2;
        while (taken.test(base + n)) {
            n++;
        }
        return base + n;
    }

    /**
     * Bounding box of everything drawn (states with the initial marker, edge routes as {@link EdgeRouter} draws them, and full labels):
     * {minX, minY, maxX, maxY}; zeros when empty.
     */
    public double[] bounds() {
        return bounds(EdgeRouter.route(this));
    }

    /** {@link #bounds()} with the routes already at hand (the canvas keeps them in a {@link RouteCache}). */
    public double[] bounds(Map<String, EdgeRoute> routes) {
        if (states.isEmpty()) {
            return new double[] {0, 0, 0, 0};
        }
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (DiagramState s : states) {
            include(b, s.position().x(), s.position().y());
            include(b, s.position().x() + s.width(), s.position().y() + s.height());
            if (s.initial()) {
                double[] marker = InitialMarker.box(s);
                include(b, marker[0], marker[1]);
            }
        }
        for (DiagramTransition t : transitions) {
            EdgeRoute r = routes.get(t.key());
            if (r == null) {
                continue;
            }
            r.points().forEach(p -> include(b, p.x(), p.y()));
            double[] label = EdgeLabel.of(t).box(r.labelAt());
            include(b, label[0], label[1]);
            include(b, label[2], label[3]);
        }
        return b;
    }

    private static void include(double[] b, double x, double y) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
    }
}
