package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.files.RecoveryStore;
import io.detectorstudio.app.gui.sim.SimulationPane;
import io.detectorstudio.simulator.scenario.ScenarioReader;
import io.detectorstudio.simulator.scenario.ScenarioResult;
import io.detectorstudio.simulator.scenario.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole loop on samples/motor, driven through the widgets: open, send three pressure readings through the
 * stepper, see Dangerous highlighted, the variable in the watch table and the SNS payload in the preview, advance
 * time, step back, save the session as a scenario, and the scenario passes under ScenarioRunner.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAcceptanceTest {

    private final Preferences prefs = TestPrefs.fresh();
    private MainWindow window;

    @TempDir
    Path dir;

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, prefs, new RecoveryStore(Files.createTempDirectory("recovery")));
        stage.setScene(RealTheme.scene(window.root(), 1260, 780));
        stage.show();
    }

    @Test
    void motorSessionFromStepperToAPassingScenario(FxRobot robot) throws Exception {
        // work on a copy so the saved scenario can reference the model by a relative path
        Path motor = dir.resolve("motor");
        Files.createDirectories(motor.resolve("inputs"));
        Files.createDirectories(motor.resolve("scenarios"));
        Path samples = Path.of("..", "samples", "motor");
        for (String f : new String[] {"model.json", "model.layout.json", "inputs/PressureInput.json"}) {
            Files.copy(samples.resolve(f), motor.resolve(f));
        }
        BackgroundWork.Job[] task = new BackgroundWork.Job[1];
        robot.interact(() -> task[0] = window.open(motor.resolve("model.json")));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> task[0].isDone() && window.simulation() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.bottomTabs().getSelectionModel().select(1));
        SimulationPane sim = window.simulation();

        for (String pressure : new String[] {"80", "90", "85"}) {
            TextField motorId = robot.lookup("#field-motorid").queryAs(TextField.class);
            robot.interact(() -> motorId.setText(""));
            robot.clickOn(motorId).write("Fulton-A32");
            TextField p = robot.lookup("#field-sensorData_pressure").queryAs(TextField.class);
            robot.interact(() -> p.setText(""));
            robot.clickOn(p).write(pressure);
            robot.clickOn("#stepper-send");
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertThat(sim.model().instances()).singleElement().satisfies(i -> {
            assertThat(i.keyValue()).isEqualTo("Fulton-A32");
            assertThat(i.stateName()).isEqualTo("Dangerous");
        });
        assertThat(window.editor().highlightProperty().get().activeStates()).containsExactly("Dangerous");
        assertThat(robot.lookup(".active-state").<Node>queryAll()).extracting(Node::getUserData)
                .containsExactly("Dangerous");
        assertThat(sim.watch().table().getItems()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("pressureThresholdBreached");
            assertThat(r.value()).isEqualTo("3");
        });
        assertThat(sim.model().actions()).anySatisfy(a -> assertThat(a.action().path("type").asText()).isEqualTo("sns"));
        robot.interact(() -> sim.actions().list().getSelectionModel().select(
                sim.model().actions().stream().filter(a -> a.action().path("type").asText().equals("sns")).findFirst().orElseThrow()));
        assertThat(sim.actions().detail().getText()).contains("\"payload\"", "underPressureAction", "Fulton-A32", "\"delivered\"", "\"message\"");
        assertThat(sim.traceView().table().getItems()).hasSize(3);

        // advance time by five minutes through the clock field
        long before = sim.model().nowProperty().get();
        TextField advance = robot.lookup("#advance-by").queryAs(TextField.class);
        robot.interact(() -> advance.setText(""));
        robot.clickOn(advance).write("5m").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sim.model().nowProperty().get() - before).isEqualTo(300_000);

        // step back one cycle: the third reading is undone (the variable stays 3: every high reading sets it)
        int cycles = sim.model().positionProperty().get().cycle();
        robot.type(KeyCode.F7); // Simulate ▸ Step back
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sim.model().positionProperty().get().cycle()).isEqualTo(cycles - 1);
        assertThat(sim.traceView().table().getItems()).hasSize(2);
        robot.type(KeyCode.F8); // Simulate ▸ Step
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sim.traceView().table().getItems()).hasSize(3);

        Path scenario = motor.resolve("scenarios").resolve("recorded.scenario.json");
        robot.interact(() -> window.saveScenario(scenario));
        assertThat(Files.readString(scenario)).contains("\"model\" : \"../model.json\"", "Fulton-A32");
        ScenarioResult result = new ScenarioRunner().run(new ScenarioReader().read(scenario));
        assertThat(result.failures()).isEmpty();
        assertThat(result.passed()).isTrue();
    }
}
