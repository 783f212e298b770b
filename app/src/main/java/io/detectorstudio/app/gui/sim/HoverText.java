package io.detectorstudio.app.gui.sim;

import java.util.function.Supplier;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A cell's whole text as its tooltip, made the first time the mouse enters the cell: a tooltip is a popup window
 * with a scene (and a CSS pass) of its own, and the workbench's lists and tables create their cells while a run or
 * a replay fills them — a tooltip per cell made up front cost the FX thread hundreds of milliseconds then.
 */
final class HoverText {

    private HoverText() {
    }

    /** Shows {@code cell}'s text on hover (nothing when it has none). */
    static void install(Labeled cell) {
        install(cell, cell::getText);
    }

    /** Shows what {@code text} gives when the mouse enters {@code cell} (nothing when null or empty). */
    static void install(Labeled cell, Supplier<String> text) {
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String shown = text.get();
            if (shown == null || shown.isEmpty()) {
                cell.setTooltip(null);
                return;
            }
            Tooltip tip = cell.getTooltip();
            if (tip == null) {
                tip = new Tooltip();
                tip.setWrapText(true); // a long text in lines of a readable width, not one line off the screen
                tip.setMaxWidth(640);
            }
            tip.setText(shown);
            cell.setTooltip(tip);
        });
    }
}
