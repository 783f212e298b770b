package io.detectorstudio.editor.fx;

import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Clips a pane to its own bounds, so that what changes inside it is repainted inside it. JavaFX's renderer repaints
 * only the dirty regions of a window, but when a changed node's region covers the clip it is painted under (a table
 * or list whose viewport shows one row, say), it gives up on regions and repaints the whole window unless a clipped
 * ancestor takes the change in. Under the software renderer (virtual machines, remote desktops, Xvfb) a whole-window
 * repaint of the workbench costs 40-130 ms of the render thread, and the FX thread's next pulse waits for it: issue
 * 20's stall probe found every second frame of a trace replay repainted whole until the simulation pane was clipped.
 */
public final class RepaintBoundary {

    private RepaintBoundary() {
    }

    /** Clips {@code pane} to its width and height, for as long as it lives. */
    public static void install(Region pane) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);
    }
}
