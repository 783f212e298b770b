package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.sim.SimulationPane;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.trace.TraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Issue 20: nothing slow on the JavaFX thread. A {@link PulseProbe} records the gaps between pulses while the
 * workbench replays a 100,000-record trace, shows it in the Trace tab (as a replay started from the project does when
 * it ends), and then runs Continue over 20,000 recorded cycles (the replay and Continue on its worker);
 * the FX thread's own work between two pulses stays under 100 ms, and so does the longest gap less the garbage
 * collector's stop-the-world pauses where the machine is quiet ({@link StallBound} says what is asserted where).
 * The figures go to {@code target/e2e-screenshots/SimulationStallE2E.txt} (docs/performance.md quotes them).
 */
class SimulationStallE2E {

    private static final int RECORDS = 100_000;
    private static final int CONTINUE_CYCLES = 20_000;

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("motor");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // writing and replaying 100,000 records on a loaded 2-core machine
    void replayingALongTraceAndContinuingOverTwentyThousandCyclesLeaveTheFxThreadFree() throws Exception {
        FxRobot robot = app.robot();
        app.waitUntil("the simulation is ready", () -> robot.lookup("#stepper-send").tryQuery().isPresent()
                && robot.lookup(".state-node").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2); // View ▸ Simulation
        SimulationPane sim = robot.lookup("#simulation").queryAs(SimulationPane.class);
        Path trace = writeTrace(app.workspace().resolve("motor/stall.trace.jsonl"));

        PulseProbe replaying = app.onFx(PulseProbe::new);
        app.onFx(replaying::start);
        app.onFx(() -> sim.model().replayTrace(trace, () -> { }, message -> {
            throw new AssertionError(message);
        }));
        app.waitUntil("the trace is replayed", Duration.ofMinutes(5), () -> !sim.model().runningProperty().get()
                && status().startsWith("Replayed stall.trace.jsonl"));
        PulseProbe.Gaps replay = app.onFx(replaying::finish);
        assertThat(app.onFx(() -> sim.model().positionProperty().get().cycle())).isEqualTo(RECORDS);
        assertThat(app.onFx(() -> sim.traceView().table().getItems().size())).isEqualTo(RECORDS);
        app.screenshot("SimulationStallE2E.replayed");

        // the Trace tab, which a replay started from the project shows when it ends: its table's first rows
        PulseProbe showing = app.onFx(PulseProbe::new);
        app.onFx(showing::start);
        robot.clickOn(robot.lookup(".tab-label").match((Labeled l) -> "Trace".equals(l.getText())).<Labeled>query());
        app.waitUntil("the trace shows its rows", () -> app.onFx(() -> sim.traceView().table().lookupAll(".table-row-cell")
                .stream().anyMatch(r -> r.isVisible() && ((javafx.scene.control.TableRow<?>) r).getItem() != null)));
        Thread.sleep(500); // pulses after it
        PulseProbe.Gaps shown = app.onFx(showing::finish);
        robot.clickOn(robot.lookup(".tab-label").match((Labeled l) -> "Simulation".equals(l.getText())).<Labeled>query());

        // back to 20,000 cycles before the end, then Continue (F9) over them
        app.onFx(() -> {
            sim.model().session().goToCycle(RECORDS - CONTINUE_CYCLES);
            sim.model().refresh();
        });
        PulseProbe continuing = app.onFx(PulseProbe::new);
        app.onFx(continuing::start);
        robot.type(KeyCode.F9);
        app.waitUntil("Continue ran to the end", Duration.ofMinutes(5),
                () -> status().equals("Ran to the end (cycle " + RECORDS + ")"));
        PulseProbe.Gaps cont = app.onFx(continuing::finish);

        StallBound.record("SimulationStallE2E", "trace replay (" + RECORDS + " records): " + replay + "\n"
                + "showing the trace's first rows: " + shown + "\n"
                + "Continue over " + CONTINUE_CYCLES + " recorded cycles: " + cont);
        StallBound.check("replaying", replay);
        StallBound.check("showing the trace", shown);
        StallBound.check("continuing", cont);
    }

    /**
     * Runs the motor on ten motors for {@link #RECORDS} readings, one a second, in a session of its own, tracing
     * every cycle. (A second apart as devices send them: 100,000 readings at one instant would keep all their
     * message ids in the engine's 5-minute de-duplication memory, which every session checkpoint copies.)
     */
    private static Path writeTrace(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode model = (ObjectNode) json.readTree(Files.readString(app.workspace().resolve("motor/model.json")));
        // from the time the workbench's session starts at (MainWindow), so the replay's times lie ahead of it
        Session session = new Session(Session.Config.of(model).withInputs(List.of("PressureInput"))
                .withStart(java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
        int[] pressures = {60, 80, 85, 90, 60, 50, 40, 75};
        try (TraceWriter writer = new TraceWriter(file)) {
            session.setTraceSink(writer);
            for (int i = 0; i < RECORDS; i++) {
                session.advanceBy(1_000);
                session.send(new Message("PressureInput", "m" + i, json.readTree("{\"motorid\":\"motor-" + (i % 10)
                        + "\",\"sensorData\":{\"pressure\":" + pressures[(i / 10) % pressures.length] + "}}"), null));
            }
        }
        return file;
    }

    private static String status() {
        return app.onFx(() -> ((Labeled) app.robot().lookup("#sim-status").query()).getText());
    }
}
