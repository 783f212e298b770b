package io.detectorstudio.app.gui;

import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.io.ModelReadException;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: menu, an outline of states and events on the left, the diagram in the centre, the problems
 * of the model at the bottom. Files open off the FX thread; a file that cannot be read gives a dialog saying what
 * and where, and the window stays as it was.
 */
final class MainWindow {

    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane(new Label("Open a detector model (File ▸ Open, Ctrl+O) or drop a file here."));
    private final TreeView<String> outline = new TreeView<>();
    private final TableView<Diagnostic> problems = new TableView<>();
    private final ReadOnlyObjectWrapper<ModelWorkspace> workspace = new ReadOnlyObjectWrapper<>();
    private DiagramEditorPane editor;

    MainWindow(Stage stage) {
        this.stage = stage;
        stage.setTitle("Detector Studio");
        centre.getStyleClass().add("workspace-centre");
        outline.setShowRoot(true);
        problems.setPlaceholder(new Label("No problems"));
        problems.getColumns().add(column("Severity", 80, d -> d.severity().word()));
        problems.getColumns().add(column("Line", 60, d -> d.line() + ":" + d.column()));
        problems.getColumns().add(column("Code", 190, Diagnostic::code));
        problems.getColumns().add(column("Message", 700, Diagnostic::message));
        problems.getColumns().add(column("Where", 420, Diagnostic::path));
        SplitPane body = new SplitPane(outline, centre);
        body.setDividerPositions(0.2);
        SplitPane vertical = new SplitPane(body, problems);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.75);
        root.setTop(menu());
        root.setCenter(vertical);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                open(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(true);
        });
    }

    Parent root() {
        return root;
    }

    ReadOnlyObjectProperty<ModelWorkspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    TableView<Diagnostic> problemsTable() {
        return problems;
    }

    TreeView<String> outlineTree() {
        return outline;
    }

    private static TableColumn<Diagnostic, String> column(String title, double width,
                                                          java.util.function.Function<Diagnostic, String> value) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    private MenuBar menu() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a detector model");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Models and templates", "*.json", "*.yaml", "*.yml"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                open(file.toPath());
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        MenuItem undo = new MenuItem("Undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> withEditor(DiagramEditorPane::undo));
        MenuItem redo = new MenuItem("Redo");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        redo.setOnAction(e -> withEditor(DiagramEditorPane::redo));
        MenuItem arrange = new MenuItem("Arrange");
        arrange.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        arrange.setOnAction(e -> withEditor(DiagramEditorPane::arrange));
        MenuItem fit = new MenuItem("Fit to window");
        fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        fit.setOnAction(e -> withEditor(DiagramEditorPane::fitToWindow));
        MenuItem actual = new MenuItem("Actual size");
        actual.setAccelerator(KeyCombination.keyCombination("Shortcut+1"));
        actual.setOnAction(e -> withEditor(DiagramEditorPane::zoomTo100));
        return new MenuBar(new Menu("File", null, open, quit), new Menu("Edit", null, undo, redo),
                new Menu("View", null, arrange, fit, actual));
    }

    private void withEditor(java.util.function.Consumer<DiagramEditorPane> action) {
        if (editor != null) {
            action.accept(editor);
        }
    }

    /** Opens {@code file} in the background; the window stays usable meanwhile. */
    Task<ModelWorkspace> open(Path file) {
        Task<ModelWorkspace> task = new Task<>() {
            @Override
            protected ModelWorkspace call() throws Exception {
                return ModelWorkspace.open(file);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> cannotOpen(file, task.getException()));
        Thread thread = new Thread(task, "open " + file.getFileName());
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private void show(ModelWorkspace opened) {
        editor = opened.newEditor();
        centre.getChildren().setAll(editor);
        problems.getItems().setAll(opened.problems());
        outline.setRoot(OutlineBuilder.build(opened.model()));
        stage.setTitle(opened.model().name() + " — " + opened.file().getFileName() + " — Detector Studio");
        workspace.set(opened);
        // fit once the editor has its real size (it has none until the next layout pass)
        DiagramEditorPane shown = editor;
        javafx.application.Platform.runLater(() -> {
            root.layout();
            shown.fitToWindow();
        });
    }

    private void cannotOpen(Path file, Throwable error) {
        String where = error instanceof ModelReadException m && m.line() > 0
                ? " (line " + m.line() + ", column " + m.column() + ")" : "";
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("Cannot open " + file.getFileName());
        alert.setHeaderText(file.getFileName() + " cannot be opened" + where);
        alert.setContentText(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        alert.show();
    }

    /** The outline: states with their event lists. */
    static final class OutlineBuilder {
        private OutlineBuilder() {
        }

        static TreeItem<String> build(io.detectorstudio.engine.io.LoadedModel model) {
            TreeItem<String> root = new TreeItem<>(model.name());
            root.setExpanded(true);
            com.fasterxml.jackson.databind.JsonNode definition = model.request().path("detectorModelDefinition");
            String initial = definition.path("initialStateName").asText();
            for (com.fasterxml.jackson.databind.JsonNode state : definition.path("states")) {
                String name = state.path("stateName").asText();
                TreeItem<String> item = new TreeItem<>(name + (name.equals(initial) ? "  (initial)" : ""));
                item.setExpanded(true);
                for (String group : new String[] {"onEnter", "onInput", "onExit"}) {
                    for (com.fasterxml.jackson.databind.JsonNode event : state.path(group).path("events")) {
                        item.getChildren().add(new TreeItem<>(group + ": " + event.path("eventName").asText()));
                    }
                }
                for (com.fasterxml.jackson.databind.JsonNode t : state.path("onInput").path("transitionEvents")) {
                    item.getChildren().add(new TreeItem<>("→ " + t.path("nextState").asText() + ": "
                            + t.path("eventName").asText()));
                }
                root.getChildren().add(item);
            }
            return root;
        }
    }
}
