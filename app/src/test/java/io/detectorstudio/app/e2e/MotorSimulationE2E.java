package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.sim.CutTexts;
import io.detectorstudio.app.gui.sim.SimulationPane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Issue 15, flow (b): simulate the motor sample as a user does — send readings through the stepper, see the
 * state highlighted on the diagram, step back and forward, set a breakpoint from the diagram and see it stop a
 * send and stop Continue over the recorded history, then save the session as a scenario (the save dialog, Enter)
 * that {@code detector-studio simulate} passes. The motor has no timer, so "Next timer" only says so here; the
 * timer flow (breakpoint stopping the next timer and an advance) is {@link TimerSimulationE2E}.
 */
class MotorSimulationE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("motor");

    @Test
    void sendReadingsStepBackBreakOnSendAndContinueAndSaveAPassingScenario() throws Exception {
        FxRobot robot = app.robot();
        app.waitUntil("the simulation is ready", () -> robot.lookup("#stepper-send").tryQuery().isPresent()
                && robot.lookup(".state-node").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2); // View ▸ Simulation
        app.waitUntil("the simulation tab is shown", () -> robot.lookup("#stepper-send").query().isVisible()
                && robot.lookup("#stepper-send").query().getScene() != null);
        SimulationPane sim = robot.lookup("#simulation").queryAs(SimulationPane.class);

        send(robot, "Fulton-A32", "60");
        app.waitUntil("Normal is highlighted", () -> active().equals(Set.of("Normal")));
        send(robot, "Fulton-A32", "80");
        app.waitUntil("Dangerous is highlighted", () -> active().equals(Set.of("Dangerous")));
        assertThat(status()).startsWith("Sent PressureInput");
        assertThat(app.onFx(() -> CutTexts.in(sim.watch()))).as("the watch table under the real theme").isEmpty();

        // step back (F7) shows the first reading's state again, step (F8) the second
        robot.type(KeyCode.F7);
        app.waitUntil("back at cycle 1: Normal", () -> cycle(sim) == 1 && active().equals(Set.of("Normal")));
        robot.type(KeyCode.F8);
        app.waitUntil("forward at cycle 2: Dangerous", () -> cycle(sim) == 2 && active().equals(Set.of("Dangerous")));

        // a breakpoint from the diagram: right-click Normal, "Break: enter Normal"
        robot.clickOn(state("Normal"), MouseButton.SECONDARY);
        robot.clickOn("Break: enter Normal");
        app.waitUntil("the breakpoint is listed", () -> sim.breakpoints().size() == 1);

        // it stops a send: the third low reading takes the motor back to Normal
        send(robot, "Fulton-A32", "60");
        send(robot, "Fulton-A32", "60");
        assertThat(status()).startsWith("Sent PressureInput");
        send(robot, "Fulton-A32", "60");
        app.waitUntil("the send stopped at the breakpoint", () -> status().startsWith(
                "Breakpoint: entered Normal (Fulton-A32) at cycle 5"));
        assertThat(app.onFx(() -> robot.lookup("#sim-status").query().getStyleClass().contains("warning"))).isTrue();
        assertThat(active()).containsExactly("Normal");
        app.screenshot("MotorSimulationE2E.stopped-on-send");

        // Continue over the recorded history stops at each hit: created in Normal (cycle 1), back to Normal (cycle 5)
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.F7);
        }
        app.waitUntil("back at the start", () -> cycle(sim) == 0);
        robot.type(KeyCode.F9);
        app.waitUntil("Continue stopped at cycle 1", () -> status().startsWith("Breakpoint: entered Normal (Fulton-A32) at cycle 1"));
        assertThat(cycle(sim)).isEqualTo(1);
        robot.type(KeyCode.F9);
        app.waitUntil("Continue stopped at cycle 5", () -> status().startsWith("Breakpoint: entered Normal (Fulton-A32) at cycle 5"));
        robot.type(KeyCode.F9);
        app.waitUntil("Continue ran to the end", () -> status().equals("Ran to the end (cycle 5)"));
        assertThat(app.onFx(() -> sim.traceView().table().getItems().size())).isEqualTo(5);

        // the motor has no timer: Next timer says so
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        app.waitUntil("no timer", () -> status().equals("No timer is running"));

        // save the session as a scenario: Ctrl+Shift+R opens the save dialog on scenarios/session.scenario.json
        Path scenario = app.workspace().resolve("motor/scenarios/session.scenario.json");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        acceptSaveDialog(scenario);
        assertThat(Files.readString(scenario)).contains("\"model\" : \"../model.json\"", "Fulton-A32");

        // and the command line passes it
        Process simulate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("e2e.jar", "target/detector-studio.jar")).toAbsolutePath().toString(),
                "simulate", scenario.toString()).redirectErrorStream(true).start();
        String output = new String(simulate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(simulate.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(simulate.exitValue()).as(output).isZero();
        assertThat(output).contains("1 passed, 0 failed");
    }

    /** Types a motor id and a pressure into the stepper's fields and clicks Send. */
    private static void send(FxRobot robot, String motor, String pressure) {
        int before = app.onFx(() -> robot.lookup("#simulation").queryAs(SimulationPane.class).model().session()
                .cycleCount());
        robot.clickOn("#field-motorid").push(KeyCode.CONTROL, KeyCode.A).write(motor);
        robot.clickOn("#field-sensorData_pressure").push(KeyCode.CONTROL, KeyCode.A).write(pressure);
        robot.clickOn("#stepper-send");
        app.waitUntil("the reading is sent", () -> robot.lookup("#simulation").queryAs(SimulationPane.class).model()
                .session().cycleCount() > before);
    }

    /**
     * The GTK save dialog is not part of the scene graph: wait for it to take the keyboard, press Enter (it proposes
     * the file name), until the file is written.
     */
    private static void acceptSaveDialog(Path expected) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(expected)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the save dialog did not write " + expected);
            }
            Thread.sleep(1500);
            if (!app.onFx(() -> app.stage().isFocused())) {
                app.robot().type(KeyCode.ENTER);
                Thread.sleep(1000);
            }
        }
    }

    private static String status() {
        return app.onFx(() -> ((Labeled) app.robot().lookup("#sim-status").query()).getText());
    }

    private static int cycle(SimulationPane sim) {
        return app.onFx(() -> sim.model().positionProperty().get().cycle());
    }

    private static Set<String> active() {
        return app.onFx(() -> app.robot().lookup(".active-state").queryAll().stream()
                .map(n -> String.valueOf(n.getUserData())).collect(Collectors.toSet()));
    }

    private static Node state(String name) {
        return app.robot().lookup(".state-node").match(n -> name.equals(n.getUserData())).query();
    }
}
