package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.Point;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The visible window onto the world: zoom and pan (the world group's transforms follow them), the conversion
 * between viewport and world coordinates, wheel panning and Ctrl+wheel zooming at the cursor, centring and Fit.
 * It knows nothing of the graph: callers hand it the bounds to fit.
 */
final class DiagramViewport {
    static final double MIN_ZOOM = 0.15, MAX_ZOOM = 4;

    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty panX = new SimpleDoubleProperty(40), panY = new SimpleDoubleProperty(40);
    private final Pane pane = new Pane();

    /** {@code world} is drawn under the view's transforms; {@code overlay} (rubber band, editors) in viewport pixels. */
    DiagramViewport(Group world, Pane overlay) {
        Scale scale = new Scale();
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        Translate translate = new Translate();
        translate.xProperty().bind(panX);
        translate.yProperty().bind(panY);
        world.getTransforms().setAll(translate, scale);
        pane.getChildren().addAll(world, overlay);
        pane.getStyleClass().add("diagram-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);
        pane.setFocusTraversable(true);
        pane.setMinSize(100, 100);
        pane.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    /** The canvas region that receives the mouse and keys. */
    Pane pane() {
        return pane;
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    double zoom() {
        return zoom.get();
    }

    /** Runs {@code action} whenever what is visible changes: zoom, pan or the viewport's size. */
    void onViewChanged(Runnable action) {
        InvalidationListener listener = o -> action.run();
        zoom.addListener(listener);
        panX.addListener(listener);
        panY.addListener(listener);
        pane.widthProperty().addListener(listener);
        pane.heightProperty().addListener(listener);
    }

    /** The visible world rectangle {x, y, w, h}. */
    double[] visibleWorld() {
        double z = zoom.get();
        return new double[] {-panX.get() / z, -panY.get() / z, pane.getWidth() / z, pane.getHeight() / z};
    }

    Point toWorld(double viewportX, double viewportY) {
        return new Point((viewportX - panX.get()) / zoom.get(), (viewportY - panY.get()) / zoom.get());
    }

    Point2D toViewport(double worldX, double worldY) {
        return new Point2D(worldX * zoom.get() + panX.get(), worldY * zoom.get() + panY.get());
    }

    void centreOn(double worldX, double worldY) {
        panX.set(pane.getWidth() / 2 - worldX * zoom.get());
        panY.set(pane.getHeight() / 2 - worldY * zoom.get());
    }

    void panBy(double dx, double dy) {
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    void zoomTo100() {
        zoom.set(1);
    }

    /** Shows {@code bounds} {minX, minY, maxX, maxY} as {@link FitView} places them; {@code anchorY} as there. */
    void fit(double[] bounds, double anchorY) {
        FitView fit = FitView.of(bounds, pane.getWidth(), pane.getHeight(), anchorY);
        zoom.set(clampZoom(fit.zoom()));
        panX.set(fit.panX());
        panY.set(fit.panY());
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            Point anchor = toWorld(e.getX(), e.getY());
            double z = clampZoom(zoom.get() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
            zoom.set(z);
            panX.set(e.getX() - anchor.x() * z);
            panY.set(e.getY() - anchor.y() * z);
        } else {
            panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private static double clampZoom(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }
}
