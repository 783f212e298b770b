package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.files.ExportFormat;
import io.detectorstudio.app.gui.files.ModelTemplates;
import io.detectorstudio.app.gui.files.RecentFiles;
import io.detectorstudio.app.gui.files.RecoveryStore;
import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.layout.LayoutSidecar;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.model.Attribute;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.TransitionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's view models without a toolkit: synchronous (or queued) background work, scripted dialogs. */
class WorkbenchViewModelTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    private final Preferences prefs = TestPrefs.fresh();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private RecoveryStore recovery;
    private WorkbenchViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        recovery = new RecoveryStore(Files.createDirectories(dir.resolve("recovery")));
        vm = workbench(new SynchronousWork());
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    private WorkbenchViewModel workbench(BackgroundWork checks) {
        return new WorkbenchViewModel(new SynchronousWork(), checks, dialogs, new RecentFiles(prefs), recovery);
    }

    private Path motorCopy() throws Exception {
        Path project = Files.createDirectories(dir.resolve("motor"));
        Files.copy(SAMPLES.resolve("motor/model.json"), project.resolve("model.json"));
        Files.copy(SAMPLES.resolve("motor/model.layout.json"), project.resolve("model.layout.json"));
        Files.createDirectories(project.resolve("inputs"));
        Files.copy(SAMPLES.resolve("motor/inputs/PressureInput.json"), project.resolve("inputs/PressureInput.json"));
        return project.resolve("model.json");
    }

    /** Sets the Normal → Overpressurized condition (one undoable edit). */
    private static void setCondition(ModelWorkspace w, String condition) {
        w.document().edit("Condition", m -> EventRef.ofTransition(m, "Normal", "Overpressurized").orElseThrow()
                .update(m, e -> ((TransitionEvent) e).withCondition(condition)));
    }

    private static boolean hasExpressionError(List<Diagnostic> problems) {
        return problems.stream().anyMatch(d -> d.code().startsWith("DS-EXPR") && d.isError());
    }

    // ---------------------------------------------------------------- open

    @Test
    void openingAModelShowsItsProblemsTitleAndProject() {
        vm.open(SAMPLES.resolve("motor/model.json"));
        assertThat(vm.workspaceProperty().get().name()).isEqualTo("motorDetectorModel");
        assertThat(vm.titleProperty().get()).isEqualTo("motorDetectorModel — model.json — Detector Studio");
        assertThat(vm.project().groups()).extracting(ProjectTreeViewModel.Group::title)
                .containsExactly("Models (1)", "Inputs (1)", "Scenarios (2)", "Traces (0)");
        assertThat(vm.project().openModelProperty().get())
                .isEqualTo(SAMPLES.resolve("motor/model.json").toAbsolutePath());
        assertThat(vm.problems().problems()).noneMatch(Diagnostic::isError);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void openingAFolderOpensItsModelAndShowsTheFolderAsTheProject() {
        vm.open(SAMPLES.resolve("motor"));
        assertThat(vm.workspaceProperty().get().file().getFileName().toString()).isEqualTo("model.json");
        assertThat(vm.project().root()).isEqualTo(SAMPLES.resolve("motor").toAbsolutePath());
    }

    @Test
    void anUnreadableFileSaysWhyAndLeavesTheOpenModel() throws Exception {
        vm.open(SAMPLES.resolve("motor/model.json"));
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "{\"detectorModelDefinition\": {");
        vm.open(corrupt);
        assertThat(dialogs.shown).singleElement().asString().startsWith("cannot open corrupt.json");
        assertThat(vm.workspaceProperty().get().name()).isEqualTo("motorDetectorModel");
    }

    @Test
    void cancellingTheUnsavedQuestionWhenOpeningAFolderKeepsTheModelAndItsProjectTree() throws Exception {
        vm.open(motorCopy());
        Path tree = vm.project().root();
        vm.workspaceProperty().get().document().renameState("Normal", "Calm");
        dialogs.closeAnswer = WorkbenchDialogs.CloseAnswer.CANCEL;
        vm.open(SAMPLES.resolve("isa-alarm"));
        assertThat(dialogs.asked).containsExactly("unsaved: motorDetectorModel");
        assertThat(vm.workspaceProperty().get().document().model().toString()).contains("Calm");
        assertThat(vm.project().root()).isEqualTo(tree);
    }

    @Test
    void discardingTheUnsavedChangesOpensTheOtherFolder() throws Exception {
        vm.open(motorCopy());
        vm.workspaceProperty().get().document().renameState("Normal", "Calm");
        dialogs.closeAnswer = WorkbenchDialogs.CloseAnswer.DISCARD;
        vm.open(SAMPLES.resolve("isa-alarm"));
        assertThat(vm.project().root()).isEqualTo(SAMPLES.resolve("isa-alarm").toAbsolutePath());
        assertThat(vm.isDirty()).isFalse();
    }

    // ---------------------------------------------------------------- project model selection

    @Test
    void activatingAnotherModelOfTheProjectOpensItAndTheTreeStays() {
        Path pumpStation = SAMPLES.resolve("pump-station").toAbsolutePath();
        List<Path> scenarios = new ArrayList<>();
        vm.project().onActivate(vm::open, scenarios::add, p -> { });
        vm.open(pumpStation);
        Path first = vm.workspaceProperty().get().file().toAbsolutePath();
        assertThat(vm.project().openModelProperty().get()).isEqualTo(first);
        Path other = vm.project().filesProperty().get().models().stream()
                .filter(p -> !p.toAbsolutePath().equals(first)).findFirst().orElseThrow();

        vm.project().activate(other);
        assertThat(vm.workspaceProperty().get().file()).isEqualTo(other);
        assertThat(vm.project().openModelProperty().get()).isEqualTo(other.toAbsolutePath());
        assertThat(vm.project().root()).isEqualTo(pumpStation);

        vm.project().activate(vm.project().scenarios().get(0));
        assertThat(scenarios).containsExactly(vm.project().scenarios().get(0));
        vm.project().activate(pumpStation.resolve("inputs/PumpReading.json"));
        assertThat(vm.workspaceProperty().get().file()).as("an input opens with its model").isEqualTo(other);
    }

    // ---------------------------------------------------------------- save, export

    @Test
    void savingWritesTheModelMarksItSavedAndRescansTheProject() throws Exception {
        Path model = motorCopy();
        vm.open(model);
        vm.workspaceProperty().get().document().renameState("Normal", "Calm");
        assertThat(vm.titleProperty().get()).endsWith(" • — Detector Studio");
        vm.workspaceProperty().get().document().editInputs("Add an input", l -> {
            List<io.detectorstudio.engine.model.Input> more = new ArrayList<>(l);
            more.add(new io.detectorstudio.engine.model.Input("TemperatureInput", null,
                    List.of(new io.detectorstudio.engine.model.Attribute("t")), List.of()));
            return more;
        });

        vm.save();
        assertThat(Files.readString(model)).contains("\"Calm\"");
        assertThat(model.resolveSibling("model.layout.json")).exists();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.titleProperty().get()).isEqualTo("motorDetectorModel — model.json — Detector Studio");
        assertThat(vm.project().groups()).extracting(ProjectTreeViewModel.Group::title).contains("Inputs (2)");
    }

    @Test
    void anUntitledModelAsksWhereToSave() {
        vm.newFromTemplate(ModelTemplates.EMPTY);
        assertThat(vm.project().filesProperty().get()).as("an untitled model has no project").isNull();
        dialogs.saveTarget = dir.resolve("new.json");
        vm.save();
        assertThat(dialogs.asked).singleElement().asString().startsWith("save: Save the model as");
        assertThat(dir.resolve("new.json")).exists();
        assertThat(vm.workspaceProperty().get().file()).isEqualTo(dir.resolve("new.json"));
        assertThat(vm.project().root()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void aFailedSaveSaysWhyAndTheModelStaysUnsaved() throws Exception {
        Path model = motorCopy();
        vm.open(model);
        vm.workspaceProperty().get().document().renameState("Normal", "Calm");
        Path blocked = Files.writeString(dir.resolve("file"), "not a folder");
        vm.saveTo(blocked.resolve("model.json"));
        assertThat(dialogs.shown).singleElement().asString().startsWith("Cannot save model.json");
        assertThat(vm.isDirty()).isTrue();
    }

    @Test
    void exportWritesTheFileAndWarnsWhenItCannotBeDeployedAsItIs() throws Exception {
        vm.open(SAMPLES.resolve("motor/model.json"));
        Path out = dir.resolve("motor.template.yaml");
        vm.export(ExportFormat.CLOUDFORMATION_YAML, out);
        assertThat(Files.readString(out)).contains("AWS::IoTEvents::DetectorModel", "motorDetectorModel");
        assertThat(vm.statusProperty().get()).isEqualTo("Exported motor.template.yaml");
    }

    // ---------------------------------------------------------------- validation scheduling

    @Test
    void anOlderCheckFinishingLastDoesNotOverwriteTheNewerEditsProblems() throws Exception {
        QueuedWork checks = new QueuedWork();
        vm = workbench(checks);
        vm.open(motorCopy());
        ModelWorkspace w = vm.workspaceProperty().get();
        setCondition(w, "$input.PressureInput.sensorData.pressure >"); // an error…
        setCondition(w, "$input.PressureInput.sensorData.pressure > 90"); // …fixed
        assertThat(checks.size()).isEqualTo(2);
        checks.finish(1); // the newer check finishes first
        checks.finish(0); // the older one comes in late
        assertThat(hasExpressionError(vm.problems().problems())).as("the fixed model's problems stay").isFalse();
    }

    @Test
    void aCheckSeesTheModelAsItWasWhenItWasAskedFor() throws Exception {
        QueuedWork checks = new QueuedWork();
        vm = workbench(checks);
        vm.open(motorCopy());
        ModelWorkspace w = vm.workspaceProperty().get();
        setCondition(w, "$input.PressureInput.sensorData.pressure >");
        ModelWorkspace.ModelCheck snapshot = w.currentCheck();
        setCondition(w, "$input.PressureInput.sensorData.pressure > 90");
        assertThat(hasExpressionError(snapshot.run())).as("the snapshot, not the document now").isTrue();
        assertThat(hasExpressionError(w.currentCheck().run())).isFalse();
        checks.finish(0);
        assertThat(vm.problems().problems()).as("a superseded check shows nothing").noneMatch(Diagnostic::isError);
        checks.finish(1);
        assertThat(hasExpressionError(vm.problems().problems())).isFalse();
    }

    @Test
    void anEditIntoAnErrorListsItAndChoosingItRevealsIt() throws Exception {
        vm.open(motorCopy());
        setCondition(vm.workspaceProperty().get(), "$input.PressureInput.sensorData.pressure >");
        assertThat(hasExpressionError(vm.problems().problems())).isTrue();
        List<Diagnostic> revealed = new ArrayList<>();
        vm.problems().onReveal(revealed::add);
        Diagnostic first = vm.problems().problems().get(0);
        vm.problems().choose(first);
        vm.problems().choose(null);
        assertThat(revealed).containsExactly(first);
    }

    // ---------------------------------------------------------------- autosave and recovery

    @Test
    void autosaveKeepsUnsavedWorkWhichIsOfferedAfterACrashAndGoesOnceSaved() throws Exception {
        Path model = motorCopy();
        vm.open(model);
        assertThat(vm.recovery().autosaveNow()).as("nothing unsaved: nothing written").isNull();
        vm.workspaceProperty().get().document().renameState("Normal", "Calm");
        vm.recovery().autosaveNow();
        assertThat(recovery.leftovers()).singleElement().satisfies(e -> {
            assertThat(e.original()).isEqualTo(model);
            assertThat(new String(e.bytes())).contains("\"Calm\"");
        });

        WorkbenchViewModel afterCrash = workbench(new SynchronousWork());
        dialogs.restore = true;
        afterCrash.recovery().offer();
        assertThat(dialogs.asked).singleElement().asString().startsWith("restore: Unsaved changes to model.json");
        assertThat(afterCrash.workspaceProperty().get().document().model().toString()).contains("Calm");
        assertThat(afterCrash.isDirty()).as("restored work is unsaved").isTrue();
        assertThat(recovery.leftovers()).as("the restored copy is taken").isEmpty();

        afterCrash.recovery().autosaveNow();
        afterCrash.save();
        assertThat(recovery.leftovers()).isEmpty();
        assertThat(Files.readString(model)).contains("\"Calm\"");
    }

    @Test
    void inputDefinitionsMadeInTheGuiSurviveACrashAndAreSavedIntoTheInputsFolder() throws Exception {
        Path model = motorCopy();
        vm.open(model);
        vm.workspaceProperty().get().document().editInputs("Add input", inputs -> {
            List<Input> more = new ArrayList<>(inputs);
            more.add(new Input("TemperatureInput", null, List.of(new Attribute("sensorData.temperature")), List.of()));
            return more;
        });
        vm.recovery().autosaveNow();
        assertThat(recovery.leftovers()).singleElement().satisfies(e ->
                assertThat(new String(e.inputs().orElseThrow())).contains("TemperatureInput", "PressureInput"));

        WorkbenchViewModel afterCrash = workbench(new SynchronousWork());
        dialogs.restore = true;
        afterCrash.recovery().offer();
        assertThat(afterCrash.workspaceProperty().get().document().inputs()).extracting(Input::inputName)
                .containsExactly("PressureInput", "TemperatureInput");
        assertThat(afterCrash.isDirty()).isTrue();
        afterCrash.save();
        assertThat(model.resolveSibling("inputs/TemperatureInput.json")).content().contains("sensorData.temperature");
        assertThat(model.resolveSibling("inputs/PressureInput.json")).exists();
        assertThat(recovery.leftovers()).isEmpty();
    }

    @Test
    void stateMovesSurviveACrashAndTheSaveWritesThemIntoTheLayoutSidecar() throws Exception {
        Path model = motorCopy();
        vm.open(model);
        var document = vm.workspaceProperty().get().document();
        DiagramGraph before = document.graphProperty().get();
        Point moved = new Point(before.positions().get("Dangerous").x() + 321, before.positions().get("Dangerous").y() + 123);
        document.previewPositions(Map.of("Dangerous", moved)); // a drag, as the canvas does it
        document.commitMove("Move Dangerous", before);
        vm.recovery().autosaveNow();
        assertThat(recovery.leftovers()).singleElement().satisfies(e -> assertThat(e.layout()).isPresent());

        WorkbenchViewModel afterCrash = workbench(new SynchronousWork());
        dialogs.restore = true;
        afterCrash.recovery().offer();
        assertThat(afterCrash.workspaceProperty().get().document().graphProperty().get().positions())
                .containsEntry("Dangerous", moved);
        assertThat(afterCrash.isDirty()).isTrue();
        afterCrash.save();
        assertThat(LayoutSidecar.read(LayoutSidecar.sidecarFor(model)).orElseThrow().states())
                .containsEntry("Dangerous", moved);
        assertThat(recovery.leftovers()).isEmpty();
    }
}
