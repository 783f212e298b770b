package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.sim.ScenarioResultsView;
import io.detectorstudio.app.gui.sim.SimulationTexts;
import io.detectorstudio.app.gui.sim.SimulationPane;
import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.diagram.DiagramHighlight;
import io.detectorstudio.simulator.session.Breakpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.util.Duration;

/**
 * The simulation's place in the window (moved as it was out of the main window): the Simulation, Trace and
 * Scenario results tabs, a fresh {@link SimulationPane} per model (and after edits, carrying the session over),
 * scenarios stepped through, traces replayed, sessions saved as scenarios, breakpoint menu entries.
 */
final class SimulationDock {

    private final WorkbenchViewModel vm;
    private final WorkbenchDialogs dialogs;
    private final Supplier<DiagramEditorPane> editor;
    private final BackgroundWork runs;
    private final Tab simulationTab = new Tab("Simulation");
    private final Tab traceTab = new Tab("Trace");
    private final Tab resultsTab = new Tab("Scenario results");
    private final Label traceHint = new Label("  The trace of the simulation appears here");
    private final ScenarioResultsView results;
    private final ReadOnlyObjectWrapper<SimulationPane> simulation = new ReadOnlyObjectWrapper<>();
    private final PauseTransition followsEdits = new PauseTransition(Duration.millis(400));
    /** Once a simulation has started and the window is idle, its trace view's skins are made (see prepareTraceView). */
    private final PauseTransition preparesTrace = new PauseTransition(Duration.millis(500));

    /** @param runs the window's serial lane for the simulation session's runs */
    SimulationDock(WorkbenchViewModel vm, WorkbenchDialogs dialogs, Supplier<DiagramEditorPane> editor,
                   BackgroundWork runs) {
        this.vm = vm;
        this.runs = runs;
        this.dialogs = dialogs;
        this.editor = editor;
        this.results = new ScenarioResultsView(() -> vm.project().scenarios());
        simulationTab.setContent(new Label("  Open a model to simulate it"));
        traceTab.setContent(traceHint);
        traceTab.selectedProperty().addListener((obs, was, selected) -> showTrace());
        resultsTab.setContent(results);
        followsEdits.setOnFinished(e -> carrySimulationOver());
        preparesTrace.setOnFinished(e -> prepareTraceView());
    }

    List<Tab> tabs() {
        return List.of(simulationTab, traceTab, resultsTab);
    }

    ReadOnlyObjectProperty<SimulationPane> simulationProperty() {
        return simulation.getReadOnlyProperty();
    }

    ScenarioResultsView results() {
        return results;
    }

    /** A model was edited: once edits pause the simulation follows ({@link #carrySimulationOver}). */
    void modelEdited() {
        followsEdits.playFromStart();
    }

    /** Another model is shown: the pending carry-over and the old session stop. */
    void modelReplaced() {
        followsEdits.stop();
        stop();
    }

    void stop() {
        if (simulation.get() != null) {
            simulation.get().stop();
        }
    }

    private void select(Tab tab) {
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
    }

    void withSimulation(Consumer<SimulationPane> action) {
        if (simulation.get() != null) {
            select(simulationTab);
            action.accept(simulation.get());
        }
    }

    /** Starts a new simulation session on the current model (after edits, Ctrl+R). */
    void restartSimulation() {
        ModelWorkspace w = vm.workspaceProperty().get();
        if (w == null) {
            return;
        }
        stop();
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        SimulationPane pane = new SimulationPane(w.model().request(), w.projectModels(), w.document().model(),
                w.inputDefinitions(), start, runs);
        simulation.set(pane);
        simulationTab.setContent(pane);
        showTrace();
        preparesTrace.playFromStart();
        DiagramEditorPane target = editor.get();
        pane.highlightProperty().addListener((obs, old, h) -> target.highlightProperty().set(h));
        target.highlightProperty().set(DiagramHighlight.NONE);
    }

    /**
     * Makes the trace view's skins before its first showing: the view goes into its hidden tab for a few pulses,
     * which style and lay it out, and out again. That first showing made them and the first rows in one pulse:
     * 35–100 ms of the FX thread on a 2-core machine, about a third of it the skins.
     */
    private void prepareTraceView() {
        SimulationPane pane = simulation.get();
        if (pane == null || traceTab.isSelected() || pane.traceView().getSkin() != null) {
            return;
        }
        traceTab.setContent(pane.traceView());
        PauseTransition styled = new PauseTransition(Duration.millis(200));
        styled.setOnFinished(e -> showTrace());
        styled.play();
    }

    /**
     * The trace view is in the window only while its tab is selected. A tab pane keeps its other tabs' content in
     * the scene graph, hidden but still styled and laid out: the trace table made and refilled its rows on every
     * update of a run nobody saw (its first rows were most of the longest pause of a replay's first second). Out of
     * the scene its table keeps its items, selection and scroll position.
     */
    private void showTrace() {
        SimulationPane pane = simulation.get();
        traceTab.setContent(pane != null && traceTab.isSelected() ? pane.traceView() : traceHint);
    }

    /**
     * After an edit (a burst of them: once typing pauses) the simulation restarts on the edited model and replays
     * what it was sent ({@link SimulationCarryOver}); the status lines say so.
     */
    private void carrySimulationOver() {
        SimulationPane previous = simulation.get();
        if (vm.workspaceProperty().get() == null || previous == null) {
            return;
        }
        SimulationCarryOver.Outcome outcome;
        if (SimulationCarryOver.canReplay(previous.model().session())) {
            restartSimulation();
            SimulationPane fresh = simulation.get();
            outcome = SimulationCarryOver.replay(previous.model().session(), fresh.model().session(),
                    fresh::addBreakpoint);
            fresh.model().refresh();
            fresh.model().statusProperty().set(outcome.notice());
        } else {
            outcome = new SimulationCarryOver.Outcome(false, 0);
            previous.model().statusProperty().set(outcome.notice());
        }
        vm.statusProperty().set(outcome.notice());
    }

    /** Menu entries that set breakpoints (a state's in the diagram, an outline line's). */
    List<MenuItem> breakpointItems(List<Breakpoint> choices) {
        List<MenuItem> items = new ArrayList<>();
        if (simulation.get() == null) {
            return items;
        }
        for (Breakpoint b : choices) {
            String text = "Break: " + SimulationTexts.describe(b);
            items.add(new StudioAction("break", text, "mdi2b-bug", null, StudioAction.ALWAYS, text,
                    () -> simulation.get().addBreakpoint(b)).menuItem());
        }
        return items;
    }

    /** Right-click on a state in the diagram while simulating: break on entering or leaving it. */
    List<MenuItem> stateBreakpoints(String state) {
        return breakpointItems(List.of(new Breakpoint.StateEntered(state), new Breakpoint.StateExited(state)));
    }

    void saveScenarioDialog() {
        ModelWorkspace w = vm.workspaceProperty().get();
        if (w == null || simulation.get() == null) {
            return;
        }
        Path folder = null;
        if (w.file() != null) {
            Path dir = w.file().toAbsolutePath().getParent().resolve("scenarios");
            folder = Files.isDirectory(dir) ? dir : w.file().toAbsolutePath().getParent();
        }
        dialogs.chooseSaveTarget(new WorkbenchDialogs.SaveQuestion("Save the session as a scenario",
                "session.scenario.json", folder, null, null)).ifPresent(this::saveScenario);
    }

    /** Saves the simulation's history as a scenario file next to the model (model referenced by relative path). */
    void saveScenario(Path target) {
        ModelWorkspace w = vm.workspaceProperty().get();
        try {
            String name = target.getFileName().toString().replaceFirst("\\.scenario\\.json$|\\.json$", "");
            simulation.get().saveScenario(target, w.dirtyProperty().get() ? null : w.file(), w.projectModelFiles(),
                    name);
            vm.rescanProject();
        } catch (IOException e) {
            dialogs.error("Cannot save the scenario", e.getMessage());
        }
    }

    void runScenarios() {
        select(resultsTab);
        results.run(vm.project().scenarios());
    }

    /** Queues a scenario's inputs in a fresh session: Step / Continue walk through it, breakpoints stop it. */
    void stepThroughScenario(Path file) {
        restartSimulation();
        simulation.get().model().loadScenario(file,
                message -> dialogs.error("Cannot read " + file.getFileName(), message));
        select(simulationTab);
    }

    /** Re-drives a fresh session from a trace file (read and replayed off the FX thread: traces can be long). */
    void replayTrace(Path file) {
        if (simulation.get() == null) {
            return;
        }
        restartSimulation();
        simulation.get().model().replayTrace(file, () -> select(traceTab),
                message -> dialogs.error("Cannot replay " + file.getFileName(), message));
    }
}
