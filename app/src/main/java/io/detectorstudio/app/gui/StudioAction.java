package io.detectorstudio.app.gui;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * One user action, declared once ({@link WorkbenchActions}): the menu item, the toolbar button, a context menu
 * entry and the line of the keyboard shortcuts dialog are all made from it. {@code icon} is an Ikonli literal (or
 * null), {@code accelerator} may be null; while {@code enabled} is false every control of the action is disabled.
 */
record StudioAction(String id, String text, String icon, KeyCombination accelerator, ObservableBooleanValue enabled,
                    String description, Runnable handler) {

    /** Enabled whatever the window holds. */
    static final ObservableBooleanValue ALWAYS = new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();

    /** The tooltip: the text and the accelerator's display text, e.g. "Save (Ctrl+S)". */
    String tooltip() {
        String name = text.endsWith("…") ? text.substring(0, text.length() - 1) : text;
        return accelerator == null ? name : name + " (" + accelerator.getDisplayText() + ")";
    }

    /** Runs the handler if the action is enabled. */
    void run() {
        if (enabled.get()) {
            handler.run();
        }
    }

    MenuItem menuItem() {
        MenuItem item = new MenuItem(text, icon == null ? null : Icons.of(icon));
        item.setId("menu-" + id);
        item.setAccelerator(accelerator);
        item.setUserData(this);
        item.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        item.setOnAction(e -> run());
        return item;
    }

    Button toolButton() {
        Button b = new Button(null, Icons.of(icon));
        b.setId("tool-" + id);
        b.setTooltip(new Tooltip(tooltip()));
        b.setUserData(this);
        b.getStyleClass().add("flat");
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        b.setOnAction(e -> run());
        return b;
    }
}
