package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.command.CommandStack;
import io.detectorstudio.editor.command.ValueChange;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.graph.StateMarkers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** A {@link DiagramDocument} whose whole content is the graph itself (diagram-only editing, tests, export). */
public class GraphDocument implements DiagramDocument {
    private final ReadOnlyObjectWrapper<DiagramGraph> graph;
    private final CommandStack commands = new CommandStack();

    public GraphDocument(DiagramGraph initial) {
        graph = new ReadOnlyObjectWrapper<>(initial);
    }

    @Override
    public ReadOnlyObjectProperty<DiagramGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    @Override
    public CommandStack commands() {
        return commands;
    }

    /** Applies {@code change} as one undoable command; no-op changes never reach the history. */
    protected boolean edit(String description, UnaryOperator<DiagramGraph> change) {
        DiagramGraph before = graph.get();
        DiagramGraph after = change.apply(before);
        if (after.equals(before)) {
            return false;
        }
        commands.execute(new ValueChange<>(description, before, after, graph::set));
        return true;
    }

    @Override
    public String addState(Point topLeft) {
        String name = DiagramGraph.uniqueName("State", graph.get()::hasState);
        boolean first = graph.get().states().isEmpty();
        edit("Add State " + name, g -> g.withState(new DiagramState(name, topLeft, first, StateMarkers.NONE)));
        return name;
    }

    @Override
    public String addTransition(String from, String to) {
        DiagramGraph g = graph.get();
        String event = DiagramGraph.uniqueName("to_" + to, e -> !g.transitions(from, e).isEmpty());
        edit("Add Transition", x -> x.withTransition(new DiagramTransition(from, event, to, "", List.of())));
        List<DiagramTransition> added = graph.get().transitions(from, event);
        return added.get(added.size() - 1).key();
    }

    @Override
    public void remove(Set<String> states, Set<String> transitionKeys) {
        edit("Delete", g -> g.without(states, transitionKeys));
    }

    @Override
    public boolean renameState(String oldName, String newName) {
        String name = newName.strip();
        if (name.isEmpty() || graph.get().hasState(name) || !graph.get().hasState(oldName)) {
            return false;
        }
        return edit("Rename " + oldName, g -> g.withRenamedState(oldName, name));
    }

    @Override
    public void previewPositions(Map<String, Point> positions) {
        graph.set(graph.get().withPositions(positions));
    }

    @Override
    public void commitMove(String description, DiagramGraph beforeDrag) {
        DiagramGraph after = graph.get();
        if (!after.equals(beforeDrag)) {
            commands.record(new ValueChange<>(description, beforeDrag, after, graph::set));
        }
    }

    @Override
    public void applyLayout(DiagramGraph arranged) {
        edit("Arrange", g -> arranged);
    }

    @Override
    public Object copy(Set<String> states) {
        DiagramGraph g = graph.get();
        return new DiagramGraph(g.states().stream().filter(s -> states.contains(s.name())).toList(),
                g.transitions().stream().filter(t -> states.contains(t.from()) && states.contains(t.to())).toList());
    }

    @Override
    public Set<String> paste(Object clip, Point offset) {
        if (!(clip instanceof DiagramGraph copied)) {
            return Set.of();
        }
        Set<String> created = new LinkedHashSet<>();
        edit("Paste", g -> {
            Map<String, String> names = new HashMap<>();
            Set<String> taken = new LinkedHashSet<>();
            g.states().forEach(s -> taken.add(s.name()));
            List<DiagramState> states = new ArrayList<>(g.states());
            for (DiagramState s : copied.states()) {
                String name = taken.contains(s.name()) ? DiagramGraph.uniqueName(s.name() + "_copy", taken::contains) : s.name();
                taken.add(name);
                names.put(s.name(), name);
                created.add(name);
                states.add(new DiagramState(name, s.position().plus(offset.x(), offset.y()), false, s.markers()));
            }
            List<DiagramTransition> edges = new ArrayList<>(g.transitions());
            for (DiagramTransition t : copied.transitions()) {
                edges.add(new DiagramTransition(names.get(t.from()), t.event(), names.get(t.to()), t.condition(), List.of()));
            }
            return new DiagramGraph(states, edges);
        });
        return created;
    }
}
