package io.detectorstudio.editor.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.graph.StateMarkers;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DiagramEditorPaneTest {
    private GraphDocument document;
    private DiagramEditorPane pane;

    @Start
    void start(Stage stage) {
        document = new GraphDocument(new DiagramGraph(List.of(
                new DiagramState("idle", new Point(40, 40), true, StateMarkers.NONE),
                new DiagramState("alarm", new Point(340, 40), false, new StateMarkers(true, false, false, true))),
                List.of(new DiagramTransition("idle", "tooHot", "alarm", "$input.t.value > 30", List.of()))));
        pane = new DiagramEditorPane(document);
        stage.setScene(new Scene(pane, 900, 600));
        stage.show();
    }

    private DiagramGraph graph() {
        return document.graphProperty().get();
    }

    private Point2D screen(double worldX, double worldY) {
        return pane.canvas().localToScreen(pane.toViewport(worldX, worldY));
    }

    private Point2D centreOf(String state) {
        DiagramState s = graph().state(state).orElseThrow();
        return screen(s.center().x(), s.center().y());
    }

    @Test
    void rightClickOnAStateOffersWhatTheHostProvidesForThatState(FxRobot robot) {
        List<String> asked = new java.util.ArrayList<>();
        boolean[] chosen = {false};
        robot.interact(() -> pane.setStateMenu(state -> {
            asked.add(state);
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Break on entering " + state);
            item.setOnAction(e -> chosen[0] = true);
            return List.of(item);
        }));
        robot.moveTo(centreOf("alarm")).clickOn(javafx.scene.input.MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("alarm");
        robot.clickOn("Break on entering alarm");
        assertThat(chosen[0]).isTrue();
        assertThat(graph().states()).hasSize(2); // the click changed nothing in the model
    }

    @Test
    void draggingFromThePaletteAddsAStateWhereDroppedAndUndoRemovesIt(FxRobot robot) {
        robot.drag("#palette-state").dropTo(screen(300, 300));
        WaitForAsyncUtils.waitForFxEvents();
        DiagramState added = graph().state("State").orElseThrow();
        assertThat(added.contains(300, 300)).isTrue();
        assertThat(pane.selectionProperty().get().states()).containsExactly("State");
        robot.interact(pane::undo);
        assertThat(graph().hasState("State")).isFalse();
        robot.interact(pane::redo);
        assertThat(graph().hasState("State")).isTrue();
    }

    @Test
    void draggingFromAHandleToAnotherStateConnectsThemAndUndoRemovesTheTransition(FxRobot robot) {
        DiagramState alarm = graph().state("alarm").orElseThrow();
        Point handle = DiagramNodes.handleCenter(alarm);
        robot.drag(screen(handle.x(), handle.y()), MouseButton.PRIMARY).dropTo(centreOf("idle"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph().transitions()).extracting(DiagramTransition::key).contains("alarm/to_idle");
        assertThat(graph().transition("alarm/to_idle").orElseThrow().to()).isEqualTo("idle");
        robot.interact(pane::undo);
        assertThat(graph().transition("alarm/to_idle")).isEmpty();
    }

    @Test
    void undoingADeleteBringsBackTheStateSelected(FxRobot robot) {
        robot.clickOn(centreOf("alarm"));
        assertThat(pane.selectionProperty().get().states()).containsExactly("alarm");
        robot.type(javafx.scene.input.KeyCode.DELETE);
        assertThat(graph().hasState("alarm")).isFalse();
        assertThat(pane.selectionProperty().get().isEmpty()).isTrue();
        robot.interact(pane::undo);
        assertThat(graph().hasState("alarm")).isTrue();
        assertThat(pane.selectionProperty().get().states()).containsExactly("alarm");
    }

    @Test
    void movingAStateIsOneUndoStep(FxRobot robot) {
        Point before = graph().state("idle").orElseThrow().position();
        Point2D from = centreOf("idle");
        robot.drag(from, MouseButton.PRIMARY).moveBy(40, 20).moveBy(40, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Point after = graph().state("idle").orElseThrow().position();
        assertThat(after.x() - before.x()).isCloseTo(80, org.assertj.core.data.Offset.offset(2.0));
        assertThat(after.y() - before.y()).isCloseTo(60, org.assertj.core.data.Offset.offset(2.0));
        assertThat(document.commands().isDirty()).isTrue();
        robot.interact(pane::undo);
        assertThat(graph().state("idle").orElseThrow().position()).isEqualTo(before);
        assertThat(document.commands().canUndoProperty().get()).isFalse();
    }

    @Test
    void deletingAStateRemovesItsTransitionsAndUndoBringsBothBack(FxRobot robot) {
        robot.clickOn(centreOf("alarm"));
        robot.type(KeyCode.DELETE);
        assertThat(graph().hasState("alarm")).isFalse();
        assertThat(graph().transitions()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(graph().hasState("alarm")).isTrue();
        assertThat(graph().transitions()).hasSize(1);
    }

    @Test
    void doubleClickRenamesInPlaceAndTransitionsFollow(FxRobot robot) {
        robot.doubleClickOn(centreOf("alarm"));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("overheated").type(KeyCode.ENTER);
        assertThat(graph().hasState("overheated")).isTrue();
        assertThat(graph().transition("idle/tooHot").orElseThrow().to()).isEqualTo("overheated");
        assertThat(pane.selectionProperty().get().states()).containsExactly("overheated");
    }

    @Test
    void f2RenameToATakenNameIsRefused(FxRobot robot) {
        robot.clickOn(centreOf("alarm"));
        robot.type(KeyCode.F2);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("idle").type(KeyCode.ENTER);
        assertThat(graph().hasState("alarm")).isTrue();
        assertThat(document.commands().canUndoProperty().get()).isFalse();
    }

    @Test
    void rubberBandAndShiftClickSelectSeveralStates(FxRobot robot) {
        robot.drag(screen(10, 10), MouseButton.PRIMARY).dropTo(screen(200, 150));
        assertThat(pane.selectionProperty().get().states()).containsExactly("idle");
        robot.press(KeyCode.SHIFT).clickOn(centreOf("alarm")).release(KeyCode.SHIFT);
        assertThat(pane.selectionProperty().get().states()).containsExactlyInAnyOrder("idle", "alarm");
        robot.clickOn(screen(200, 400));
        assertThat(pane.selectionProperty().get().isEmpty()).isTrue();
    }

    @Test
    void copyPasteDuplicatesStatesWithTheirTransitionsRenamedOnClash(FxRobot robot) {
        robot.interact(() -> pane.select(DiagramSelection.ofStates(Set.of("idle", "alarm"))));
        robot.clickOn(pane.canvas());
        robot.interact(() -> pane.select(DiagramSelection.ofStates(Set.of("idle", "alarm"))));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        assertThat(graph().hasState("idle_copy")).isTrue();
        assertThat(graph().hasState("alarm_copy")).isTrue();
        assertThat(graph().transition("idle_copy/tooHot").orElseThrow().to()).isEqualTo("alarm_copy");
        assertThat(graph().state("idle_copy").orElseThrow().initial()).isFalse();
        assertThat(pane.selectionProperty().get().states()).containsExactlyInAnyOrder("idle_copy", "alarm_copy");
        robot.interact(pane::undo);
        assertThat(graph().states()).hasSize(2);
    }

    @Test
    void sameNamedTransitionsAreSelectedDeletedAndPastedOneByOne(FxRobot robot) {
        robot.interact(() -> document.applyLayout(graph().withTransition(
                new DiagramTransition("idle", "tooHot", "alarm", "$input.t.value > 50", List.of()))));
        assertThat(graph().transitions()).extracting(DiagramTransition::key).containsExactly("idle/tooHot", "idle/tooHot#2");
        var route = io.detectorstudio.editor.graph.EdgeRouter.route(graph()).get("idle/tooHot#2");
        robot.clickOn(screen(route.labelAt().x(), route.labelAt().y()));
        assertThat(pane.selectionProperty().get().transitions()).containsExactly("idle/tooHot#2");
        assertThat(emphasisedLabels(robot)).containsExactly("tooHot\n[$input.t.value > 50]");

        robot.interact(() -> pane.select(DiagramSelection.ofStates(Set.of("idle", "alarm"))));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        assertThat(graph().transition("idle_copy/tooHot#2").orElseThrow().condition()).isEqualTo("$input.t.value > 50");
        robot.interact(pane::undo);

        robot.clickOn(screen(route.labelAt().x(), route.labelAt().y()));
        robot.type(KeyCode.DELETE);
        assertThat(graph().transitions()).extracting(DiagramTransition::key, DiagramTransition::condition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idle/tooHot", "$input.t.value > 30"));
    }

    @Test
    void arrangeLaysOutAsOneUndoStep(FxRobot robot) {
        robot.interact(() -> document.previewPositions(java.util.Map.of("alarm", new Point(40, 40))));
        robot.interact(pane::arrange);
        DiagramState idle = graph().state("idle").orElseThrow();
        DiagramState alarm = graph().state("alarm").orElseThrow();
        assertThat(alarm.position().x()).isGreaterThan(idle.position().x() + idle.width());
        assertThat(graph().transition("idle/tooHot").orElseThrow().route()).isNotEmpty();
        robot.interact(pane::undo);
        assertThat(graph().state("alarm").orElseThrow().position()).isEqualTo(new Point(40, 40));
    }

    @Test
    void hoveringAnEdgeShowsItsFullLabelOnTopAndAStateOffersItsNameAndBadges(FxRobot robot) {
        String condition = "$input.temperatureInput.sensorData.temperature > $variable.threshold + 10 && $variable.armed";
        robot.interact(() -> document.applyLayout(new DiagramGraph(graph().states(),
                List.of(new DiagramTransition("idle", "tooHot", "alarm", condition, List.of())))));
        // every label is drawn in full on the canvas, wrapped, nothing cut
        assertThat(robot.lookup(".transition-label").<javafx.scene.Group>queryAll()).singleElement()
                .satisfies(label -> assertThat(linesOf(label)).isEqualTo(
                        "tooHot\n[$input.temperatureInput.sensorData\n.temperature > $variable.threshold + 10 && \n$variable.armed]"));
        assertThat(emphasisedLabels(robot)).isEmpty();

        var route = io.detectorstudio.editor.graph.EdgeRouter.route(graph()).get("idle/tooHot");
        Point start = route.start();
        robot.moveTo(screen(start.x() + 20, start.y())); // on the line, away from the label
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.hoveredTransitionProperty().get()).isEqualTo("idle/tooHot");
        assertThat(emphasisedLabels(robot)).singleElement().asString().contains("$variable.armed]");
        assertThat(pane.hoverText()).isNull();

        robot.moveTo(centreOf("alarm"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.hoveredTransitionProperty().get()).isNull();
        assertThat(emphasisedLabels(robot)).isEmpty();
        assertThat(pane.hoverText()).contains("alarm", "timer");

        // hovering restyles the label in place: the node a user (or a robot) points at stays the one clicked
        javafx.scene.Node label = robot.lookup(".transition-label").query();
        robot.clickOn(label); // threw when hovering replaced the node between the move and the press
        assertThat(pane.selectionProperty().get().transitions()).containsExactly("idle/tooHot");
        assertThat(emphasisedLabels(robot)).hasSize(1);
    }

    @Test
    void theRenderedLabelTextFitsTheBoxTheLayoutReservedForIt(FxRobot robot) throws Exception {
        DiagramGraph hvac = io.detectorstudio.editor.layout.ElkLayouter.arrange(io.detectorstudio.editor.graph.ModelGraphReader
                .read(java.nio.file.Path.of(getClass().getResource("/models/devguide__areaDetectorModel.json").toURI())));
        robot.interact(() -> document.applyLayout(hvac));
        var labels = robot.lookup(".transition-label").<javafx.scene.Group>queryAll();
        assertThat(labels).hasSize(hvac.transitions().size());
        for (javafx.scene.Group label : labels) {
            javafx.geometry.Bounds box = label.getChildren().get(0).getLayoutBounds();
            for (javafx.scene.Node line : label.getChildren().subList(1, label.getChildren().size())) {
                javafx.geometry.Bounds text = line.getLayoutBounds();
                assertThat(text.getMaxX()).as("%s: %s", label.getUserData(), ((javafx.scene.text.Text) line).getText())
                        .isLessThanOrEqualTo(box.getMaxX() + 0.5);
                assertThat(text.getMinY()).isGreaterThanOrEqualTo(box.getMinY() - 0.5);
                assertThat(text.getMaxY()).isLessThanOrEqualTo(box.getMaxY() + 0.5);
            }
        }
    }

    @Test
    void fitKeepsTheHvacLabelsLegibleAndShowsTheInitialState(FxRobot robot) throws Exception {
        DiagramGraph hvac = io.detectorstudio.editor.layout.ElkLayouter.arrange(io.detectorstudio.editor.graph.ModelGraphReader
                .read(java.nio.file.Path.of(getClass().getResource("/models/devguide__areaDetectorModel.json").toURI())));
        robot.interact(() -> document.applyLayout(hvac));
        robot.interact(pane::fitToWindow);
        // 12 px labels are drawn at least 9 px high (the old Fit shrank this model to about 6 px)
        assertThat(pane.zoomProperty().get() * io.detectorstudio.editor.graph.EdgeLabel.FONT_SIZE).isGreaterThanOrEqualTo(9.0);
        DiagramState start = graph().state("start").orElseThrow();
        Point2D topLeft = pane.toViewport(start.position().x(), start.position().y());
        Point2D bottomRight = pane.toViewport(start.position().x() + start.width(), start.position().y() + start.height());
        assertThat(topLeft.getX()).isGreaterThanOrEqualTo(0.0);
        assertThat(topLeft.getY()).isGreaterThanOrEqualTo(0.0);
        assertThat(bottomRight.getX()).isLessThanOrEqualTo(pane.canvas().getWidth());
        assertThat(bottomRight.getY()).isLessThanOrEqualTo(pane.canvas().getHeight());
        // zoomed far out, Fit comes back to the legible zoom; a small diagram is still fitted and centred
        robot.interact(() -> pane.zoomProperty().set(0.15));
        robot.interact(pane::fitToWindow);
        assertThat(pane.zoomProperty().get()).isEqualTo(FitView.READABLE_ZOOM);
    }

    private static String linesOf(javafx.scene.Group label) {
        return label.getChildren().stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static List<String> emphasisedLabels(FxRobot robot) {
        return robot.lookup(".emphasised-label").<javafx.scene.Group>queryAll().stream()
                .map(DiagramEditorPaneTest::linesOf).toList();
    }

    @Test
    void theMinimapShowsOnlyWhilePartOfTheDiagramIsOutOfView(FxRobot robot) {
        javafx.scene.Node minimap = robot.lookup(".diagram-minimap").query();
        robot.interact(pane::fitToWindow); // two states: all of it fits, nothing for the minimap to show
        assertThat(minimap.isVisible()).isFalse();
        robot.interact(() -> pane.zoomProperty().set(4.0));
        assertThat(minimap.isVisible()).isTrue();
        robot.interact(pane::fitToWindow);
        assertThat(minimap.isVisible()).isFalse();
    }

    @Test
    void ctrlWheelZoomsAndTheButtonsResetAndFit(FxRobot robot) {
        robot.moveTo(pane.canvas()).press(KeyCode.CONTROL).scroll(3, javafx.geometry.VerticalDirection.UP)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.zoomProperty().get()).isNotEqualTo(1.0);
        robot.interact(pane::zoomTo100);
        assertThat(pane.zoomProperty().get()).isEqualTo(1.0);
        robot.interact(pane::fitToWindow);
        Point2D topLeft = pane.toViewport(40, 40);
        assertThat(topLeft.getX()).isBetween(0.0, pane.canvas().getWidth());
    }

    @Test
    void aHighlightMarksTheActiveStateAndTheLastTransitionWithoutTouchingTheHistory(FxRobot robot) {
        assertThat(robot.lookup(".active-state").queryAll()).isEmpty();
        robot.interact(() -> pane.highlightProperty().set(new DiagramHighlight(Set.of("alarm"), "idle/tooHot")));
        assertThat(robot.lookup(".active-state").<javafx.scene.Node>queryAll()).extracting(javafx.scene.Node::getUserData)
                .containsExactly("alarm");
        assertThat(robot.lookup(".last-transition").<javafx.scene.Node>queryAll()).extracting(javafx.scene.Node::getUserData)
                .containsExactly("idle/tooHot");
        assertThat(document.commands().canUndoProperty().get()).isFalse();
        robot.interact(() -> pane.highlightProperty().set(DiagramHighlight.NONE));
        assertThat(robot.lookup(".active-state").queryAll()).isEmpty();
        assertThat(robot.lookup(".last-transition").queryAll()).isEmpty();
    }
}
