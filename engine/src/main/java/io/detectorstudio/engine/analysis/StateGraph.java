package io.detectorstudio.engine.analysis;

import io.detectorstudio.engine.model.DetectorModelDefinition;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * A model's states and transitions as a JGraphT graph (a pseudograph: self-loops and parallel transitions are
 * real). Transitions to states that do not exist are left out; {@code StructureCheck} reports them.
 */
public final class StateGraph {

    /** One transition event, the edge from its state to its next state. */
    public record Transition(String from, String eventName, String to) { }

    private final Graph<String, Transition> graph = new DirectedPseudograph<>(Transition.class);
    private final String initialState;

    public StateGraph(DetectorModelDefinition definition) {
        this.initialState = definition.initialStateName();
        for (State state : definition.states()) {
            if (state.stateName() != null) {
                graph.addVertex(state.stateName());
            }
        }
        for (State state : definition.states()) {
            for (TransitionEvent t : state.transitionEvents()) {
                if (state.stateName() != null && t.nextState() != null && graph.containsVertex(t.nextState())) {
                    graph.addEdge(state.stateName(), t.nextState(),
                            new Transition(state.stateName(), t.eventName(), t.nextState()));
                }
            }
        }
    }

    public Graph<String, Transition> graph() {
        return graph;
    }

    /** States a detector can get to from the initial state (all of them when the initial state is unknown). */
    public Set<String> reachable() {
        if (initialState == null || !graph.containsVertex(initialState)) {
            return new LinkedHashSet<>(graph.vertexSet());
        }
        Set<String> out = new LinkedHashSet<>();
        new BreadthFirstIterator<>(graph, initialState).forEachRemaining(out::add);
        return out;
    }

    /** Whether a detector in {@code state} can never leave it. */
    public boolean isTerminal(String state) {
        return graph.outgoingEdgesOf(state).stream().allMatch(t -> t.to().equals(state));
    }

    public Set<String> predecessors(String state) {
        Set<String> out = new LinkedHashSet<>();
        graph.incomingEdgesOf(state).forEach(t -> out.add(t.from()));
        return out;
    }
}
