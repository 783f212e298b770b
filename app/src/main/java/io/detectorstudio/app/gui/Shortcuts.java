package io.detectorstudio.app.gui;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/** Every keyboard shortcut of the window in one table: the menus use it, Help ▸ Shortcuts shows it. */
final class Shortcuts {

    record Shortcut(String keys, String what) {
    }

    static final String NEW = "Shortcut+N", OPEN = "Shortcut+O", OPEN_FOLDER = "Shortcut+Shift+O", SAVE = "Shortcut+S",
            SAVE_AS = "Shortcut+Shift+S", EXPORT = "Shortcut+E", QUIT = "Shortcut+Q", UNDO = "Shortcut+Z",
            REDO = "Shortcut+Shift+Z", ARRANGE = "Shortcut+L", FIT = "Shortcut+0", ACTUAL = "Shortcut+1",
            THEME = "Shortcut+Shift+D", START_PAGE = "Shortcut+Shift+H", SIMULATE = "Shortcut+R", SEND = "Shortcut+Enter",
            ADVANCE = "Shortcut+T", NEXT_TIMER = "Shortcut+Shift+T", STEP_BACK = "F7", STEP = "F8", CONTINUE = "F9",
            SAVE_SCENARIO = "Shortcut+Shift+R", RUN_SCENARIOS = "Shortcut+Shift+U", PROBLEMS = "Shortcut+Shift+1",
            SIMULATION = "Shortcut+Shift+2", TRACE = "Shortcut+Shift+3", RESULTS = "Shortcut+Shift+4", HELP = "F1";

    static final List<Shortcut> ALL = List.of(
            new Shortcut(NEW, "New model from a template (start page)"),
            new Shortcut(OPEN, "Open a model file"),
            new Shortcut(OPEN_FOLDER, "Open a folder as the project"),
            new Shortcut(SAVE, "Save the model and its layout"),
            new Shortcut(SAVE_AS, "Save as"),
            new Shortcut(EXPORT, "Export (request JSON, CloudFormation JSON/YAML, SVG, PNG)"),
            new Shortcut(QUIT, "Quit"),
            new Shortcut(UNDO, "Undo"),
            new Shortcut(REDO, "Redo (also Shortcut+Y in the diagram)"),
            new Shortcut(ARRANGE, "Arrange the diagram"),
            new Shortcut(FIT, "Fit the diagram to the window"),
            new Shortcut(ACTUAL, "Diagram at 100%"),
            new Shortcut(THEME, "Switch light/dark theme"),
            new Shortcut(START_PAGE, "Show the start page"),
            new Shortcut(SIMULATE, "Restart the simulation on the current model"),
            new Shortcut(SEND, "Send the message in the stepper"),
            new Shortcut(ADVANCE, "Advance virtual time by the duration"),
            new Shortcut(NEXT_TIMER, "Run to the next timer"),
            new Shortcut(STEP_BACK, "Step back one cycle"),
            new Shortcut(STEP, "Step one cycle"),
            new Shortcut(CONTINUE, "Continue to the next breakpoint"),
            new Shortcut(SAVE_SCENARIO, "Save the session as a scenario"),
            new Shortcut(RUN_SCENARIOS, "Run the project's scenarios"),
            new Shortcut(PROBLEMS, "Problems tab"),
            new Shortcut(SIMULATION, "Simulation tab"),
            new Shortcut(TRACE, "Trace tab"),
            new Shortcut(RESULTS, "Scenario results tab"),
            new Shortcut(HELP, "This list"));

    private Shortcuts() {
    }

    static void show(Window owner) {
        TableView<Shortcut> table = new TableView<>();
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(s -> new SimpleStringProperty(s.getValue().keys().replace("Shortcut", "Ctrl/⌘")));
        keys.setPrefWidth(170);
        TableColumn<Shortcut, String> what = new TableColumn<>("Does");
        what.setCellValueFactory(s -> new SimpleStringProperty(s.getValue().what()));
        what.setPrefWidth(400);
        table.getColumns().setAll(List.of(keys, what));
        table.getItems().setAll(ALL);
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
