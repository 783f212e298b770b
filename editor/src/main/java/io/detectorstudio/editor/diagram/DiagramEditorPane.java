package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.layout.ElkLayouter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * The state-diagram editor: toolbar, palette and canvas. All mouse work is hit-tested against the graph geometry
 * (not the drawn nodes), so the canvas can be redrawn from the immutable graph at any time, even mid-drag.
 * Edits go through the {@link DiagramDocument}; the selection is exposed for outline and property panels.
 * This class wires the parts and holds the selection: {@link DiagramViewport} (zoom, pan, coordinates),
 * {@link DiagramCanvas} (the drawing), {@link DiagramGestures} (select, move, rubber band, connect, pan, state menu),
 * {@link DiagramHover}, {@link InlineRename}, {@link DiagramKeyboard}, {@link DiagramToolbar}, {@link ShapePalette}
 * and the {@link Minimap}.
 */
public final class DiagramEditorPane extends BorderPane {
    private final DiagramDocument document;
    private final ReadOnlyObjectWrapper<DiagramSelection> selection = new ReadOnlyObjectWrapper<>(DiagramSelection.NONE);
    private final ObjectProperty<DiagramHighlight> highlight = new SimpleObjectProperty<>(DiagramHighlight.NONE);
    private final ObjectProperty<DiagramPalette> colours = new SimpleObjectProperty<>(this, "palette", DiagramPalette.LIGHT);
    private final DiagramCanvas drawing = new DiagramCanvas(DiagramPalette.LIGHT);
    private final DiagramViewport viewport;
    private final Minimap minimap;
    private final InlineRename rename;
    private final DiagramGestures gestures;
    private final DiagramHover hover;
    private final ShapePalette shapes;
    private Object clipboard;
    private int pasteCount;

    public DiagramEditorPane(DiagramDocument document) {
        this.document = document;
        getStyleClass().add("diagram-editor");
        Group world = new Group();
        world.getChildren().addAll(drawing.layers());
        // the drawn nodes follow the graph (an edge's node is replaced when it is re-routed, even mid-drag), so they
        // never receive the mouse: the viewport hit-tests against the graph geometry instead
        world.setMouseTransparent(true);
        Pane overlay = new Pane();
        overlay.setPickOnBounds(false);
        viewport = new DiagramViewport(world, overlay);
        minimap = new Minimap(viewport::centreOn);
        CanvasHits hits = new CanvasHits(document, drawing, viewport);
        rename = new InlineRename(document, selection, viewport, overlay);
        gestures = new DiagramGestures(document, selection, viewport, hits, overlay, rename::start);
        hover = new DiagramHover(viewport, hits, drawing);
        shapes = new ShapePalette(document, selection, viewport, overlay);

        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(10));
        StackPane centre = new StackPane(viewport.pane(), minimap);
        centre.setMinSize(100, 100);
        setCenter(centre);
        setLeft(shapes);
        setTop(DiagramToolbar.of(this));
        addEventHandler(KeyEvent.KEY_PRESSED, new DiagramKeyboard(this, rename));

        document.graphProperty().addListener((obs, old, g) -> graphChanged(g));
        document.commands().rememberSelection(selection::get, selection::set); // undo gives back what was selected
        selection.addListener((obs, old, s) -> drawing.select(s));
        highlight.addListener((obs, old, h) -> drawing.highlight(h == null ? DiagramHighlight.NONE : h));
        viewport.onViewChanged(this::drawMinimap);
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
        return viewport.zoomProperty();
    }

    /** The canvas region (for tests and for the app to attach context menus). */
    public Pane canvas() {
        return viewport.pane();
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
        viewport.zoomTo100();
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
        viewport.fit(g.bounds(drawing.routes(g)), anchorY);
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
        rename.start(stateName);
    }

    /**
     * What a right-click on a state offers (e.g. the app's "Break on entering"); the provider gets the state's name
     * and may return nothing. The editor itself adds no items, so it stays free of what hosts do with states.
     */
    public void setStateMenu(Function<String, List<MenuItem>> provider) {
        gestures.setStateMenu(provider);
    }

    /** Text of the state or handle tooltip currently offered, null when none (for tests and accessibility). */
    public String hoverText() {
        return hover.text();
    }

    /** The key of the transition under the mouse, whose full label is emphasised and drawn on top; null if none. */
    public ReadOnlyObjectProperty<String> hoveredTransitionProperty() {
        return hover.transitionProperty();
    }

    /** The drawn nodes and their route cache (for tests). */
    DiagramCanvas drawing() {
        return drawing;
    }

    void centreOn(double worldX, double worldY) {
        viewport.centreOn(worldX, worldY);
    }

    Point2D toViewport(double worldX, double worldY) {
        return viewport.toViewport(worldX, worldY);
    }

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

    private void drawMinimap() {
        DiagramGraph g = document.graphProperty().get();
        minimap.draw(g, g.bounds(drawing.routes(g)), viewport.visibleWorld(), colours.get());
    }

    /** Colours of what is not redrawn with the graph: canvas, palette, rubber band, connection line. */
    private void applyPalette() {
        DiagramPalette p = colours.get();
        viewport.pane().setBackground(Background.fill(p.background()));
        shapes.applyColours(p);
        gestures.applyColours(p);
    }
}
