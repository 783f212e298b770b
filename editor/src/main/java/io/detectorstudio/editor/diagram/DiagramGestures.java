package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.Point;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The mouse gestures on the canvas, hit-tested against the graph's geometry ({@link CanvasHits}). With the primary
 * button: from a state's handle to another state adds a transition; on a state selects it (Shift/Ctrl toggles,
 * double-click renames) and dragging moves the selection, previewed live and committed once on release, so a drag is
 * one undo step; on a transition selects it; on empty canvas drags a rubber band. Other buttons pan; a right click
 * that did not pan opens the host's menu for the state under it.
 */
final class DiagramGestures {
    private enum Gesture { NONE, MOVE, RUBBER_BAND, CONNECT, PAN }

    private final DiagramDocument document;
    private final ObjectProperty<DiagramSelection> selection;
    private final DiagramViewport viewport;
    private final CanvasHits hits;
    private final Consumer<String> startRename;
    private final Rectangle rubberBand = new Rectangle();
    private final Line connectLine = new Line();
    private final ContextMenu contextMenu = new ContextMenu();
    private Function<String, List<MenuItem>> stateMenu = s -> List.of();
    private Gesture gesture = Gesture.NONE;
    private Point2D pressViewport;
    private Point2D secondaryPressAt;
    private DiagramGraph beforeDrag;
    private Map<String, Point> dragStart = Map.of();
    private String connectFrom;

    DiagramGestures(DiagramDocument document, ObjectProperty<DiagramSelection> selection, DiagramViewport viewport,
            CanvasHits hits, Pane overlay, Consumer<String> startRename) {
        this.document = document;
        this.selection = selection;
        this.viewport = viewport;
        this.hits = hits;
        this.startRename = startRename;
        rubberBand.setVisible(false);
        connectLine.getStrokeDashArray().addAll(6.0, 4.0);
        connectLine.setVisible(false);
        overlay.getChildren().addAll(rubberBand, connectLine);
        Pane canvas = viewport.pane();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> secondaryPressAt = e.getButton() == MouseButton.SECONDARY
                ? new Point2D(e.getX(), e.getY()) : null);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && secondaryPressAt != null
                    && secondaryPressAt.distance(e.getX(), e.getY()) < 4) {
                showStateMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            }
        });
    }

    /** See {@link DiagramEditorPane#setStateMenu}. */
    void setStateMenu(Function<String, List<MenuItem>> provider) {
        this.stateMenu = provider;
    }

    /** Colours of the rubber band and the connection line being drawn. */
    void applyColours(DiagramPalette p) {
        rubberBand.setFill(p.stateStroke().deriveColor(0, 1, 1, 0.12));
        rubberBand.setStroke(p.stateStroke());
        connectLine.setStroke(p.selected());
    }

    private void showStateMenu(double x, double y, double screenX, double screenY) {
        DiagramState state = hits.stateAt(viewport.toWorld(x, y));
        List<MenuItem> items = state == null ? List.of() : stateMenu.apply(state.name());
        contextMenu.hide();
        if (!items.isEmpty()) {
            contextMenu.getItems().setAll(items);
            contextMenu.show(viewport.pane(), screenX, screenY);
        }
    }

    private void pressed(MouseEvent e) {
        viewport.pane().requestFocus();
        pressViewport = new Point2D(e.getX(), e.getY());
        Point p = viewport.toWorld(e.getX(), e.getY());
        if (e.getButton() != MouseButton.PRIMARY) {
            gesture = Gesture.PAN;
            return;
        }
        boolean toggle = e.isShiftDown() || e.isShortcutDown();
        DiagramState handle = hits.handleAt(p);
        if (handle != null && !toggle) {
            gesture = Gesture.CONNECT;
            connectFrom = handle.name();
            connectLine.setStartX(e.getX());
            connectLine.setStartY(e.getY());
            connectLine.setEndX(e.getX());
            connectLine.setEndY(e.getY());
            connectLine.setVisible(true);
            return;
        }
        DiagramState hit = hits.stateAt(p);
        if (hit != null) {
            pressedOnState(hit, toggle, e.getClickCount());
            return;
        }
        String edge = hits.transitionAt(p);
        if (edge != null) {
            Set<String> edges = new LinkedHashSet<>(toggle ? selection.get().transitions() : Set.of());
            if (!edges.remove(edge) || !toggle) {
                edges.add(edge);
            }
            selection.set(new DiagramSelection(toggle ? selection.get().states() : Set.of(), edges));
            gesture = Gesture.NONE;
            return;
        }
        if (!toggle) {
            selection.set(DiagramSelection.NONE);
        }
        gesture = Gesture.RUBBER_BAND;
        rubberBand.setX(e.getX());
        rubberBand.setY(e.getY());
        rubberBand.setWidth(0);
        rubberBand.setHeight(0);
        rubberBand.setVisible(true);
    }

    private void pressedOnState(DiagramState hit, boolean toggle, int clickCount) {
        if (clickCount == 2) {
            selection.set(DiagramSelection.ofStates(Set.of(hit.name())));
            startRename.accept(hit.name());
            gesture = Gesture.NONE;
            return;
        }
        Set<String> states = new LinkedHashSet<>(selection.get().states());
        if (toggle) {
            if (!states.remove(hit.name())) {
                states.add(hit.name());
            }
            selection.set(new DiagramSelection(states, selection.get().transitions()));
            gesture = Gesture.NONE;
            return;
        }
        if (!states.contains(hit.name())) {
            selection.set(DiagramSelection.ofStates(Set.of(hit.name())));
        }
        gesture = Gesture.MOVE;
        beforeDrag = document.graphProperty().get();
        dragStart = new HashMap<>();
        for (String name : selection.get().states()) {
            beforeDrag.state(name).ifPresent(s -> dragStart.put(name, s.position()));
        }
    }

    private void dragged(MouseEvent e) {
        switch (gesture) {
            case MOVE -> {
                double dx = (e.getX() - pressViewport.getX()) / viewport.zoom();
                double dy = (e.getY() - pressViewport.getY()) / viewport.zoom();
                Map<String, Point> positions = new HashMap<>();
                dragStart.forEach((name, start) -> positions.put(name, start.plus(dx, dy)));
                document.previewPositions(positions);
            }
            case RUBBER_BAND -> {
                rubberBand.setX(Math.min(e.getX(), pressViewport.getX()));
                rubberBand.setY(Math.min(e.getY(), pressViewport.getY()));
                rubberBand.setWidth(Math.abs(e.getX() - pressViewport.getX()));
                rubberBand.setHeight(Math.abs(e.getY() - pressViewport.getY()));
            }
            case CONNECT -> {
                connectLine.setEndX(e.getX());
                connectLine.setEndY(e.getY());
            }
            case PAN -> {
                viewport.panBy(e.getX() - pressViewport.getX(), e.getY() - pressViewport.getY());
                pressViewport = new Point2D(e.getX(), e.getY());
            }
            case NONE -> { }
        }
    }

    private void released(MouseEvent e) {
        switch (gesture) {
            case MOVE -> document.commitMove(dragStart.size() == 1 ? "Move State" : "Move States", beforeDrag);
            case RUBBER_BAND -> {
                rubberBand.setVisible(false);
                selectInRubberBand();
            }
            case CONNECT -> {
                connectLine.setVisible(false);
                DiagramState target = hits.stateAt(viewport.toWorld(e.getX(), e.getY()));
                if (target != null) {
                    String key = document.addTransition(connectFrom, target.name());
                    selection.set(new DiagramSelection(Set.of(), Set.of(key)));
                }
            }
            case PAN, NONE -> { }
        }
        gesture = Gesture.NONE;
    }

    /** Adds the states the band touches to the selection (a band of 2 px or less is a click and adds none). */
    private void selectInRubberBand() {
        Point a = viewport.toWorld(rubberBand.getX(), rubberBand.getY());
        Point b = viewport.toWorld(rubberBand.getX() + rubberBand.getWidth(), rubberBand.getY() + rubberBand.getHeight());
        Set<String> states = new LinkedHashSet<>(selection.get().states());
        for (DiagramState s : document.graphProperty().get().states()) {
            boolean intersects = s.position().x() < b.x() && s.position().x() + s.width() > a.x()
                    && s.position().y() < b.y() && s.position().y() + s.height() > a.y();
            if (intersects && rubberBand.getWidth() > 2 && rubberBand.getHeight() > 2) {
                states.add(s.name());
            }
        }
        selection.set(new DiagramSelection(states, selection.get().transitions()));
    }
}
