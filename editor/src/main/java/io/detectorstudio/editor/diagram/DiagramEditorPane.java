package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.NodeSize;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.layout.ElkLayouter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The state-diagram editor: toolbar, palette and canvas. All mouse work is hit-tested against the graph geometry
 * (not the drawn nodes), so the canvas can be redrawn from the immutable graph at any time, even mid-drag.
 * Edits go through the {@link DiagramDocument}; the selection is exposed for outline and property panels.
 */
public final class DiagramEditorPane extends BorderPane {
    static final double MIN_ZOOM = 0.15, MAX_ZOOM = 4;

    private final DiagramDocument document;
    private final ReadOnlyObjectWrapper<DiagramSelection> selection = new ReadOnlyObjectWrapper<>(DiagramSelection.NONE);
    private final ObjectProperty<DiagramHighlight> highlight = new SimpleObjectProperty<>(DiagramHighlight.NONE);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty panX = new SimpleDoubleProperty(40), panY = new SimpleDoubleProperty(40);
    private final Pane viewport = new Pane();
    private final Group world = new Group();
    private final DiagramCanvas drawing = new DiagramCanvas(DiagramPalette.LIGHT);
    private final ReadOnlyObjectWrapper<String> hoveredTransition = new ReadOnlyObjectWrapper<>();
    private final Pane overlay = new Pane();
    private final Minimap minimap = new Minimap(this::centreOn);
    private final Rectangle rubberBand = new Rectangle();
    private final Line connectLine = new Line();
    private final ObjectProperty<DiagramPalette> colours = new SimpleObjectProperty<>(this, "palette", DiagramPalette.LIGHT);
    private final Label stateTile = new Label("State");
    private final Rectangle ghost = new Rectangle(NodeSize.width("State"), NodeSize.HEIGHT);
    private final VBox paletteBox = new VBox(10);
    private Gesture gesture = Gesture.NONE;
    private Point2D pressViewport;
    private DiagramGraph beforeDrag;
    private Map<String, Point> dragStart = Map.of();
    private String connectFrom;
    private Object clipboard;
    private int pasteCount;
    private TextField renameField;
    private final Tooltip hoverTip = new Tooltip();

    private enum Gesture { NONE, MOVE, RUBBER_BAND, CONNECT, PAN }

    public DiagramEditorPane(DiagramDocument document) {
        this.document = document;
        getStyleClass().add("diagram-editor");
        world.getChildren().addAll(drawing.layers());
        // the drawn nodes follow the graph (an edge's node is replaced when it is re-routed, even mid-drag), so they
        // never receive the mouse: the viewport hit-tests against the graph geometry instead
        world.setMouseTransparent(true);
        Scale scale = new Scale();
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        Translate translate = new Translate();
        translate.xProperty().bind(panX);
        translate.yProperty().bind(panY);
        world.getTransforms().setAll(translate, scale);
        rubberBand.setVisible(false);
        connectLine.getStrokeDashArray().addAll(6.0, 4.0);
        connectLine.setVisible(false);
        overlay.setPickOnBounds(false);
        overlay.getChildren().addAll(rubberBand, connectLine);
        viewport.getChildren().addAll(world, overlay);
        viewport.getStyleClass().add("diagram-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.setFocusTraversable(true);
        viewport.setMinSize(100, 100);

        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(10));
        StackPane centre = new StackPane(viewport, minimap);
        centre.setMinSize(100, 100);
        setCenter(centre);
        setLeft(palette());
        setTop(toolbar());

        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        viewport.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        viewport.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        // a right click that did not pan (right-drag pans) opens the host's menu for the state under it
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> secondaryPressAt = e.getButton() == MouseButton.SECONDARY
                ? new Point2D(e.getX(), e.getY()) : null);
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && secondaryPressAt != null
                    && secondaryPressAt.distance(e.getX(), e.getY()) < 4) {
                showStateMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        document.graphProperty().addListener((obs, old, g) -> graphChanged(g));
        document.commands().rememberSelection(selection::get, selection::set); // undo gives back what was selected
        selection.addListener((obs, old, s) -> drawing.select(s));
        highlight.addListener((obs, old, h) -> drawing.highlight(h == null ? DiagramHighlight.NONE : h));
        hoveredTransition.addListener((obs, old, h) -> drawing.hover(h));
        viewport.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoveredTransition.set(null));
        zoom.addListener(o -> drawMinimap());
        panX.addListener(o -> drawMinimap());
        panY.addListener(o -> drawMinimap());
        viewport.widthProperty().addListener(o -> drawMinimap());
        viewport.heightProperty().addListener(o -> drawMinimap());
        colours.addListener(o -> {
            applyPalette();
            drawing.setPalette(colours.get());
            drawMinimap();
        });
        applyPalette();
        drawing.setPalette(colours.get());
        drawing.show(document.graphProperty().get());
        drawMinimap();
    }

    public DiagramDocument document() {
        return document;
    }

    /** The selection, for the outline and property panels; {@link #select} changes it. */
    public ReadOnlyObjectProperty<DiagramSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public void select(DiagramSelection newSelection) {
        selection.set(newSelection);
    }

    /** The simulation overlay (active states, last transition); set {@link DiagramHighlight#NONE} to clear it. */
    public ObjectProperty<DiagramHighlight> highlightProperty() {
        return highlight;
    }

    /** The canvas colours: {@link DiagramPalette#LIGHT} (default) or {@link DiagramPalette#DARK}, as the host's theme. */
    public ObjectProperty<DiagramPalette> paletteProperty() {
        return colours;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The canvas region (for tests and for the app to attach context menus). */
    public Pane canvas() {
        return viewport;
    }

    public void undo() {
        document.commands().undo();
    }

    public void redo() {
        document.commands().redo();
    }

    /** Runs the automatic layout on the whole diagram as one undo step, then fits it in the window. */
    public void arrange() {
        document.applyLayout(ElkLayouter.arrange(document.graphProperty().get()));
        fitToWindow();
    }

    public void zoomTo100() {
        zoom.set(1);
    }

    /**
     * Fits the diagram in the window, but never below the zoom at which labels stay legible ({@link FitView});
     * what does not fit is reached by scrolling or the minimap.
     */
    public void fitToWindow() {
        if (getScene() != null) {
            applyCss();
            layout();
        }
        DiagramGraph g = document.graphProperty().get();
        double anchorY = g.states().stream().filter(DiagramState::initial).findFirst()
                .map(s -> s.center().y()).orElse(Double.NaN);
        FitView fit = FitView.of(g.bounds(drawing.routes(g)), viewport.getWidth(), viewport.getHeight(), anchorY);
        zoom.set(clampZoom(fit.zoom()));
        panX.set(fit.panX());
        panY.set(fit.panY());
    }

    public void deleteSelection() {
        DiagramSelection s = selection.get();
        if (!s.isEmpty()) {
            document.remove(s.states(), s.transitions());
            selection.set(DiagramSelection.NONE);
        }
    }

    public void copySelection() {
        if (!selection.get().states().isEmpty()) {
            clipboard = document.copy(selection.get().states());
            pasteCount = 0;
        }
    }

    public void paste() {
        if (clipboard != null) {
            pasteCount++;
            Set<String> created = document.paste(clipboard, new Point(30.0 * pasteCount, 30.0 * pasteCount));
            selection.set(DiagramSelection.ofStates(created));
        }
    }

    /** Opens the in-place name editor on a state (F2 / double-click). */
    public void startRename(String stateName) {
        DiagramState s = document.graphProperty().get().state(stateName).orElse(null);
        if (s == null) {
            return;
        }
        cancelRename();
        TextField field = new TextField(s.name());
        field.getStyleClass().add("rename-field");
        Point2D at = toViewport(s.position().x(), s.position().y() + s.height() / 2 - 14);
        field.relocate(at.getX(), at.getY());
        field.setPrefWidth(Math.max(140, s.width() * zoom.get()));
        field.setOnAction(e -> {
            String newName = field.getText();
            cancelRename();
            if (document.renameState(stateName, newName)) {
                selection.set(DiagramSelection.ofStates(Set.of(newName.strip())));
            }
            viewport.requestFocus();
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelRename();
                viewport.requestFocus();
                e.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is && renameField == field) {
                field.fireEvent(new javafx.event.ActionEvent());
            }
        });
        renameField = field;
        overlay.getChildren().add(field);
        field.requestFocus();
        field.selectAll();
    }

    private void cancelRename() {
        if (renameField != null) {
            TextField field = renameField;
            renameField = null;
            overlay.getChildren().remove(field);
        }
    }

    // ---------------------------------------------------------------- drawing

    private void graphChanged(DiagramGraph g) {
        drawing.show(g);
        drawMinimap();
        DiagramSelection s = selection.get();
        Set<String> states = new LinkedHashSet<>(s.states());
        states.removeIf(n -> !g.hasState(n));
        Set<String> edges = new LinkedHashSet<>(s.transitions());
        edges.removeIf(k -> g.transition(k).isEmpty());
        DiagramSelection pruned = new DiagramSelection(states, edges);
        if (!pruned.equals(s)) {
            selection.set(pruned);
        }
    }

    /** The drawn nodes and their route cache (for tests). */
    DiagramCanvas drawing() {
        return drawing;
    }

    private void drawMinimap() {
        double z = zoom.get();
        double[] view = {-panX.get() / z, -panY.get() / z, viewport.getWidth() / z, viewport.getHeight() / z};
        DiagramGraph g = document.graphProperty().get();
        minimap.draw(g, g.bounds(drawing.routes(g)), view, colours.get());
    }

    void centreOn(double worldX, double worldY) {
        panX.set(viewport.getWidth() / 2 - worldX * zoom.get());
        panY.set(viewport.getHeight() / 2 - worldY * zoom.get());
    }

    // ---------------------------------------------------------------- coordinates and hit testing

    Point toWorld(double viewportX, double viewportY) {
        return new Point((viewportX - panX.get()) / zoom.get(), (viewportY - panY.get()) / zoom.get());
    }

    Point2D toViewport(double worldX, double worldY) {
        return new Point2D(worldX * zoom.get() + panX.get(), worldY * zoom.get() + panY.get());
    }

    private DiagramState stateAt(Point p) {
        return DiagramHitTest.stateAt(document.graphProperty().get(), p);
    }

    private DiagramState handleAt(Point p) {
        return DiagramHitTest.handleAt(document.graphProperty().get(), p, zoom.get());
    }

    private String transitionAt(Point p) {
        DiagramGraph g = document.graphProperty().get();
        return DiagramHitTest.transitionAt(g, drawing.routes(g), p);
    }

    // ---------------------------------------------------------------- state context menu

    private java.util.function.Function<String, java.util.List<javafx.scene.control.MenuItem>> stateMenu = s -> java.util.List.of();
    private final javafx.scene.control.ContextMenu contextMenu = new javafx.scene.control.ContextMenu();

    /**
     * What a right-click on a state offers (e.g. the app's "Break on entering"); the provider gets the state's name
     * and may return nothing. The editor itself adds no items, so it stays free of what hosts do with states.
     */
    public void setStateMenu(java.util.function.Function<String, java.util.List<javafx.scene.control.MenuItem>> provider) {
        this.stateMenu = provider;
    }

    private Point2D secondaryPressAt;

    private void showStateMenu(double x, double y, double screenX, double screenY) {
        DiagramState state = stateAt(toWorld(x, y));
        var items = state == null ? java.util.List.<javafx.scene.control.MenuItem>of() : stateMenu.apply(state.name());
        contextMenu.hide();
        if (!items.isEmpty()) {
            contextMenu.getItems().setAll(items);
            contextMenu.show(viewport, screenX, screenY);
        }
    }

    // ---------------------------------------------------------------- mouse

    private void pressed(MouseEvent e) {
        viewport.requestFocus();
        pressViewport = new Point2D(e.getX(), e.getY());
        Point p = toWorld(e.getX(), e.getY());
        if (e.getButton() != MouseButton.PRIMARY) {
            gesture = Gesture.PAN;
            return;
        }
        boolean toggle = e.isShiftDown() || e.isShortcutDown();
        DiagramState handle = handleAt(p);
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
        DiagramState hit = stateAt(p);
        if (hit != null) {
            if (e.getClickCount() == 2) {
                selection.set(DiagramSelection.ofStates(Set.of(hit.name())));
                startRename(hit.name());
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
            return;
        }
        String edge = transitionAt(p);
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

    private void dragged(MouseEvent e) {
        switch (gesture) {
            case MOVE -> {
                double dx = (e.getX() - pressViewport.getX()) / zoom.get();
                double dy = (e.getY() - pressViewport.getY()) / zoom.get();
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
                panX.set(panX.get() + e.getX() - pressViewport.getX());
                panY.set(panY.get() + e.getY() - pressViewport.getY());
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
                Point a = toWorld(rubberBand.getX(), rubberBand.getY());
                Point b = toWorld(rubberBand.getX() + rubberBand.getWidth(), rubberBand.getY() + rubberBand.getHeight());
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
            case CONNECT -> {
                connectLine.setVisible(false);
                DiagramState target = stateAt(toWorld(e.getX(), e.getY()));
                if (target != null) {
                    String key = document.addTransition(connectFrom, target.name());
                    selection.set(new DiagramSelection(Set.of(), Set.of(key)));
                }
            }
            case PAN, NONE -> { }
        }
        gesture = Gesture.NONE;
    }

    /**
     * Hovering a transition (its label or its line) emphasises it and brings its full label to the front; hovering a
     * state or a handle offers a tooltip with the full name and what the badges mean.
     */
    private void hovered(MouseEvent e) {
        Point p = toWorld(e.getX(), e.getY());
        String text = null;
        String edge = null;
        if (handleAt(p) != null) {
            text = "Drag to another state to add a transition";
        } else if (stateAt(p) != null) {
            text = HoverText.of(stateAt(p));
        } else {
            edge = transitionAt(p);
        }
        hoveredTransition.set(edge);
        if (text == null) {
            Tooltip.uninstall(viewport, hoverTip);
            hoverTip.setText(null);
        } else if (!text.equals(hoverTip.getText()) || hoverTip.getOwnerNode() == null) {
            hoverTip.setText(text);
            Tooltip.install(viewport, hoverTip);
        }
    }

    /** Text of the state or handle tooltip currently offered, null when none (for tests and accessibility). */
    public String hoverText() {
        String text = hoverTip.getText();
        return text == null || text.isEmpty() ? null : text;
    }

    /** The key of the transition under the mouse, whose full label is emphasised and drawn on top; null if none. */
    public ReadOnlyObjectProperty<String> hoveredTransitionProperty() {
        return hoveredTransition.getReadOnlyProperty();
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            Point anchor = toWorld(e.getX(), e.getY());
            double z = clampZoom(zoom.get() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
            zoom.set(z);
            panX.set(e.getX() - anchor.x() * z);
            panY.set(e.getY() - anchor.y() * z);
        } else {
            panX.set(panX.get() + e.getDeltaX());
            panY.set(panY.get() + e.getDeltaY());
        }
        e.consume();
    }

    private static double clampZoom(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    // ---------------------------------------------------------------- keyboard

    private void keyPressed(KeyEvent e) {
        if (renameField != null) {
            return;
        }
        boolean shortcut = e.isShortcutDown();
        if (shortcut && e.getCode() == KeyCode.Z) {
            if (e.isShiftDown()) redo(); else undo();
        } else if (shortcut && e.getCode() == KeyCode.Y) {
            redo();
        } else if (shortcut && e.getCode() == KeyCode.C) {
            copySelection();
        } else if (shortcut && e.getCode() == KeyCode.V) {
            paste();
        } else if (shortcut && e.getCode() == KeyCode.A) {
            selection.set(DiagramSelection.ofStates(document.graphProperty().get().positions().keySet()));
        } else if (DiagramKeys.ACTUAL_SIZE.match(e) || shortcut && e.getCode() == KeyCode.NUMPAD0) {
            zoomTo100();
        } else if (DiagramKeys.FIT.match(e)) {
            fitToWindow();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            deleteSelection();
        } else if (e.getCode() == KeyCode.F2 && selection.get().states().size() == 1) {
            startRename(selection.get().states().iterator().next());
        } else {
            return;
        }
        e.consume();
    }

    // ---------------------------------------------------------------- chrome

    private ToolBar toolbar() {
        Button undo = button("Undo", "Undo (Ctrl+Z)", this::undo);
        undo.disableProperty().bind(document.commands().canUndoProperty().not());
        Button redo = button("Redo", "Redo (Ctrl+Shift+Z)", this::redo);
        redo.disableProperty().bind(document.commands().canRedoProperty().not());
        Label zoomLabel = new Label();
        zoomLabel.textProperty().bind(zoom.multiply(100).asString("%.0f%%"));
        return new ToolBar(undo, redo,
                button("Arrange", "Automatic layout (ELK layered)", this::arrange),
                button("Fit", "Fit to window (" + DiagramKeys.FIT.getDisplayText() + ")", this::fitToWindow),
                button("100%", "Actual size (" + DiagramKeys.ACTUAL_SIZE.getDisplayText() + ")", this::zoomTo100),
                button("Delete", "Delete selection (Del)", this::deleteSelection),
                zoomLabel);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** The palette: drag "State" onto the canvas to add one where it is dropped. */
    private VBox palette() {
        Label title = new Label("Palette");
        title.setStyle("-fx-font-weight: bold;");
        stateTile.setId("palette-state");
        stateTile.getStyleClass().add("palette-state");
        stateTile.setTooltip(new Tooltip("Drag onto the diagram to add a state"));
        ghost.setArcWidth(24);
        ghost.setArcHeight(24);
        ghost.getStrokeDashArray().addAll(5.0, 4.0);
        ghost.setVisible(false);
        ghost.setMouseTransparent(true);
        overlay.getChildren().add(ghost);
        stateTile.setOnMouseDragged(e -> {
            Point2D local = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
            ghost.setScaleX(zoom.get());
            ghost.setScaleY(zoom.get());
            ghost.setX(local.getX() - ghost.getWidth() / 2);
            ghost.setY(local.getY() - ghost.getHeight() / 2);
            ghost.setVisible(viewport.contains(local));
        });
        stateTile.setOnMouseReleased(e -> {
            ghost.setVisible(false);
            Point2D local = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (viewport.contains(local)) {
                Point p = toWorld(local.getX(), local.getY());
                String name = document.addState(new Point(Math.round(p.x() - NodeSize.width("State") / 2),
                        Math.round(p.y() - NodeSize.HEIGHT / 2)));
                selection.set(DiagramSelection.ofStates(Set.of(name)));
                viewport.requestFocus();
            }
        });
        paletteBox.getChildren().setAll(title, stateTile);
        paletteBox.setPadding(new Insets(10));
        return paletteBox;
    }

    /** Colours of what is not redrawn with the graph: canvas, palette, rubber band, connection line. */
    private void applyPalette() {
        DiagramPalette p = colours.get();
        viewport.setBackground(Background.fill(p.background()));
        paletteBox.setStyle("-fx-background-color: " + DiagramPalette.css(p.paletteBackground()) + ";");
        stateTile.setStyle("-fx-background-color: " + DiagramPalette.css(p.stateFill()) + "; -fx-border-color: "
                + DiagramPalette.css(p.stateStroke()) + "; -fx-text-fill: " + DiagramPalette.css(p.text())
                + "; -fx-border-radius: 10; -fx-background-radius: 10; -fx-padding: 8 18 8 18;");
        ghost.setFill(p.stateFill().deriveColor(0, 1, 1, 0.6));
        ghost.setStroke(p.stateStroke());
        rubberBand.setFill(p.stateStroke().deriveColor(0, 1, 1, 0.12));
        rubberBand.setStroke(p.stateStroke());
        connectLine.setStroke(p.selected());
    }
}
