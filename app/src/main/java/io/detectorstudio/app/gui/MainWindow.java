package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ExportFormat;
import io.detectorstudio.app.gui.files.ModelTemplates;
import io.detectorstudio.app.gui.files.ProjectFiles;
import io.detectorstudio.app.gui.files.RecentFiles;
import io.detectorstudio.app.gui.files.RecoveryStore;
import io.detectorstudio.app.gui.files.Samples;
import io.detectorstudio.app.gui.sim.ScenarioResultsView;
import io.detectorstudio.app.gui.sim.SimulationPane;
import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.diagram.DiagramHighlight;
import io.detectorstudio.editor.properties.PropertiesPane;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.editor.diagram.DiagramSelection;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.simulator.session.Breakpoint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window: menu and toolbar; on the left the project (models, inputs, scenarios, traces of the folder) and
 * the outline of the model; the diagram in the centre (the start page when nothing is open); the properties on the
 * right; at the bottom Problems, Simulation, Trace and Scenario results. Files open and long work runs off the FX
 * thread with a progress bar; an unreadable file gives a dialog and leaves the window as it was. Unsaved models are
 * written to the recovery area every 30 s.
 */
final class MainWindow {

    static final Duration AUTOSAVE = Duration.seconds(30);
    private static final java.util.concurrent.ExecutorService CHECKER = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "model-check");
                t.setDaemon(true);
                return t;
            });
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final BorderPane propertiesHolder = new BorderPane(new Label("  No model open"));
    private final TreeView<String> outline = new TreeView<>();
    private final TreeView<Path> project = new TreeView<>();
    private final TableView<Diagnostic> problems = new TableView<>();
    private final TabPane bottom = new TabPane();
    private final Tab problemsTab = new Tab("Problems");
    private final Tab simulationTab = new Tab("Simulation");
    private final Tab traceTab = new Tab("Trace");
    private final Tab resultsTab = new Tab("Scenario results");
    private final ProgressBar progress = new ProgressBar();
    private final Label progressLabel = new Label();
    private final ReadOnlyObjectWrapper<ModelWorkspace> workspace = new ReadOnlyObjectWrapper<>();
    private final Map<TreeItem<String>, OutlineEntry> outlineEntries = new HashMap<>();
    private final WindowState windowState;
    private final RecentFiles recent;
    private final RecoveryStore recovery;
    private final ScenarioResultsView results;
    private final Timeline autosave;
    /** Checks of the model (after an edit, while typing) off the FX thread; only the newest result is shown. */
    private final LatestResults checks = new LatestResults(CHECKER, Platform::runLater);
    private final javafx.animation.PauseTransition typingPause = new javafx.animation.PauseTransition(Duration.millis(250));
    private final javafx.animation.PauseTransition simulationFollowsEdits =
            new javafx.animation.PauseTransition(Duration.millis(400));
    private DiagramEditorPane editor;
    private PropertiesPane properties;
    private SimulationPane simulation;
    private ProjectFiles projectFiles;
    private Themes theme;

    MainWindow(Stage stage, Preferences prefs, RecoveryStore recovery) {
        this.stage = stage;
        this.windowState = new WindowState(prefs);
        this.recent = new RecentFiles(prefs);
        this.recovery = recovery;
        this.theme = Themes.named(windowState.get("theme", "LIGHT"));
        this.results = new ScenarioResultsView(() -> projectFiles == null ? List.of() : projectFiles.scenarios());
        stage.setTitle("Detector Studio");
        outline.setShowRoot(true);
        outline.setId("outline");
        outline.setContextMenu(new ContextMenu());
        outline.setOnContextMenuRequested(e -> outlineMenu());
        outline.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> outlineSelected(item));
        project.setId("project");
        project.setShowRoot(true);
        project.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName() == null ? p.toString() : p.getFileName().toString());
            }
        });
        project.setOnMouseClicked(e -> {
            TreeItem<Path> item = project.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && item != null && item.isLeaf() && Files.isRegularFile(item.getValue())) {
                openProjectFile(item.getValue());
            }
        });
        problems.setOnMouseClicked(e -> {
            Diagnostic d = problems.getSelectionModel().getSelectedItem();
            if (d != null) {
                reveal(d);
            }
        });
        problems.setPlaceholder(new Label("No problems"));
        problems.setId("problems");
        problems.getColumns().add(column("Severity", 80, d -> d.severity().word()));
        problems.getColumns().add(column("Line", 60, d -> d.line() + ":" + d.column()));
        problems.getColumns().add(column("Code", 190, Diagnostic::code));
        problems.getColumns().add(column("Message", 700, Diagnostic::message));
        problems.getColumns().add(column("Where", 420, Diagnostic::path));
        problemsTab.setContent(problems);
        simulationTab.setContent(new Label("  Open a model to simulate it"));
        traceTab.setContent(new Label("  The trace of the simulation appears here"));
        resultsTab.setContent(results);
        bottom.getTabs().addAll(problemsTab, simulationTab, traceTab, resultsTab);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottom.setId("bottom-tabs");

        SplitPane left = new SplitPane(titled("Project", project), titled("Outline", outline));
        left.setOrientation(Orientation.VERTICAL);
        SplitPane body = new SplitPane(left, centre, propertiesHolder);
        SplitPane vertical = new SplitPane(body, bottom);
        vertical.setOrientation(Orientation.VERTICAL);
        windowState.track("body", body, 0.18, 0.74);
        windowState.track("left", left, 0.45);
        windowState.track("vertical", vertical, 0.55);
        // a restored or squeezed layout never collapses a pane (SplitPane keeps the dividers within these)
        left.setMinWidth(150);
        centre.setMinWidth(320);
        propertiesHolder.setMinWidth(260);
        body.setMinHeight(220);
        bottom.setMinHeight(110);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(propertiesHolder, false);

        progress.setVisible(false);
        progress.setPrefWidth(160);
        HBox status = new HBox(8, progress, progressLabel);
        status.setPadding(new javafx.geometry.Insets(2, 8, 2, 8));
        root.setTop(new VBox(menu(), toolbar()));
        root.setCenter(vertical);
        root.setBottom(status);
        showStartPage();
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
        simulationFollowsEdits.setOnFinished(e -> carrySimulationOver());
        typingPause.setOnFinished(e -> checkTyping());
        autosave = new Timeline(new KeyFrame(AUTOSAVE, e -> autosaveNow()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    // ---------------------------------------------------------------- accessors (tests, application)

    Parent root() {
        return root;
    }

    WindowState windowState() {
        return windowState;
    }

    Themes theme() {
        return theme;
    }

    ReadOnlyObjectProperty<ModelWorkspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /**
     * Takes the user to a problem: selects its state in the diagram, opens its event, action, state or model in the
     * properties, and for a condition puts the caret where the engine's check of that text finds the same problem.
     */
    void reveal(Diagnostic problem) {
        ModelWorkspace w = workspace.get();
        if (w == null || editor == null || properties == null) {
            return;
        }
        ProblemLocation.of(problem.path(), w.document().model()).ifPresent(where -> {
            if (where.stateName() != null) {
                editor.select(DiagramSelection.ofStates(java.util.Set.of(where.stateName())));
            }
            properties.show(where.target());
            if (where.condition()) {
                properties.lookupAll("#event-condition").stream().findFirst()
                        .filter(n -> n instanceof ExpressionEditor)
                        .map(n -> (ExpressionEditor) n)
                        .ifPresent(field -> Platform.runLater(() -> {
                            field.requestFocus();
                            int at = ProblemLocation.offsetIn(field.getText(), problem.code(), w.document().model());
                            field.area().moveTo(Math.min(at, field.area().getLength()));
                        }));
            }
        });
    }

    TableView<Diagnostic> problemsTable() {
        return problems;
    }

    TreeView<String> outlineTree() {
        return outline;
    }

    TreeView<Path> projectTree() {
        return project;
    }

    DiagramEditorPane editor() {
        return editor;
    }

    SimulationPane simulation() {
        return simulation;
    }

    ScenarioResultsView results() {
        return results;
    }

    TabPane bottomTabs() {
        return bottom;
    }

    private static TableColumn<Diagnostic, String> column(String title, double width,
                                                          java.util.function.Function<Diagnostic, String> value) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    private static Node titled(String title, Node content) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 3 6 3 6;");
        VBox box = new VBox(l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setMinHeight(90); // a header and a few rows, whatever the divider says
        return box;
    }

    // ---------------------------------------------------------------- menu and toolbar

    private static MenuItem item(String text, String icon, String keys, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (keys != null) {
            item.setAccelerator(KeyCombination.keyCombination(keys));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private MenuBar menu() {
        Menu export = new Menu("Export", Icons.of("mdi2e-export"));
        for (ExportFormat f : ExportFormat.values()) {
            export.getItems().add(item(f.title() + "…", null, f == ExportFormat.REQUEST_JSON ? Shortcuts.EXPORT : null,
                    () -> exportDialog(f)));
        }
        Menu file = new Menu("File", null,
                item("New model…", "mdi2f-file-plus", Shortcuts.NEW, this::showStartPage),
                item("Open…", "mdi2f-folder-open", Shortcuts.OPEN, this::openDialog),
                item("Open folder…", "mdi2f-folder", Shortcuts.OPEN_FOLDER, this::openFolderDialog),
                new SeparatorMenuItem(),
                item("Save", "mdi2c-content-save", Shortcuts.SAVE, this::save),
                item("Save as…", "mdi2c-content-save-edit", Shortcuts.SAVE_AS, this::saveAsDialog),
                export,
                templateParametersItem(),
                new SeparatorMenuItem(),
                item("Quit", null, Shortcuts.QUIT, () -> {
                    if (confirmClose()) {
                        stage.close();
                    }
                }));
        Menu edit = new Menu("Edit", null,
                item("Undo", "mdi2u-undo", Shortcuts.UNDO, () -> withEditor(DiagramEditorPane::undo)),
                item("Redo", "mdi2r-redo", Shortcuts.REDO, () -> withEditor(DiagramEditorPane::redo)));
        Menu view = new Menu("View", null,
                item("Arrange", "mdi2s-sitemap", Shortcuts.ARRANGE, () -> withEditor(DiagramEditorPane::arrange)),
                item("Fit to window", "mdi2f-fit-to-page-outline", Shortcuts.FIT, () -> withEditor(DiagramEditorPane::fitToWindow)),
                item("Actual size", null, Shortcuts.ACTUAL, () -> withEditor(DiagramEditorPane::zoomTo100)),
                new SeparatorMenuItem(),
                item("Light / dark theme", "mdi2t-theme-light-dark", Shortcuts.THEME, this::toggleTheme),
                item("Start page", "mdi2h-home", Shortcuts.START_PAGE, this::showStartPage),
                new SeparatorMenuItem(),
                item("Problems", null, Shortcuts.PROBLEMS, () -> bottom.getSelectionModel().select(problemsTab)),
                item("Simulation", null, Shortcuts.SIMULATION, () -> bottom.getSelectionModel().select(simulationTab)),
                item("Trace", null, Shortcuts.TRACE, () -> bottom.getSelectionModel().select(traceTab)),
                item("Scenario results", null, Shortcuts.RESULTS, () -> bottom.getSelectionModel().select(resultsTab)));
        Menu simulate = new Menu("Simulate", null,
                item("Restart simulation", "mdi2p-play-circle", Shortcuts.SIMULATE, this::restartSimulation),
                item("Send message", "mdi2s-send", Shortcuts.SEND, () -> withSimulation(s -> s.stepper().send())),
                item("Advance time", "mdi2c-clock-fast", Shortcuts.ADVANCE, () -> withSimulation(SimulationPane::advance)),
                item("Run to next timer", "mdi2t-timer-outline", Shortcuts.NEXT_TIMER, () -> withSimulation(s -> s.model().runToNextTimer())),
                item("Step back", "mdi2s-step-backward", Shortcuts.STEP_BACK, () -> withSimulation(s -> s.model().stepBack())),
                item("Step", "mdi2s-step-forward", Shortcuts.STEP, () -> withSimulation(s -> s.model().stepForward())),
                item("Continue", "mdi2p-playlist-play", Shortcuts.CONTINUE, () -> withSimulation(s -> s.model().resume())),
                new SeparatorMenuItem(),
                item("Save session as scenario…", "mdi2r-record-circle", Shortcuts.SAVE_SCENARIO, this::saveScenarioDialog),
                item("Run project scenarios", "mdi2t-test-tube", Shortcuts.RUN_SCENARIOS, this::runScenarios));
        Menu help = new Menu("Help", null, item("Keyboard shortcuts", "mdi2k-keyboard", Shortcuts.HELP, () -> Shortcuts.show(stage)));
        return new MenuBar(file, edit, view, simulate, help);
    }

    /** File ▸ Template parameters…, for a CloudFormation template (issue 14 item 8). */
    private MenuItem templateParametersItem() {
        MenuItem item = item("Template parameters…", null, null, this::templateParametersDialog);
        item.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> workspace.get() == null || !workspace.get().isTemplate(), workspace));
        return item;
    }

    private void templateParametersDialog() {
        ModelWorkspace w = workspace.get();
        if (w == null || !w.isTemplate()) {
            return;
        }
        TemplateParametersDialog.ask(stage, w.file().getFileName().toString(), w.parameters(),
                io.detectorstudio.app.gui.files.TemplateParameterText.defaulted(w.problems()))
                .ifPresent(this::reopenWithParameters);
    }

    /** Reads the current template again with {@code parameters}; its problems say which defaults remain. */
    Task<ModelWorkspace> reopenWithParameters(Map<String, String> parameters) {
        ModelWorkspace w = workspace.get();
        if (w == null || w.file() == null || !confirmClose()) {
            return null;
        }
        Path file = w.file();
        return background("Reading " + file.getFileName(), () -> ModelWorkspace.open(file, parameters), this::show,
                e -> cannotOpen(file, e));
    }

    private ToolBar toolbar() {
        return new ToolBar(
                tool("mdi2f-file-plus", "New model (Ctrl+N)", this::showStartPage),
                tool("mdi2f-folder-open", "Open (Ctrl+O)", this::openDialog),
                tool("mdi2c-content-save", "Save (Ctrl+S)", this::save),
                tool("mdi2e-export", "Export request JSON (Ctrl+E)", () -> exportDialog(ExportFormat.REQUEST_JSON)),
                new javafx.scene.control.Separator(),
                tool("mdi2u-undo", "Undo (Ctrl+Z)", () -> withEditor(DiagramEditorPane::undo)),
                tool("mdi2r-redo", "Redo (Ctrl+Shift+Z)", () -> withEditor(DiagramEditorPane::redo)),
                tool("mdi2s-sitemap", "Arrange (Ctrl+L)", () -> withEditor(DiagramEditorPane::arrange)),
                tool("mdi2f-fit-to-page-outline", "Fit (Ctrl+0)", () -> withEditor(DiagramEditorPane::fitToWindow)),
                new javafx.scene.control.Separator(),
                tool("mdi2p-play-circle", "Restart simulation (Ctrl+R)", this::restartSimulation),
                tool("mdi2s-step-backward", "Step back (F7)", () -> withSimulation(s -> s.model().stepBack())),
                tool("mdi2s-step-forward", "Step (F8)", () -> withSimulation(s -> s.model().stepForward())),
                tool("mdi2t-timer-outline", "Run to next timer (Ctrl+Shift+T)", () -> withSimulation(s -> s.model().runToNextTimer())),
                tool("mdi2r-record-circle", "Save session as scenario (Ctrl+Shift+R)", this::saveScenarioDialog),
                tool("mdi2t-test-tube", "Run project scenarios (Ctrl+Shift+U)", this::runScenarios),
                new javafx.scene.control.Separator(),
                tool("mdi2t-theme-light-dark", "Light / dark theme (Ctrl+Shift+D)", this::toggleTheme),
                tool("mdi2k-keyboard", "Keyboard shortcuts (F1)", () -> Shortcuts.show(stage)));
    }

    private static Button tool(String icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("flat");
        b.setOnAction(e -> action.run());
        return b;
    }

    private void withEditor(Consumer<DiagramEditorPane> action) {
        if (editor != null) {
            action.accept(editor);
        }
    }

    private void withSimulation(Consumer<SimulationPane> action) {
        if (simulation != null) {
            bottom.getSelectionModel().select(simulationTab);
            action.accept(simulation);
        }
    }

    void toggleTheme() {
        theme = theme == Themes.LIGHT ? Themes.DARK : Themes.LIGHT;
        theme.apply();
        windowState.put("theme", theme.name());
        if (editor != null) {
            editor.paletteProperty().set(theme.diagramPalette());
        }
    }

    // ---------------------------------------------------------------- start page and project

    void showStartPage() {
        List<Samples.Sample> samples = new ArrayList<>();
        Samples.locate().ifPresent(dir -> {
            try {
                samples.addAll(Samples.list(dir));
            } catch (IOException e) {
                progressLabel.setText("Cannot list the samples in " + dir + ": " + e.getMessage());
            }
        });
        centre.getChildren().setAll(new StartPage(recent.list(), samples, this::open, this::newFromTemplate));
    }

    Task<ModelWorkspace> newFromTemplate(ModelTemplates template) {
        if (!confirmClose()) {
            return null;
        }
        return background("New " + template.title(), () -> ModelWorkspace.fromBytes(null, template.bytes()), this::show,
                e -> cannotOpen(Path.of(template.title()), e));
    }

    private void openProjectFile(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".scenario.json")) {
            stepThroughScenario(file);
        } else if (name.endsWith(".jsonl")) {
            replayTrace(file);
        } else if (!file.getParent().getFileName().toString().equals("inputs")) {
            open(file);
        }
    }

    private void showProject(Path folder) {
        try {
            projectFiles = ProjectFiles.scan(folder);
        } catch (IOException e) {
            projectFiles = null;
            return;
        }
        TreeItem<Path> rootItem = new TreeItem<>(folder);
        rootItem.setExpanded(true);
        addGroup(rootItem, "Models", projectFiles.models());
        addGroup(rootItem, "Inputs", projectFiles.inputs());
        addGroup(rootItem, "Scenarios", projectFiles.scenarios());
        addGroup(rootItem, "Traces", projectFiles.traces());
        project.setRoot(rootItem);
    }

    private static List<Path> scanModels(Path folder) {
        try {
            return ProjectFiles.scan(folder).models();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void clearProject() {
        projectFiles = null;
        project.setRoot(null);
    }

    private static void addGroup(TreeItem<Path> root, String name, List<Path> files) {
        TreeItem<Path> group = new TreeItem<>(Path.of(name + " (" + files.size() + ")"));
        group.setExpanded(true);
        files.forEach(f -> group.getChildren().add(new TreeItem<>(f)));
        root.getChildren().add(group);
    }

    // ---------------------------------------------------------------- open and close

    private void openDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a detector model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Models and templates", "*.json", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            open(file.toPath());
        }
    }

    private void openFolderDialog() {
        File dir = new DirectoryChooser().showDialog(stage);
        if (dir != null) {
            open(dir.toPath());
        }
    }

    /**
     * Opens {@code file} in the background (a folder: its first model, the folder as the project); the window
     * stays usable meanwhile.
     */
    Task<ModelWorkspace> open(Path file) {
        Path target = file;
        Path folder = Files.isDirectory(file) ? file.toAbsolutePath() : null;
        if (folder != null) {
            Path model = file.resolve("model.json");
            List<Path> models = Files.isRegularFile(model) ? List.of(model) : scanModels(folder);
            target = models.isEmpty() ? null : models.get(0);
            if (target == null) {
                showProject(folder); // nothing to open: the tree shows what the folder holds
                return null;
            }
        }
        if (workspace.get() != null && !confirmClose()) {
            return null; // the current model and its project tree stay
        }
        Path chosen = target;
        return background("Opening " + chosen.getFileName(), () -> ModelWorkspace.open(chosen), opened -> {
            recent.add(chosen, opened.name());
            if (folder != null) {
                showProject(folder); // only now: a cancelled or failed open keeps the current model's tree
            }
            show(opened);
        }, e -> cannotOpen(chosen, e));
    }

    /** Runs {@code work} off the FX thread with the progress bar showing; the callbacks run on the FX thread. */
    <T> Task<T> background(String what, java.util.concurrent.Callable<T> work, Consumer<T> done,
                           Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progressLabel.setText(what + "…");
        task.setOnSucceeded(e -> {
            progress.setVisible(false);
            progressLabel.setText("");
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            progress.setVisible(false);
            progressLabel.setText("");
            failed.accept(task.getException());
        });
        Thread thread = new Thread(task, what);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private void show(ModelWorkspace opened) {
        simulationFollowsEdits.stop();
        ModelWorkspace previous = workspace.get();
        if (previous != null) {
            discardRecovery(previous);
        }
        if (simulation != null) {
            simulation.stop();
        }
        editor = new DiagramEditorPane(opened.document());
        editor.setStateMenu(this::stateBreakpoints);
        editor.paletteProperty().set(theme.diagramPalette());
        centre.getChildren().setAll(editor);
        PropertiesPane properties = new PropertiesPane(opened.document());
        properties.follow(editor.selectionProperty());
        this.properties = properties;
        propertiesHolder.setCenter(properties);
        problems.getItems().setAll(opened.problems());
        outline.setRoot(outlineOf(opened));
        opened.document().modelProperty().addListener((obs, old, now) -> {
            outline.setRoot(outlineOf(opened));
            updateTitle(); // the model's name may have changed
            revalidate(opened);
            simulationFollowsEdits.playFromStart();
        });
        opened.document().draftProperty().addListener((obs, old, now) -> {
            if (now != null) {
                typingPause.playFromStart();
            }
        });
        opened.document().inputsProperty().addListener((obs, old, now) -> {
            revalidate(opened);
            simulationFollowsEdits.playFromStart();
        });
        opened.dirtyProperty().addListener(o -> updateTitle());
        workspace.set(opened);
        updateTitle();
        if (opened.file() == null) {
            clearProject(); // a new, untitled model belongs to no folder yet
        } else if (projectFiles == null || !opened.file().toAbsolutePath().startsWith(projectFiles.root())) {
            showProject(ProjectFiles.folderOf(opened.file()));
        }
        restartSimulation();
        // fit once the editor has its real size (it has none until the next layout pass)
        DiagramEditorPane shown = editor;
        Platform.runLater(() -> {
            root.layout();
            shown.fitToWindow();
        });
    }

    private void updateTitle() {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            stage.setTitle("Detector Studio");
            return;
        }
        String file = w.file() == null ? "untitled" : w.file().getFileName().toString();
        stage.setTitle(w.name() + " — " + file + (w.dirtyProperty().get() ? " •" : "") + " — Detector Studio");
    }

    private void revalidate(ModelWorkspace w) {
        checks.submit(w::validateNow, found -> {
            if (workspace.get() == w) {
                problems.getItems().setAll(found);
            }
        }, e -> problems.getItems().setAll(List.of()));
    }

    /**
     * While a field is typed in (once typing pauses): Problems shows the model as it would be with that text, and
     * the field underlines what the engine's check finds in it. Shares {@link #checks} with {@link #revalidate}, so
     * the newest check's result is the one shown.
     */
    private void checkTyping() {
        ModelWorkspace w = workspace.get();
        var draft = w == null ? null : w.document().draftProperty().get();
        if (draft == null) {
            return;
        }
        var committed = w.document().model();
        checks.submit(() -> TypingCheck.run(w, committed, draft.model(), draft.inputs()), result -> {
            if (workspace.get() != w) {
                return;
            }
            problems.getItems().setAll(result.problems());
            Node focused = stage.getScene() == null ? null : stage.getScene().getFocusOwner();
            while (focused != null && !(focused instanceof ExpressionEditor)) {
                focused = focused.getParent();
            }
            if (focused instanceof ExpressionEditor field && result.fieldText() != null) {
                field.showCheckedProblems(result.fieldText(), result.fieldProblems());
            }
        }, e -> { }); // a draft that cannot be read yet is simply not shown
    }

    /** Starts a new simulation session on the current model (after edits, Ctrl+R). */
    void restartSimulation() {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            return;
        }
        if (simulation != null) {
            simulation.stop();
        }
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        simulation = new SimulationPane(w.model().request(), w.projectModels(), w.document().model(),
                w.inputDefinitions(), start);
        simulationTab.setContent(simulation);
        traceTab.setContent(simulation.traceView());
        DiagramEditorPane target = editor;
        simulation.highlightProperty().addListener((obs, old, h) -> target.highlightProperty().set(h));
        target.highlightProperty().set(DiagramHighlight.NONE);
    }

    /**
     * After an edit (a burst of them: once typing pauses) the simulation restarts on the edited model and replays
     * what it was sent ({@link SimulationCarryOver}); the status lines say so.
     */
    private void carrySimulationOver() {
        SimulationPane previous = simulation;
        if (workspace.get() == null || previous == null) {
            return;
        }
        SimulationCarryOver.Outcome outcome;
        if (SimulationCarryOver.canReplay(previous.model().session())) {
            restartSimulation();
            SimulationPane fresh = simulation;
            outcome = SimulationCarryOver.replay(previous.model().session(), fresh.model().session(),
                    fresh::addBreakpoint);
            fresh.model().refresh();
            fresh.model().statusProperty().set(outcome.notice());
        } else {
            outcome = new SimulationCarryOver.Outcome(false, 0);
            previous.model().statusProperty().set(outcome.notice());
        }
        progressLabel.setText(outcome.notice());
    }

    private TreeItem<String> outlineOf(ModelWorkspace w) {
        outlineEntries.clear();
        return outlineItem(OutlineEntry.of(w.document().model()));
    }

    private TreeItem<String> outlineItem(OutlineEntry entry) {
        TreeItem<String> item = new TreeItem<>(entry.label());
        item.setExpanded(true);
        outlineEntries.put(item, entry);
        entry.children().forEach(c -> item.getChildren().add(outlineItem(c)));
        return item;
    }

    /** Selecting a line of the outline selects its state or transition in the diagram and opens its properties. */
    private void outlineSelected(TreeItem<String> item) {
        OutlineEntry entry = item == null ? null : outlineEntries.get(item);
        if (entry == null || editor == null || properties == null) {
            return;
        }
        editor.select(entry.selection());
        properties.show(entry.target());
    }

    /** Right-click on a state in the diagram while simulating: break on entering or leaving it. */
    private List<MenuItem> stateBreakpoints(String state) {
        if (simulation == null) {
            return List.of();
        }
        List<MenuItem> items = new ArrayList<>();
        for (Breakpoint b : new Breakpoint[] {new Breakpoint.StateEntered(state), new Breakpoint.StateExited(state)}) {
            items.add(item("Break: " + io.detectorstudio.app.gui.sim.SimulationTexts.describe(b), "mdi2b-bug", null,
                    () -> simulation.addBreakpoint(b)));
        }
        return items;
    }

    private void outlineMenu() {
        ContextMenu menu = outline.getContextMenu();
        menu.getItems().clear();
        TreeItem<String> item = outline.getSelectionModel().getSelectedItem();
        OutlineEntry entry = item == null ? null : outlineEntries.get(item);
        List<Breakpoint> choices = entry == null ? List.of() : entry.breakpoints();
        if (choices.isEmpty() || simulation == null) {
            return;
        }
        for (Breakpoint b : choices) {
            menu.getItems().add(item("Break: " + io.detectorstudio.app.gui.sim.SimulationTexts.describe(b),
                    "mdi2b-bug", null, () -> simulation.addBreakpoint(b)));
        }
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

    /** True when the current model may be replaced: nothing unsaved, or the user chose to save or discard. */
    boolean confirmClose() {
        ModelWorkspace w = workspace.get();
        if (w == null || !w.dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType("Save");
        ButtonType discard = new ButtonType("Discard");
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText(w.name() + " has unsaved changes");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            return save();
        }
        if (answer == discard) {
            discardRecovery(w);
            return true;
        }
        return false;
    }

    /** The window closes: remember its layout, stop the timers, forget a clean model's recovery copy. */
    void closing() {
        windowState.save(stage);
        autosave.stop();
        if (simulation != null) {
            simulation.stop();
        }
        ModelWorkspace w = workspace.get();
        if (w != null) {
            discardRecovery(w);
        }
    }

    // ---------------------------------------------------------------- save, export, recovery

    boolean save() {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            return false;
        }
        if (w.file() == null || !isRequestFile(w)) {
            return saveAsDialog();
        }
        return saveTo(w.file());
    }

    /** A file we can save over as request JSON (CloudFormation and exports are exported, not overwritten). */
    private static boolean isRequestFile(ModelWorkspace w) {
        String name = w.file().getFileName().toString().toLowerCase();
        return name.endsWith(".json") && w.document().modelBytes().length > 0 && !name.endsWith(".template.json");
    }

    private boolean saveAsDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the model as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Model (request JSON)", "*.json"));
        ModelWorkspace w = workspace.get();
        chooser.setInitialFileName(w == null ? "model.json" : w.name() + ".json");
        File file = SaveDialog.show(chooser, stage);
        return file != null && saveTo(file.toPath());
    }

    /** Saves model + layout atomically to {@code target}; the recovery copy goes. */
    boolean saveTo(Path target) {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            return false;
        }
        try {
            w.save(target, editor == null ? 1 : editor.zoomProperty().get());
            discardRecovery(w);
            recent.add(target, w.name());
            updateTitle();
            showProject(projectFiles != null && target.toAbsolutePath().startsWith(projectFiles.root())
                    ? projectFiles.root() : ProjectFiles.folderOf(target)); // new inputs, a first save
            return true;
        } catch (IOException e) {
            error("Cannot save " + target.getFileName(), e.getMessage());
            return false;
        }
    }

    private void exportDialog(ExportFormat format) {
        ModelWorkspace w = workspace.get();
        if (w == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(format.title());
        chooser.setInitialFileName(w.name() + "." + format.extension());
        File file = SaveDialog.show(chooser, stage);
        if (file != null) {
            export(format, file.toPath());
        }
    }

    /** Writes the export in the background (atomically). */
    Task<Path> export(ExportFormat format, Path target) {
        ModelWorkspace w = workspace.get();
        var graph = w.document().graphProperty().get();
        var model = w.model();
        return background("Exporting " + target.getFileName(), () -> {
            format.write(target, model, w.inputs(), graph);
            return target;
        }, p -> {
            progressLabel.setText("Exported " + p.getFileName());
            List<String> warnings = format.warnings(model);
            if (!warnings.isEmpty()) {
                Alert alert = new Alert(Alert.AlertType.WARNING, String.join("\n", warnings));
                alert.initOwner(stage);
                alert.setHeaderText("Exported " + p.getFileName() + ", but it cannot be deployed as it is");
                alert.show();
            }
        }, e -> error("Cannot export", e.getMessage()));
    }

    /** Writes the unsaved model to the recovery area (every 30 s while dirty). */
    void autosaveNow() {
        ModelWorkspace w = workspace.get();
        if (w == null || !w.dirtyProperty().get()) {
            return;
        }
        try {
            recovery.save(w.recoveryId(), w.file(), w.document().modelBytes(), Instant.now());
        } catch (IOException e) {
            progressLabel.setText("Autosave failed: " + e.getMessage());
        }
    }

    private void discardRecovery(ModelWorkspace w) {
        try {
            recovery.discard(w.recoveryId());
        } catch (IOException e) {
            progressLabel.setText("Cannot clear the recovery copy: " + e.getMessage());
        }
    }

    /** After a crash: offers the newest model left in the recovery area. */
    void offerRecovery() {
        List<RecoveryStore.Entry> left;
        try {
            left = recovery.leftovers();
        } catch (IOException e) {
            return;
        }
        if (left.isEmpty()) {
            return;
        }
        RecoveryStore.Entry newest = left.get(0);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.YES, ButtonType.NO);
        alert.initOwner(stage);
        alert.setTitle("Restore unsaved work");
        alert.setHeaderText("Detector Studio did not close cleanly");
        alert.setContentText("Unsaved changes to " + (newest.original() == null ? "an untitled model"
                : newest.original().getFileName()) + " from " + newest.savedAt() + " were kept. Restore them?");
        alert.showAndWait().ifPresent(answer -> {
            if (answer == ButtonType.YES) {
                restore(newest);
            } else {
                left.forEach(e -> {
                    try {
                        recovery.discard(e.id());
                    } catch (IOException ignored) {
                        // it stays for next time
                    }
                });
            }
        });
    }

    /** Opens a recovered model (unsaved, belonging to its original file); the entry is removed once shown. */
    Task<ModelWorkspace> restore(RecoveryStore.Entry entry) {
        return background("Restoring", () -> ModelWorkspace.fromBytes(entry.original(), entry.bytes()), w -> {
            show(w);
            try {
                recovery.discard(entry.id());
            } catch (IOException e) {
                progressLabel.setText("Cannot clear the recovery copy: " + e.getMessage());
            }
        }, e -> cannotOpen(entry.content(), e));
    }

    private void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.show();
    }

    // ---------------------------------------------------------------- scenarios and traces

    private void saveScenarioDialog() {
        ModelWorkspace w = workspace.get();
        if (w == null || simulation == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the session as a scenario");
        if (w.file() != null) {
            Path dir = w.file().toAbsolutePath().getParent().resolve("scenarios");
            chooser.setInitialDirectory((Files.isDirectory(dir) ? dir : w.file().toAbsolutePath().getParent()).toFile());
        }
        chooser.setInitialFileName("session.scenario.json");
        File file = SaveDialog.show(chooser, stage);
        if (file != null) {
            saveScenario(file.toPath());
        }
    }

    /** Saves the simulation's history as a scenario file next to the model (model referenced by relative path). */
    void saveScenario(Path target) {
        ModelWorkspace w = workspace.get();
        try {
            String name = target.getFileName().toString().replaceFirst("\\.scenario\\.json$|\\.json$", "");
            simulation.saveScenario(target, w.dirtyProperty().get() ? null : w.file(), w.projectModelFiles(), name);
            if (projectFiles != null) {
                showProject(projectFiles.root());
            }
        } catch (IOException e) {
            error("Cannot save the scenario", e.getMessage());
        }
    }

    private void runScenarios() {
        bottom.getSelectionModel().select(resultsTab);
        results.run(projectFiles == null ? List.of() : projectFiles.scenarios());
    }

    /** Queues a scenario's inputs in a fresh session: Step / Continue walk through it, breakpoints stop it. */
    private void stepThroughScenario(Path file) {
        restartSimulation();
        simulation.model().loadScenario(file, message -> error("Cannot read " + file.getFileName(), message));
        bottom.getSelectionModel().select(simulationTab);
    }

    /** Re-drives a fresh session from a trace file (read and replayed off the FX thread: traces can be long). */
    private void replayTrace(Path file) {
        if (simulation == null) {
            return;
        }
        restartSimulation();
        simulation.model().replayTrace(file, () -> bottom.getSelectionModel().select(traceTab),
                message -> error("Cannot replay " + file.getFileName(), message));
    }
}
