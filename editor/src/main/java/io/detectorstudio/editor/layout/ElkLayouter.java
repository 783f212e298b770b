package io.detectorstudio.editor.layout;

import io.detectorstudio.editor.graph.StateMarkers;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeLabel;
import io.detectorstudio.editor.graph.InitialMarker;
import io.detectorstudio.editor.graph.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.CenterEdgeLabelPlacementStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.SelfLoopDistributionStrategy;
import org.eclipse.elk.alg.layered.options.SelfLoopOrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Automatic layout with ELK's layered algorithm: left to right, orthogonal edges routed around the states, and each
 * transition's full label ({@link EdgeLabel}, wrapped, never cut) given to ELK at its real size as a centre label, which
 * layered turns into a label dummy node of its own, so labels get space in the layering and never overlap each other,
 * a state or an edge. Self-loops are routed and labelled by ELK too (stacked, spread over the sides of the state).
 * Runs in plain Java, no OSGi. The result keeps every state and transition and only sets positions, routes and label
 * centres.
 */
public final class ElkLayouter {
    static final double MARGIN = 24;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private ElkLayouter() {
    }

    /**
     * Lays out a two-state diagram and throws the result away: ELK's one-time set-up and first layout cost most of
     * a second (docs/performance.md), which the app pays on a background thread at start instead of on the first
     * model the user opens.
     */
    public static void warmUp() {
        arrange(new DiagramGraph(List.of(new DiagramState("A", new Point(0, 0), true, StateMarkers.NONE),
                new DiagramState("B", new Point(0, 0), false, StateMarkers.NONE)),
                List.of(new DiagramTransition("A", "go", "B", "true", List.of()),
                        new DiagramTransition("B", "back", "A", "true", List.of()))));
    }

    public static DiagramGraph arrange(DiagramGraph graph) {
        if (graph.states().isEmpty()) {
            return graph;
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(MARGIN));
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 6.0);
        root.setProperty(LayeredOptions.EDGE_LABELS_CENTER_LABEL_PLACEMENT_STRATEGY,
                CenterEdgeLabelPlacementStrategy.WIDEST_LAYER);

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (DiagramState s : graph.states()) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(s.name());
            node.setDimensions(s.width(), s.height());
            // node options: several self-loops of a state go round different sides, side by side, not nested
            node.setProperty(LayeredOptions.EDGE_ROUTING_SELF_LOOP_DISTRIBUTION, SelfLoopDistributionStrategy.EQUALLY);
            node.setProperty(LayeredOptions.EDGE_ROUTING_SELF_LOOP_ORDERING, SelfLoopOrderingStrategy.SEQUENCED);
            if (s.initial()) {
                // the initial marker above the box's top-left corner, reserved as an outside node label
                ElkLabel marker = ElkGraphUtil.createLabel("initial", node);
                marker.setDimensions(InitialMarker.RESERVED_WIDTH, InitialMarker.RESERVED_HEIGHT);
                node.setProperty(CoreOptions.NODE_LABELS_PLACEMENT, NodeLabelPlacement.outsideTopLeft());
                node.setProperty(CoreOptions.SPACING_LABEL_NODE, 0.0);
            }
            nodes.put(s.name(), node);
        }
        Map<String, ElkEdge> edges = new HashMap<>();
        Map<String, ElkLabel> labels = new HashMap<>();
        for (DiagramTransition t : graph.transitions()) {
            ElkNode from = nodes.get(t.from());
            ElkNode to = nodes.get(t.to());
            if (from == null || to == null) {
                continue;
            }
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
            EdgeLabel text = EdgeLabel.of(t);
            ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", text.lines()), edge);
            label.setDimensions(text.width(), text.height());
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            edges.put(t.key(), edge);
            labels.put(t.key(), label);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Point> positions = new HashMap<>();
        nodes.forEach((name, node) -> positions.put(name, new Point(round(node.getX()), round(node.getY()))));
        List<DiagramState> states = graph.states().stream().map(s -> s.at(positions.get(s.name()))).toList();
        List<DiagramTransition> transitions = graph.transitions().stream().map(t -> {
            ElkEdge edge = edges.get(t.key());
            if (edge == null || edge.getSections().isEmpty()) {
                return t.withRoute(List.of());
            }
            ElkLabel label = labels.get(t.key());
            Point labelCentre = new Point(round(label.getX() + label.getWidth() / 2), round(label.getY() + label.getHeight() / 2));
            return t.withRoute(route(edge), labelCentre);
        }).toList();
        return new DiagramGraph(states, transitions);
    }

    private static List<Point> route(ElkEdge edge) {
        ElkEdgeSection section = edge.getSections().get(0);
        List<Point> points = new ArrayList<>();
        points.add(new Point(round(section.getStartX()), round(section.getStartY())));
        for (ElkBendPoint bend : section.getBendPoints()) {
            points.add(new Point(round(bend.getX()), round(bend.getY())));
        }
        points.add(new Point(round(section.getEndX()), round(section.getEndY())));
        return points;
    }

    /** Whole pixels keep the sidecar readable and stable across runs. */
    private static double round(double v) {
        return Math.round(v);
    }
}
