package io.detectorstudio.app.gui;

import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;

/** The toolbar, made from the action table ({@link WorkbenchActions#TOOLBAR}): icons, tooltips with the keys. */
final class MainToolBar {

    private MainToolBar() {
    }

    static ToolBar of(WorkbenchActions actions) {
        ToolBar bar = new ToolBar();
        for (String id : WorkbenchActions.TOOLBAR) {
            bar.getItems().add(id.equals(WorkbenchActions.SEPARATOR) ? new Separator() : actions.get(id).toolButton());
        }
        return bar;
    }
}
