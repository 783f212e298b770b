package io.detectorstudio.app.gui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;

/** The menu bar, made from the action table ({@link WorkbenchActions#MENUS}). */
final class MainMenuBar {

    private MainMenuBar() {
    }

    static MenuBar of(WorkbenchActions actions) {
        MenuBar bar = new MenuBar();
        for (WorkbenchActions.MenuSpec spec : WorkbenchActions.MENUS) {
            Menu menu = new Menu(spec.title());
            for (String id : spec.ids()) {
                if (id.equals(WorkbenchActions.SEPARATOR)) {
                    menu.getItems().add(new SeparatorMenuItem());
                } else if (id.equals(WorkbenchActions.EXPORT_MENU)) {
                    Menu export = new Menu("Export", Icons.of("mdi2e-export"));
                    actions.exports().forEach(a -> export.getItems().add(a.menuItem()));
                    menu.getItems().add(export);
                } else {
                    menu.getItems().add(actions.get(id).menuItem());
                }
            }
            bar.getMenus().add(menu);
        }
        return bar;
    }
}
