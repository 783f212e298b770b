package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ExportFormat;
import io.detectorstudio.app.gui.files.ModelTemplates;
import io.detectorstudio.app.gui.files.RecentFiles;
import io.detectorstudio.app.gui.files.RecoveryStore;
import io.detectorstudio.app.gui.files.Samples;
import io.detectorstudio.app.gui.sim.ScenarioResultsView;
import io.detectorstudio.app.gui.sim.SimulationPane;
import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.diagram.DiagramSelection;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.editor.properties.PropertiesPane;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window, composed of thin views over {@link WorkbenchViewModel}: menu bar and toolbar from the action
 * table ({@link WorkbenchActions}); on the left the project ({@link ProjectTreeView}) and the outline
 * ({@link OutlineView}); the diagram in the centre (the start page when nothing is open); the properties on the
 * right; at the bottom Problems ({@link ProblemsView}) and the simulation's tabs ({@link SimulationDock}); a status
 * line with a progress bar while file work runs. Unsaved models are written to the recovery area every 30 s.
 */
final class MainWindow {

    static final Duration AUTOSAVE = Duration.seconds(30);
    /** File work (open, save, export, scans) and model checks, shared by the windows of the application. */
    private static final BackgroundWork FILES = FxBackgroundWork.pool("workbench");
    private static final BackgroundWork CHECKS = FxBackgroundWork.serial("model-check");

    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final BorderPane propertiesHolder = new BorderPane(new Label("  No model open"));
    private final TabPane bottom = new TabPane();
    private final WindowState windowState;
    private final RecentFiles recent;
    private final WorkbenchViewModel vm;
    private final SimulationDock sim;
    private final WorkbenchActions actions;
    private final ProjectTreeView project;
    private final ProblemsView problems;
    private final OutlineView outline;
    private final Timeline autosave;
    private final PauseTransition typingPause = new PauseTransition(Duration.millis(250));
    private DiagramEditorPane editor;
    private PropertiesPane properties;
    private Themes theme;

    MainWindow(Stage stage, Preferences prefs, RecoveryStore recovery) {
        this.stage = stage;
        this.windowState = new WindowState(prefs);
        this.recent = new RecentFiles(prefs);
        this.theme = Themes.named(windowState.get("theme", "LIGHT"));
        WorkbenchDialogs dialogs = new FxWorkbenchDialogs(stage);
        this.vm = new WorkbenchViewModel(FILES, CHECKS, dialogs, recent, recovery);
        // the window's own lane for its simulation session (one run at a time; its thread ends when idle)
        this.sim = new SimulationDock(vm, dialogs, () -> editor, FxBackgroundWork.serial("simulation"));
        this.actions = new WorkbenchActions(vm, this, sim);
        this.project = new ProjectTreeView(vm.project(), actions);
        this.problems = new ProblemsView(vm.problems());
        this.outline = new OutlineView(this::outlineSelected, sim::breakpointItems);
        stage.titleProperty().bind(vm.titleProperty());
        vm.problems().onReveal(this::reveal);
        vm.project().onActivate(vm::open, sim::stepThroughScenario, sim::replayTrace);
        vm.checks().onTypingChecked(this::underlineTyped);
        vm.workspaceProperty().addListener((obs, old, opened) -> showModel(opened));

        Tab problemsTab = new Tab("Problems", problems.table());
        bottom.getTabs().add(problemsTab);
        bottom.getTabs().addAll(sim.tabs());
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottom.setId("bottom-tabs");
        root.setTop(new VBox(MainMenuBar.of(actions), MainToolBar.of(actions)));
        root.setCenter(layout());
        root.setBottom(statusLine());
        showStartPage();
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                vm.open(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(true);
        });
        typingPause.setOnFinished(e -> vm.checks().checkTyping());
        autosave = new Timeline(new KeyFrame(AUTOSAVE, e -> vm.recovery().autosaveNow()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    private Node layout() {
        SplitPane left = new SplitPane(titled("Project", project.tree()), titled("Outline", outline.tree()));
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
        return vertical;
    }

    private Node statusLine() {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.setPrefWidth(160);
        Label progressLabel = new Label();
        progressLabel.textProperty().bind(vm.statusProperty());
        HBox status = new HBox(8, progress, progressLabel);
        status.setPadding(new Insets(2, 8, 2, 8));
        return status;
    }

    private static Node titled(String title, Node content) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 3 6 3 6;");
        VBox box = new VBox(l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setMinHeight(90); // a header and a few rows, whatever the divider says
        return box;
    }

    // ---------------------------------------------------------------- accessors (tests, application, actions)

    Parent root() {
        return root;
    }

    Stage stage() {
        return stage;
    }

    WindowState windowState() {
        return windowState;
    }

    Themes theme() {
        return theme;
    }

    WorkbenchViewModel viewModel() {
        return vm;
    }

    WorkbenchActions actions() {
        return actions;
    }

    ReadOnlyObjectProperty<ModelWorkspace> workspaceProperty() {
        return vm.workspaceProperty();
    }

    TableView<Diagnostic> problemsTable() {
        return problems.table();
    }

    TreeView<String> outlineTree() {
        return outline.tree();
    }

    TreeView<Path> projectTree() {
        return project.tree();
    }

    DiagramEditorPane editor() {
        return editor;
    }

    SimulationPane simulation() {
        return sim.simulationProperty().get();
    }

    ScenarioResultsView results() {
        return sim.results();
    }

    TabPane bottomTabs() {
        return bottom;
    }

    // ---------------------------------------------------------------- commands (the view model's, for tests)

    BackgroundWork.Job open(Path file) {
        return vm.open(file);
    }

    BackgroundWork.Job newFromTemplate(ModelTemplates template) {
        return vm.newFromTemplate(template);
    }

    BackgroundWork.Job reopenWithParameters(Map<String, String> parameters) {
        return vm.reopenWithParameters(parameters);
    }

    BackgroundWork.Job save() {
        return vm.save();
    }

    BackgroundWork.Job export(ExportFormat format, Path target) {
        return vm.export(format, target);
    }

    void saveScenario(Path target) {
        sim.saveScenario(target);
    }

    void offerRecovery() {
        vm.recovery().offer();
    }

    // ---------------------------------------------------------------- window actions

    void withEditor(Consumer<DiagramEditorPane> action) {
        if (editor != null) {
            action.accept(editor);
        }
    }

    void selectBottomTab(int index) {
        bottom.getSelectionModel().select(index);
    }

    void toggleTheme() {
        theme = theme == Themes.LIGHT ? Themes.DARK : Themes.LIGHT;
        theme.apply();
        windowState.put("theme", theme.name());
        if (editor != null) {
            editor.paletteProperty().set(theme.diagramPalette());
        }
    }

    void showStartPage() {
        List<Samples.Sample> samples = new ArrayList<>();
        Samples.locate().ifPresent(dir -> {
            try {
                samples.addAll(Samples.list(dir));
            } catch (IOException e) {
                vm.statusProperty().set("Cannot list the samples in " + dir + ": " + e.getMessage());
            }
        });
        centre.getChildren().setAll(new StartPage(recent.list(), samples, vm::open, vm::newFromTemplate));
    }

    /** File ▸ Quit, or the window's close button: once unsaved changes are saved or discarded, the window closes. */
    void quit() {
        vm.whenClosable(() -> {
            closing();
            stage.close();
        });
    }

    /** True when the window may close at once (nothing unsaved); else {@link #quit} asks first. */
    boolean canCloseNow() {
        return !vm.isDirty();
    }

    /** The window closes: remember its layout, stop the timers, forget a clean model's recovery copy. */
    void closing() {
        windowState.save(stage);
        autosave.stop();
        sim.stop();
        vm.closing();
    }

    // ---------------------------------------------------------------- the open model

    private void showModel(ModelWorkspace opened) {
        sim.modelReplaced();
        editor = new DiagramEditorPane(opened.document());
        editor.setStateMenu(sim::stateBreakpoints);
        editor.paletteProperty().set(theme.diagramPalette());
        vm.zoomProperty().bind(editor.zoomProperty());
        centre.getChildren().setAll(editor);
        properties = new PropertiesPane(opened.document());
        properties.follow(editor.selectionProperty());
        propertiesHolder.setCenter(properties);
        outline.show(opened.document().model());
        opened.document().modelProperty().addListener((obs, old, now) -> {
            outline.show(now);
            sim.modelEdited();
        });
        opened.document().draftProperty().addListener((obs, old, now) -> {
            if (now != null) {
                typingPause.playFromStart();
            }
        });
        opened.document().inputsProperty().addListener((obs, old, now) -> sim.modelEdited());
        sim.restartSimulation();
        // fit once the editor has its real size (it has none until the next layout pass)
        DiagramEditorPane shown = editor;
        Platform.runLater(() -> {
            root.layout();
            shown.fitToWindow();
        });
    }

    /**
     * Takes the user to a problem: selects its state in the diagram, opens its event, action, state or model in the
     * properties, and for a condition puts the caret where the engine's check of that text finds the same problem.
     */
    void reveal(Diagnostic problem) {
        ModelWorkspace w = vm.workspaceProperty().get();
        if (w == null || editor == null || properties == null) {
            return;
        }
        ProblemLocation.of(problem.path(), w.document().model()).ifPresent(where -> {
            if (where.stateName() != null) {
                editor.select(DiagramSelection.ofStates(Set.of(where.stateName())));
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

    /** The newest check of what is typed: the focused expression field underlines its own problems. */
    private void underlineTyped(TypingCheck.Result result) {
        Node focused = stage.getScene() == null ? null : stage.getScene().getFocusOwner();
        while (focused != null && !(focused instanceof ExpressionEditor)) {
            focused = focused.getParent();
        }
        if (focused instanceof ExpressionEditor field && result.fieldText() != null) {
            field.showCheckedProblems(result.fieldText(), result.fieldProblems());
        }
    }

    /** Selecting a line of the outline selects its state or transition in the diagram and opens its properties. */
    private void outlineSelected(OutlineEntry entry) {
        if (editor != null && properties != null) {
            editor.select(entry.selection());
            properties.show(entry.target());
        }
    }
}
