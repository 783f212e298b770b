package io.detectorstudio.app.gui;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/** Help ▸ Keyboard shortcuts: every action of the table that has an accelerator, with its keys. */
final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    static List<StudioAction> rows(WorkbenchActions actions) {
        return actions.all().stream().filter(a -> a.accelerator() != null).toList();
    }

    static void show(Window owner, WorkbenchActions actions) {
        TableView<StudioAction> table = new TableView<>();
        table.setId("shortcuts");
        TableColumn<StudioAction, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(s -> new SimpleStringProperty(s.getValue().accelerator().getDisplayText()));
        keys.setPrefWidth(170);
        TableColumn<StudioAction, String> what = new TableColumn<>("Does");
        what.setCellValueFactory(s -> new SimpleStringProperty(s.getValue().description()));
        what.setPrefWidth(400);
        table.getColumns().setAll(List.of(keys, what));
        table.getItems().setAll(rows(actions));
        table.setPrefSize(600, 520);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts (the diagram adds Del, F2, Ctrl+C/V, Ctrl+wheel)");
        alert.getDialogPane().setContent(table);
        alert.setResizable(true);
        alert.show();
    }
}
