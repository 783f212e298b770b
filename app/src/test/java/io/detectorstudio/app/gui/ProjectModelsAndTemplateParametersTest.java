package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.detectorstudio.app.gui.files.TemplateParameterText;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.scenario.ScenarioReader;
import io.detectorstudio.simulator.scenario.ScenarioResult;
import io.detectorstudio.simulator.scenario.ScenarioRunner;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 14 items 8 and 9, GUI part: template parameters given in the studio; the model chosen in the project tree. */
@ExtendWith(ApplicationExtension.class)
class ProjectModelsAndTemplateParametersTest {

    private MainWindow window;
    private final java.util.prefs.Preferences prefs = TestPrefs.fresh();

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, prefs, new io.detectorstudio.app.gui.files.RecoveryStore(
                Files.createTempDirectory("recovery")));
        stage.setScene(RealTheme.scene(window.root(), 1200, 800));
        stage.show();
    }

    private void await(BackgroundWork.Job task) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, task::isDone);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String shownModel() {
        return window.workspaceProperty().get().name();
    }

    @Test
    void item9TheDiagramShowsTheModelChosenInTheProjectTree(FxRobot robot) throws Exception {
        BackgroundWork.Job[] opening = new BackgroundWork.Job[1];
        robot.interact(() -> opening[0] = window.open(Path.of("..", "samples", "pump-station")));
        await(opening[0]);
        assertThat(shownModel()).isEqualTo("pumpModel");
        assertThat(robot.lookup("Overpressure").tryQuery()).isPresent();

        robot.doubleClickOn(robot.lookup((TreeCell<?> c) -> "station.json".equals(c.getText())).<TreeCell<?>>query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "stationModel".equals(shownModel()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().document().graphProperty().get().states())
                .extracting(s -> s.name()).containsExactlyInAnyOrder("Ok", "Critical");
        assertThat(robot.lookup("Critical").tryQuery()).isPresent();
        assertThat(robot.lookup("Overpressure").tryQuery()).isEmpty();

        robot.doubleClickOn(robot.lookup((TreeCell<?> c) -> "pump.json".equals(c.getText())).<TreeCell<?>>query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "pumpModel".equals(shownModel()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Overpressure").tryQuery()).isPresent();
    }

    @Test
    void item8TemplateParametersGivenInTheStudioReReadTheModelAndTheDefaultsLeftAreInProblems(FxRobot robot)
            throws Exception {
        Path template = SharedCorpus.resolve("corpus/originals/lorawan-soilmoisture__template.yaml");
        BackgroundWork.Job[] task = new BackgroundWork.Job[1];
        robot.interact(() -> task[0] = window.open(template));
        await(task[0]);
        assertThat(window.workspaceProperty().get().isTemplate()).isTrue();
        assertThat(defaultsInProblems()).contains("AWS::Region", "AWS::AccountId", "AWS::StackName");
        assertThat(window.problemsTable().getItems()).anySatisfy(d -> assertThat(d.message())
                .startsWith("AWS::Region was not given").endsWith("\"us-east-1\""));

        robot.interact(() -> task[0] = window.reopenWithParameters(TemplateParameterText.parse(
                "AWS::Region=eu-west-1\nAWS::AccountId=210987654321").values()));
        await(task[0]);
        ModelWorkspace reread = window.workspaceProperty().get();
        assertThat(reread.parameters()).containsEntry("AWS::Region", "eu-west-1");
        assertThat(defaultsInProblems()).doesNotContain("AWS::Region", "AWS::AccountId").contains("AWS::StackName");
        assertThat(reread.model().request().toString()).contains("arn:aws:sns:eu-west-1:210987654321:")
                .doesNotContain("123456789012");
    }

    private java.util.List<String> defaultsInProblems() {
        return TemplateParameterText.defaulted(java.util.List.copyOf(window.problemsTable().getItems()));
    }

    /**
     * Session limits of item 9: the workbench on the project's second model (the pump beside it) saves a scenario
     * naming both models in the session's order, and it re-runs green.
     */
    @Test
    void item9ASessionOfOneOfSeveralModelsIsSavedAsAScenarioWithEveryModel(FxRobot robot) throws Exception {
        Path project = Files.createTempDirectory("pump-station");
        try (var files = Files.walk(Path.of("..", "samples", "pump-station"))) {
            for (Path f : files.toList()) {
                Path to = project.resolve(Path.of("..", "samples", "pump-station").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        BackgroundWork.Job[] task = new BackgroundWork.Job[1];
        robot.interact(() -> task[0] = window.open(project.resolve("models/station.json")));
        await(task[0]);
        robot.interact(() -> window.simulation().model().session().send(new Message("PumpReading", "r1",
                JsonNodeFactory.instance.objectNode().put("pumpId", "p1").put("stationId", "s1").put("pressure", 150),
                null)));
        Path scenario = project.resolve("scenarios/recorded.scenario.json");
        robot.interact(() -> window.saveScenario(scenario));

        JsonNode saved = new ObjectMapper().readTree(scenario.toFile());
        assertThat(saved.path("models")).extracting(JsonNode::asText)
                .containsExactly("../models/station.json", "../models/pump.json");
        assertThat(saved.toString()).contains("{\"model\":\"stationModel\",\"key\":\"s1\",\"state\":\"Ok\"");
        ScenarioResult result = new ScenarioRunner().run(new ScenarioReader().read(scenario));
        assertThat(result.failures()).isEmpty();
    }
}
