package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.sim.SimulationPane;
import io.detectorstudio.app.gui.sim.WatchTable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Issue 15, flow (c): the device-heartbeat sample's timer as a user sees it — the countdown with its unit in the
 * watch table as time advances, Next timer firing it (Offline highlighted, the timer's SNS action listed), and a
 * breakpoint from the diagram stopping Next timer and an advance at the moment the timer fires.
 */
class TimerSimulationE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("device-heartbeat");
    /** Where the workbench's virtual clock starts. */
    private static final long T0 = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Test
    void countdownNextTimerTheTimersActionAndBreakpointsOnTime() {
        FxRobot robot = app.robot();
        app.waitUntil("the simulation is ready", () -> robot.lookup("#stepper-send").tryQuery().isPresent()
                && robot.lookup(".state-node").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2); // View ▸ Simulation
        SimulationPane sim = robot.lookup("#simulation").queryAs(SimulationPane.class);

        // a heartbeat starts the 300 s timer: the watch table counts it down with its unit
        heartbeat(robot);
        app.waitUntil("Normal is highlighted", () -> active().equals(Set.of("Normal")));
        app.waitUntil("the timer shows 5m", () -> timers(sim).equals(List.of("5m")));
        advance(robot, "1m");
        app.waitUntil("the timer shows 4m", () -> timers(sim).equals(List.of("4m")));
        advance(robot, "30s");
        app.waitUntil("the timer shows 3m 30s", () -> timers(sim).equals(List.of("3m 30s")));

        // Next timer (Ctrl+Shift+T) fires it: Offline, the SNS of Offline's onEnter, at 300 s
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        app.waitUntil("Offline is highlighted", () -> active().equals(Set.of("Offline")));
        assertThat(status()).isEqualTo("Ran to the next timer");
        assertThat(app.onFx(() -> sim.model().nowProperty().get())).isEqualTo(T0 + 300_000L);
        assertThat(app.onFx(() -> sim.model().actions().stream().map(a -> a.action().path("type").asText()).toList()))
                .containsExactly("setTimer", "resetTimer", "sns");
        assertThat(clock()).contains("2026-01-01T00:05:00Z");
        app.screenshot("TimerSimulationE2E.timer-fired");

        // break on entering Offline (right-click it on the diagram), then Next timer stops where the timer fires
        robot.clickOn(state("Offline"), MouseButton.SECONDARY);
        robot.clickOn("Break: enter Offline");
        app.waitUntil("the breakpoint is listed", () -> sim.breakpoints().size() == 1);
        heartbeat(robot); // back to Normal, the timer set again (at 300 s, due at 600 s)
        app.waitUntil("Normal again", () -> active().equals(Set.of("Normal")));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        app.waitUntil("Next timer stopped at the breakpoint", () -> status().startsWith("Breakpoint: entered Offline"));
        assertThat(app.onFx(() -> sim.model().nowProperty().get())).isEqualTo(T0 + 600_000L);

        // an advance past the timer stops at the moment it fires, not at the end of the advance
        heartbeat(robot); // Normal at 600 s, due at 900 s
        app.waitUntil("Normal again", () -> active().equals(Set.of("Normal")));
        advance(robot, "1h");
        app.waitUntil("the advance stopped at the breakpoint", () -> status().startsWith("Breakpoint: entered Offline"));
        assertThat(app.onFx(() -> sim.model().nowProperty().get())).isEqualTo(T0 + 900_000L);
        assertThat(clock()).contains("2026-01-01T00:15:00Z");
        assertThat(active()).containsExactly("Offline");
        app.screenshot("TimerSimulationE2E.advance-stopped");

        // Continue finishes the advance: the clock reaches 600 + 3600 s
        robot.type(KeyCode.F9);
        app.waitUntil("the advance is finished", () -> sim.model().nowProperty().get() == T0 + 4_200_000L);
    }

    private static void heartbeat(FxRobot robot) {
        SimulationPane sim = robot.lookup("#simulation").queryAs(SimulationPane.class);
        int before = app.onFx(() -> sim.model().session().cycleCount());
        robot.clickOn("#field-value").push(KeyCode.CONTROL, KeyCode.A).write("1");
        robot.clickOn("#stepper-send");
        app.waitUntil("the heartbeat is sent", () -> sim.model().session().cycleCount() > before);
    }

    private static void advance(FxRobot robot, String duration) {
        TextField field = robot.lookup("#advance-by").queryAs(TextField.class);
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(duration).type(KeyCode.ENTER);
    }

    private static List<String> timers(SimulationPane sim) {
        return app.onFx(() -> sim.watch().table().getItems().stream().filter(r -> r.kind().equals("timer"))
                .map(WatchTable.Row::value).toList());
    }

    private static String status() {
        return app.onFx(() -> ((Labeled) app.robot().lookup("#sim-status").query()).getText());
    }

    private static String clock() {
        return app.onFx(() -> ((Labeled) app.robot().lookup("#sim-clock").query()).getText());
    }

    private static Set<String> active() {
        return app.onFx(() -> app.robot().lookup(".active-state").queryAll().stream()
                .map(n -> String.valueOf(n.getUserData())).collect(Collectors.toSet()));
    }

    private static Node state(String name) {
        return app.robot().lookup(".state-node").match(n -> name.equals(n.getUserData())).query();
    }
}
