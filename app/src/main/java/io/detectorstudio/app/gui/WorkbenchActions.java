package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ExportFormat;
import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.diagram.DiagramKeys;
import io.detectorstudio.app.gui.sim.SimulationPane;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCombination;

/**
 * The action table: every user action of the main window declared once — id, text, icon, accelerator, when it is
 * enabled, what it does — and where it appears: {@link #MENUS} for {@link MainMenuBar}, {@link #TOOLBAR} for
 * {@link MainToolBar}; the keyboard shortcuts dialog lists the table. Accelerators are unique (a test checks).
 */
final class WorkbenchActions {

    /** A menu of the menu bar: its title and action ids, {@link #SEPARATOR}s and the {@link #EXPORT_MENU}. */
    record MenuSpec(String title, List<String> ids) {
    }

    static final String SEPARATOR = "-";
    /** Stands for the Export submenu: every {@code export-*} action. */
    static final String EXPORT_MENU = "export-menu";

    static final List<MenuSpec> MENUS = List.of(
            new MenuSpec("File", List.of("new", "open", "open-folder", SEPARATOR, "save", "save-as", EXPORT_MENU,
                    "template-parameters", SEPARATOR, "quit")),
            new MenuSpec("Edit", List.of("undo", "redo")),
            new MenuSpec("View", List.of("arrange", "fit", "actual-size", SEPARATOR, "theme", "start-page", SEPARATOR,
                    "tab-problems", "tab-simulation", "tab-trace", "tab-results")),
            new MenuSpec("Simulate", List.of("restart-simulation", "send", "advance", "next-timer", "step-back", "step",
                    "continue", SEPARATOR, "save-scenario", "run-scenarios")),
            new MenuSpec("Help", List.of("shortcuts")));

    static final List<String> TOOLBAR = List.of("new", "open", "save", exportId(ExportFormat.REQUEST_JSON),
            SEPARATOR, "undo", "redo", "arrange", "fit", SEPARATOR, "restart-simulation", "step-back", "step",
            "next-timer", "save-scenario", "run-scenarios", SEPARATOR, "theme", "shortcuts");

    private final Map<String, StudioAction> table = new LinkedHashMap<>();

    WorkbenchActions(WorkbenchViewModel vm, MainWindow window, SimulationDock sim) {
        ObservableValue<ModelWorkspace> open = vm.workspaceProperty();
        ObservableBooleanValue always = StudioAction.ALWAYS;
        ObservableBooleanValue model = vm.workspaceProperty().isNotNull();
        ObservableBooleanValue simulating = sim.simulationProperty().isNotNull();

        add("new", "New model…", "mdi2f-file-plus", "Shortcut+N", always, "New model from a template (start page)",
                window::showStartPage);
        add("open", "Open…", "mdi2f-folder-open", "Shortcut+O", always, "Open a model file", vm::openDialog);
        add("open-folder", "Open folder…", "mdi2f-folder", "Shortcut+Shift+O", always, "Open a folder as the project",
                vm::openFolderDialog);
        add("save", "Save", "mdi2c-content-save", "Shortcut+S", model, "Save the model and its layout", vm::save);
        add("save-as", "Save as…", "mdi2c-content-save-edit", "Shortcut+Shift+S", model, "Save as", vm::saveAs);
        for (ExportFormat f : ExportFormat.values()) {
            boolean main = f == ExportFormat.REQUEST_JSON;
            add(exportId(f), f.title() + "…", main ? "mdi2e-export" : null, main ? keys("Shortcut+E") : null, model,
                    "Export: " + f.title(), () -> vm.exportDialog(f));
        }
        add("template-parameters", "Template parameters…", null, (KeyCombination) null,
                flag(open.map(ModelWorkspace::isTemplate)), "Read the CloudFormation template with other parameters",
                vm::templateParameters);
        add("quit", "Quit", null, "Shortcut+Q", always, "Quit", window::quit);
        add("undo", "Undo", "mdi2u-undo", "Shortcut+Z", flag(open.flatMap(w -> w.document().commands()
                .canUndoProperty())), "Undo", () -> window.withEditor(DiagramEditorPane::undo));
        add("redo", "Redo", "mdi2r-redo", "Shortcut+Shift+Z", flag(open.flatMap(w -> w.document().commands()
                .canRedoProperty())), "Redo (also Shortcut+Y in the diagram)",
                () -> window.withEditor(DiagramEditorPane::redo));
        add("arrange", "Arrange", "mdi2s-sitemap", "Shortcut+L", model, "Arrange the diagram",
                () -> window.withEditor(DiagramEditorPane::arrange));
        add("fit", "Fit to window", "mdi2f-fit-to-page-outline", DiagramKeys.FIT, model,
                "Fit the diagram to the window", () -> window.withEditor(DiagramEditorPane::fitToWindow));
        add("actual-size", "Actual size", null, DiagramKeys.ACTUAL_SIZE, model, "Diagram at 100%",
                () -> window.withEditor(DiagramEditorPane::zoomTo100));
        add("theme", "Light / dark theme", "mdi2t-theme-light-dark", "Shortcut+Shift+D", always,
                "Switch light/dark theme", window::toggleTheme);
        add("start-page", "Start page", "mdi2h-home", "Shortcut+Shift+H", always, "Show the start page",
                window::showStartPage);
        String[] tabs = {"Problems", "Simulation", "Trace", "Scenario results"};
        String[] tabIds = {"problems", "simulation", "trace", "results"};
        for (int i = 0; i < tabs.length; i++) {
            int tab = i;
            add("tab-" + tabIds[i], tabs[i], null, "Shortcut+Shift+" + (i + 1), always, tabs[i] + " tab",
                    () -> window.selectBottomTab(tab));
        }
        add("restart-simulation", "Restart simulation", "mdi2p-play-circle", "Shortcut+R", model,
                "Restart the simulation on the current model", sim::restartSimulation);
        add("send", "Send message", "mdi2s-send", "Shortcut+Enter", simulating, "Send the message in the stepper",
                () -> sim.withSimulation(s -> s.stepper().send()));
        add("advance", "Advance time", "mdi2c-clock-fast", "Shortcut+T", simulating,
                "Advance virtual time by the duration", () -> sim.withSimulation(SimulationPane::advance));
        add("next-timer", "Run to next timer", "mdi2t-timer-outline", "Shortcut+Shift+T", simulating,
                "Run to the next timer", () -> sim.withSimulation(s -> s.model().runToNextTimer()));
        add("step-back", "Step back", "mdi2s-step-backward", "F7", simulating, "Step back one cycle",
                () -> sim.withSimulation(s -> s.model().stepBack()));
        add("step", "Step", "mdi2s-step-forward", "F8", simulating, "Step one cycle",
                () -> sim.withSimulation(s -> s.model().stepForward()));
        add("continue", "Continue", "mdi2p-playlist-play", "F9", simulating, "Continue to the next breakpoint",
                () -> sim.withSimulation(s -> s.model().resume()));
        add("save-scenario", "Save session as scenario…", "mdi2r-record-circle", "Shortcut+Shift+R", simulating,
                "Save the session as a scenario", sim::saveScenarioDialog);
        add("run-scenarios", "Run project scenarios", "mdi2t-test-tube", "Shortcut+Shift+U",
                vm.project().filesProperty().isNotNull(), "Run the project's scenarios", sim::runScenarios);
        add("shortcuts", "Keyboard shortcuts", "mdi2k-keyboard", "F1", always, "This list",
                () -> ShortcutsDialog.show(window.stage(), this));
    }

    static String exportId(ExportFormat format) {
        return "export-" + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static ObservableBooleanValue flag(ObservableValue<Boolean> value) {
        return BooleanExpression.booleanExpression(value);
    }

    private void add(String id, String text, String icon, String keys, ObservableBooleanValue enabled,
                     String description, Runnable handler) {
        add(id, text, icon, keys(keys), enabled, description, handler);
    }

    private static KeyCombination keys(String keys) {
        return KeyCombination.keyCombination(keys);
    }

    private void add(String id, String text, String icon, KeyCombination keys, ObservableBooleanValue enabled,
                     String description, Runnable handler) {
        if (table.put(id, new StudioAction(id, text, icon, keys, enabled, description, handler)) != null) {
            throw new IllegalStateException("two actions named " + id);
        }
    }

    StudioAction get(String id) {
        StudioAction action = table.get(id);
        if (action == null) {
            throw new IllegalArgumentException("no action " + id);
        }
        return action;
    }

    Collection<StudioAction> all() {
        return table.values();
    }

    /** The actions of the Export submenu. */
    List<StudioAction> exports() {
        List<StudioAction> out = new ArrayList<>();
        table.forEach((id, a) -> {
            if (id.startsWith("export-")) {
                out.add(a);
            }
        });
        return out;
    }
}
