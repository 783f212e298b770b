package io.detectorstudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module directions of DEVELOPERS.md true: engine ← simulator, engine ← editor,
 * engine ← delivery, all ← app. */
class ModuleDirectionsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.detectorstudio");
    }

    @Test
    void engineNeverTouchesJavaFxOrUpperModules() {
        noClasses().that().resideInAPackage("io.detectorstudio.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.detectorstudio.simulator..", "io.detectorstudio.editor..",
                        "io.detectorstudio.app..", "io.detectorstudio.server..")
                .check(classes);
    }

    @Test
    void simulatorNeverTouchesJavaFxEditorOrApp() {
        noClasses().that().resideInAPackage("io.detectorstudio.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.detectorstudio.editor..", "io.detectorstudio.app..")
                .check(classes);
    }

    @Test
    void deliveryUsesTheEngineOnly() {
        noClasses().that().resideInAPackage("io.detectorstudio.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.detectorstudio.simulator..", "io.detectorstudio.editor..",
                        "io.detectorstudio.app..")
                .check(classes);
    }

    @Test
    void noneButAppAndServerUseDelivery() {
        noClasses().that().resideInAnyPackage("io.detectorstudio.engine..", "io.detectorstudio.simulator..",
                        "io.detectorstudio.editor..")
                .should().dependOnClassesThat().resideInAPackage("io.detectorstudio.delivery..")
                .check(classes);
    }

    @Test
    void editorNeverTouchesSimulatorOrApp() {
        noClasses().that().resideInAPackage("io.detectorstudio.editor..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.detectorstudio.simulator..", "io.detectorstudio.app..")
                .check(classes);
    }

    @Test
    void serverNeverTouchesJavaFxOrOtherModules() {
        noClasses().that().resideInAPackage("io.detectorstudio.server..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.detectorstudio.simulator..", "io.detectorstudio.editor..",
                        "io.detectorstudio.app..")
                .check(classes);
    }

    @Test
    void commandLineNeverLinksJavaFx() {
        noClasses().that().resideInAPackage("io.detectorstudio.app.cli..")
                .or().haveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.detectorstudio.editor..")
                .check(classes);
    }

    @Test
    void workbenchViewModelsNeedNoToolkit() {
        noClasses().that().resideInAPackage("io.detectorstudio.app.gui")
                .and().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleNameStartingWith("ModelChecks")
                .or().haveSimpleNameStartingWith("RecoveryCommands")
                .or().haveSimpleNameStartingWith("ModelOpening")
                .or().haveSimpleNameStartingWith("LatestResults")
                .or().haveSimpleNameStartingWith("BackgroundWork")
                .or().haveSimpleNameStartingWith("WorkbenchDialogs")
                .or().haveSimpleNameStartingWith("SynchronousWork")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.animation..", "javafx.concurrent..")
                .check(classes);
    }

    @Test
    void simulationViewModelsNeedNoToolkit() {
        noClasses().that().resideInAPackage("io.detectorstudio.app.gui.sim")
                .and().haveSimpleNameStartingWith("SimulationViewModel")
                .or().haveSimpleNameStartingWith("SessionOwner")
                .or().haveSimpleNameStartingWith("SessionMirror")
                .or().haveSimpleNameStartingWith("SimulationRuns")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.animation..", "javafx.concurrent..")
                .check(classes);
    }
}
