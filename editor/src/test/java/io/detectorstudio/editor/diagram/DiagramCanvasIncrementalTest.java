package io.detectorstudio.editor.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.ModelGraphReader;
import io.detectorstudio.editor.layout.ElkLayouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas follows the model incrementally: on the largest corpus model (the ISA alarm blueprint, 7 states and 31
 * transitions), dragging a state keeps every other node, re-routes only the dragged state's edges, and selection and
 * highlight only restyle.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramCanvasIncrementalTest {
    private GraphDocument document;
    private DiagramEditorPane pane;
    private final List<String> routed = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        DiagramGraph isa = ElkLayouter.arrange(ModelGraphReader.read(Path.of(getClass()
                .getResource("/models/devguide__AWS_IoTEvents_Blueprints_ISA_Alarm.json").toURI())));
        document = new GraphDocument(isa);
        pane = new DiagramEditorPane(document);
        pane.drawing().routeCache().onRoute(routed::add);
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
        pane.zoomTo100();
    }

    private DiagramGraph graph() {
        return document.graphProperty().get();
    }

    /** Every drawn node of a kind, by the state name or transition key it shows. */
    private Map<Object, Node> nodes(FxRobot robot, String styleClass) {
        Map<Object, Node> byKey = new HashMap<>();
        for (Node n : robot.lookup("." + styleClass).queryAll()) {
            assertThat(byKey.put(n.getUserData(), n)).as("one node per %s", n.getUserData()).isNull();
        }
        return byKey;
    }

    /** The state with the fewest transitions, so most of the diagram must stay as it was. */
    private DiagramState leastConnected() {
        return graph().states().stream().min(Comparator.comparingLong((DiagramState s) ->
                graph().transitions().stream().filter(t -> t.touches(s.name())).count())
                .thenComparing(DiagramState::name)).orElseThrow();
    }

    @Test
    void draggingAStateKeepsEveryOtherNodeAndReroutesOnlyItsOwnEdges(FxRobot robot) {
        DiagramState dragged = leastConnected();
        Set<String> incident = graph().transitions().stream().filter(t -> t.touches(dragged.name()))
                .map(DiagramTransition::key).collect(Collectors.toSet());
        assertThat(incident).isNotEmpty();
        assertThat(graph().transitions()).hasSizeGreaterThan(incident.size() + 10);
        Map<Object, Node> statesBefore = nodes(robot, "state-node");
        Map<Object, Node> edgesBefore = nodes(robot, "transition-edge");
        Map<Object, Node> labelsBefore = nodes(robot, "transition-label");
        assertThat(statesBefore).hasSize(graph().states().size());
        assertThat(edgesBefore).hasSize(graph().transitions().size());
        robot.interact(() -> pane.centreOn(dragged.center().x(), dragged.center().y()));
        routed.clear();

        Point2D from = pane.canvas().localToScreen(pane.toViewport(dragged.center().x(), dragged.center().y()));
        robot.moveTo(from).press(MouseButton.PRIMARY);
        for (int step = 1; step <= 6; step++) { // several drag events, each a new graph
            robot.moveTo(from.add(7 * step, 5 * step));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        DiagramState moved = graph().state(dragged.name()).orElseThrow();
        assertThat(moved.position()).isNotEqualTo(dragged.position());
        Map<Object, Node> statesAfter = nodes(robot, "state-node");
        for (DiagramState s : graph().states()) {
            assertThat(statesAfter.get(s.name())).as(s.name()).isSameAs(statesBefore.get(s.name()));
        }
        Node draggedNode = statesAfter.get(dragged.name());
        assertThat(draggedNode.getLayoutX()).isEqualTo(moved.position().x()); // moved, not rebuilt
        assertThat(draggedNode.getLayoutY()).isEqualTo(moved.position().y());

        Map<Object, Node> edgesAfter = nodes(robot, "transition-edge"), labelsAfter = nodes(robot, "transition-label");
        for (DiagramTransition t : graph().transitions()) {
            if (incident.contains(t.key())) {
                assertThat(edgesAfter.get(t.key())).as("re-routed %s", t.key()).isNotSameAs(edgesBefore.get(t.key()));
            } else {
                assertThat(edgesAfter.get(t.key())).as(t.key()).isSameAs(edgesBefore.get(t.key()));
                assertThat(labelsAfter.get(t.key())).as(t.key()).isSameAs(labelsBefore.get(t.key()));
            }
        }
        assertThat(routed).as("routes computed during the drag").isNotEmpty().allMatch(incident::contains);
    }

    @Test
    void selectionAndHighlightRestyleWithoutBuildingOrRoutingAnything(FxRobot robot) {
        Map<Object, Node> states = nodes(robot, "state-node");
        Map<Object, Node> edges = nodes(robot, "transition-edge"), labels = nodes(robot, "transition-label");
        routed.clear();
        DiagramState state = graph().states().get(1);
        String transition = graph().transitions().get(3).key();

        robot.interact(() -> pane.select(new DiagramSelection(Set.of(state.name()), Set.of(transition))));
        assertThat(robot.lookup(".selected-state").<Node>queryAll()).extracting(Node::getUserData)
                .containsExactly(state.name());
        assertThat(robot.lookup(".selected-transition").<Node>queryAll()).extracting(Node::getUserData)
                .containsExactly(transition);
        assertThat(robot.lookup(".emphasised-label").<Node>queryAll()).extracting(Node::getUserData)
                .containsExactly(transition);
        Node labelLayer = labels.get(transition).getParent();
        assertThat(((javafx.scene.Group) labelLayer).getChildren()).last().isSameAs(labels.get(transition));

        robot.interact(() -> pane.highlightProperty().set(new DiagramHighlight(Set.of(state.name()), transition)));
        robot.interact(() -> pane.select(DiagramSelection.NONE));
        assertThat(robot.lookup(".selected-state").queryAll()).isEmpty();
        assertThat(robot.lookup(".active-state").<Node>queryAll()).extracting(Node::getUserData)
                .containsExactly(state.name());

        assertThat(nodes(robot, "state-node")).isEqualTo(states); // Node equality is identity
        assertThat(nodes(robot, "transition-edge")).isEqualTo(edges);
        assertThat(nodes(robot, "transition-label")).isEqualTo(labels);
        assertThat(routed).isEmpty();
    }

    @Test
    void undoingAMoveMovesTheStateNodeBackAndRebuildsNoState(FxRobot robot) {
        DiagramState dragged = leastConnected();
        Map<Object, Node> states = nodes(robot, "state-node");
        DiagramGraph before = graph();
        robot.interact(() -> {
            document.previewPositions(Map.of(dragged.name(), dragged.position().plus(80, 40)));
            document.commitMove("Move State", before);
        });
        robot.interact(pane::undo);
        assertThat(graph().state(dragged.name()).orElseThrow().position()).isEqualTo(dragged.position());
        assertThat(nodes(robot, "state-node")).isEqualTo(states);
        assertThat(states.get(dragged.name()).getLayoutX()).isEqualTo(dragged.position().x());
    }
}
