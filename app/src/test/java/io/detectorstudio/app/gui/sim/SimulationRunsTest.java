package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.BackgroundWork;
import io.detectorstudio.app.gui.SynchronousWork;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.session.SessionListener;
import io.detectorstudio.simulator.trace.TraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continue, trace replay and scenario reading as the workbench runs them on its worker — without a toolkit: an
 * executor the test drives by hand stands for the worker and the UI thread.
 */
class SimulationRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MOTOR = Path.of("..", "samples", "motor");

    /** Background work and UI updates wait until the test runs them. */
    static final class ManualExecutor implements BackgroundWork {
        final Deque<Runnable> work = new ArrayDeque<>();
        final Deque<Runnable> updates = new ArrayDeque<>();

        @Override
        public <T> Job submit(String what, Callable<T> job, Consumer<T> done, Consumer<Throwable> failed) {
            work.add(() -> deliver(job, done, failed, updates::add));
            return null;
        }

        @Override
        public void ui(Runnable u) {
            updates.add(u);
        }

        void runWork() {
            while (!work.isEmpty()) {
                work.poll().run();
            }
        }

        int runUpdates() {
            int n = 0;
            while (!updates.isEmpty()) {
                updates.poll().run();
                n++;
            }
            return n;
        }
    }

    private static Session motorSession() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(MOTOR.resolve("model.json")));
        return new Session(Session.Config.of(request).withInputs(List.of("PressureInput")));
    }

    private static Message reading(int i, String motor, int pressure) throws Exception {
        return new Message("PressureInput", "m" + i, JSON.readTree(
                "{\"motorid\":\"" + motor + "\",\"sensorData\":{\"pressure\":" + pressure + "}}"), null);
    }

    /** A session with {@code cycles} readings alternating high and low, shown from the start again. */
    private static Session recorded(int cycles) throws Exception {
        Session session = motorSession();
        for (int i = 0; i < cycles; i++) {
            session.send(reading(i, "A", i % 2 == 0 ? 80 : 60));
        }
        session.goToCycle(0);
        return session;
    }

    @Test
    void aLongContinuePublishesOnceTheUiIsReadyAndEndsWithTheWholeState() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        SimulationViewModel sim = new SimulationViewModel(recorded(1_000), executor);
        executor.runUpdates();
        long before = sim.published().get();

        sim.resume();
        assertThat(sim.runningProperty().get()).isTrue();
        executor.runWork(); // the whole run, while the UI thread does not take anything in
        int updates = executor.runUpdates();

        // the snapshots the UI had not taken were merged into one: one state update, one list change
        assertThat(sim.published().get() - before).isEqualTo(1);
        assertThat(updates).isEqualTo(3); // the merged state, the notice it was laid out, then "finished"
        assertThat(sim.runningProperty().get()).isFalse();
        assertThat(sim.positionProperty().get().cycle()).isEqualTo(1_000);
        assertThat(sim.trace()).hasSize(1_000);
        assertThat(sim.trace()).extracting(TraceRow::seq).isSorted().startsWith(1, 2, 3);
        assertThat(sim.statusProperty().get()).isEqualTo("Ran to the end (cycle 1000)");
    }

    @Test
    void pauseStopsAContinueBetweenCycles() throws Exception {
        Session session = recorded(500);
        SimulationViewModel sim = new SimulationViewModel(session, new SynchronousWork());
        session.addListener(new SessionListener() {
            @Override
            public void cycleFinished(int cycle, ObjectNode record) {
                if (cycle == 100) {
                    sim.pause(); // as the UI thread does while the worker runs
                }
            }
        });
        sim.resume();
        assertThat(sim.positionProperty().get().cycle()).isEqualTo(100);
        assertThat(sim.statusProperty().get()).isEqualTo("Paused at cycle 100");
        assertThat(sim.trace()).hasSize(100);
    }

    @Test
    void pauseStopsContinueOnARealWorkerThread() throws Exception {
        FxFreeWorker executor = new FxFreeWorker();
        SimulationViewModel sim = new SimulationViewModel(recorded(5_000), executor);
        executor.drain();
        sim.resume();
        Thread.sleep(20);
        sim.pause();
        assertThat(executor.awaitIdle(30)).isTrue();
        executor.drain();
        assertThat(sim.runningProperty().get()).isFalse();
        assertThat(sim.statusProperty().get()).startsWith("Paused at cycle ");
        assertThat(sim.positionProperty().get().cycle()).isLessThan(5_000);
        assertThat(sim.trace()).hasSize(sim.positionProperty().get().cycle());
        // and Continue goes on from there to the end
        sim.resume();
        assertThat(executor.awaitIdle(60)).isTrue();
        executor.drain();
        assertThat(sim.statusProperty().get()).isEqualTo("Ran to the end (cycle 5000)");
        assertThat(sim.trace()).hasSize(5_000);
        executor.shutdown();
    }

    @Test
    void whileARunHasTheSessionCommandsAreRefusedAndBreakpointsWaitForTheNextCycle() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        SimulationViewModel sim = new SimulationViewModel(recorded(10), executor);
        executor.runUpdates();
        sim.resume();
        assertThat(sim.send("PressureInput", JSON.readTree("{\"motorid\":\"A\",\"sensorData\":{\"pressure\":80}}")))
                .isEmpty();
        assertThat(sim.statusProperty().get()).isEqualTo("Running: Pause (F9) first");
        assertThat(sim.session().cycleCount()).isEqualTo(10); // the send did not reach the session
        sim.addBreakpoint(new Breakpoint.ActionType("setVariable"));
        assertThat(sim.session().breakpoints()).isEmpty(); // not yet: the worker has the session
        assertThat(sim.breakpoints()).hasSize(1);

        executor.runWork();
        executor.runUpdates();
        // applied between the worker's cycles: the first cycle ran before it, the second (every reading sets a
        // variable) stops at it
        assertThat(sim.session().breakpoints()).hasSize(1);
        assertThat(sim.statusProperty().get()).startsWith("Breakpoint: setVariable action of Pressure Okay (A) at cycle 2");
        sim.removeBreakpoint(sim.breakpoints().get(0));
        assertThat(sim.session().breakpoints()).isEmpty();
        assertThat(sim.breakpoints()).isEmpty();
    }

    @Test
    void replayingATraceOnTheWorkerRebuildsTheRecordedInstances(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.trace.jsonl");
        Session recording = motorSession();
        try (TraceWriter writer = new TraceWriter(file)) {
            recording.setTraceSink(writer);
            for (int i = 0; i < 300; i++) {
                recording.send(reading(i, "motor-" + (i % 7), i % 3 == 0 ? 90 : 50));
            }
        }
        ManualExecutor executor = new ManualExecutor();
        SimulationViewModel sim = new SimulationViewModel(motorSession(), executor);
        List<String> done = new ArrayList<>();
        sim.replayTrace(file, () -> done.add("done"), done::add);
        executor.runUpdates();
        assertThat(sim.trace()).as("nothing read on the UI thread").isEmpty();
        executor.runWork();
        executor.runUpdates();
        assertThat(done).containsExactly("done");
        assertThat(sim.statusProperty().get()).isEqualTo("Replayed run.trace.jsonl (300 records)");
        assertThat(sim.instances()).containsExactlyElementsOf(recording.instances());
        assertThat(sim.trace()).hasSize(300);
    }

    @Test
    void aTraceThatCannotBeReadSaysWhereAndLeavesTheSessionFree(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.trace.jsonl");
        Files.writeString(file, "{\"seq\": 1,\n");
        SimulationViewModel sim = new SimulationViewModel(motorSession(), new SynchronousWork());
        List<String> failed = new ArrayList<>();
        sim.replayTrace(file, () -> failed.add("done"), failed::add);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0)).contains("broken.trace.jsonl");
        assertThat(sim.statusProperty().get()).startsWith("Cannot replay broken.trace.jsonl");
        assertThat(sim.runningProperty().get()).isFalse();
    }

    @Test
    void aScenarioIsReadOnTheWorkerAndStepWalksThroughIt() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        SimulationViewModel sim = new SimulationViewModel(motorSession(), executor);
        sim.loadScenario(MOTOR.resolve("scenarios/pressure-breach-and-recovery.scenario.json"), e -> {
            throw new AssertionError(e);
        });
        executor.runWork();
        executor.runUpdates();
        assertThat(sim.statusProperty().get()).contains("inputs queued from pressure-breach-and-recovery");
        assertThat(sim.session().pendingInputs()).isPositive();
        sim.stepForward();
        executor.runUpdates();
        assertThat(sim.positionProperty().get().cycle()).isEqualTo(1);
        assertThat(sim.instances()).isNotEmpty();
    }

    @Test
    void aSendAfterSteppingBackDropsWhatCameAfterFromTheActionsAndTheTrace() throws Exception {
        SimulationViewModel sim = new SimulationViewModel(motorSession(), new SynchronousWork());
        for (int p : new int[] {80, 60, 80}) {
            sim.send("PressureInput", JSON.readTree("{\"motorid\":\"A\",\"sensorData\":{\"pressure\":" + p + "}}"));
        }
        int actions = sim.actions().size();
        sim.stepBack();
        sim.stepBack();
        assertThat(sim.trace()).hasSize(1);
        assertThat(sim.actions()).extracting(EmittedAction::cycle).containsOnly(1);
        sim.stepForward();
        assertThat(sim.trace()).hasSize(2);
        sim.send("PressureInput", JSON.readTree("{\"motorid\":\"A\",\"sensorData\":{\"pressure\":50}}"));
        assertThat(sim.trace()).extracting(TraceRow::seq).containsExactly(1, 2, 3);
        assertThat(sim.trace().get(2).record().path("trigger").path("payload").path("sensorData").path("pressure").asInt())
                .isEqualTo(50);
        assertThat(sim.actions().size()).isLessThanOrEqualTo(actions);
        assertThat(sim.session().cycleCount()).isEqualTo(3);
    }

    /** A real worker thread; UI updates collect until the test (standing for the UI thread) drains them. */
    static final class FxFreeWorker implements BackgroundWork {
        private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> updates = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @Override
        public <T> Job submit(String what, Callable<T> job, Consumer<T> done, Consumer<Throwable> failed) {
            worker.execute(() -> deliver(job, done, failed, updates::add));
            return null;
        }

        @Override
        public void ui(Runnable u) {
            updates.add(u);
        }

        boolean awaitIdle(int seconds) throws Exception {
            return worker.submit(() -> { }).get(seconds, TimeUnit.SECONDS) == null;
        }

        void drain() {
            for (Runnable u; (u = updates.poll()) != null; ) {
                u.run();
            }
        }

        void shutdown() {
            worker.shutdown();
        }
    }

    /** A job's work, then its callback handed to {@code ui} (what a {@link BackgroundWork} worker does). */
    private static <T> void deliver(Callable<T> job, Consumer<T> done, Consumer<Throwable> failed,
                                    Consumer<Runnable> ui) {
        try {
            T result = job.call();
            ui.accept(() -> done.accept(result));
        } catch (Exception e) {
            ui.accept(() -> failed.accept(e));
        }
    }
}
