package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.SynchronousWork;
import io.detectorstudio.app.gui.sim.SimulationViewModel;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 20: 20,000 motor readings sent through the simulation workbench's view model (synchronous executor: each
 * send publishes its state as the UI would take it in) beside the same sends to the simulator session alone. One
 * invocation = a fresh session and all 20,000 sends; scores are milliseconds per invocation. The readings go to
 * {@code motors} motors in turn, alternating high and low pressures, so every send runs one cycle that changes
 * variables and, now and then, the state.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class WorkbenchSendBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SENDS = 20_000;
    private static final String INPUT = "PressureInput";

    @Param({"1", "10"})
    public int motors;

    private ObjectNode model;
    private JsonNode[] payloads;
    private Session session;
    private SimulationViewModel workbench;

    @Setup(Level.Trial)
    public void read() throws Exception {
        Path file = Path.of(System.getProperty("samples", "samples"), "motor", "model.json");
        model = (ObjectNode) JSON.readTree(Files.readString(file));
        payloads = new JsonNode[SENDS];
        int[] pressures = {60, 80, 85, 90, 60, 50, 40, 75};
        for (int i = 0; i < SENDS; i++) {
            payloads[i] = JSON.readTree("{\"motorid\":\"motor-" + (i % motors) + "\",\"sensorData\":{\"pressure\":"
                    + pressures[(i / motors) % pressures.length] + "}}");
        }
    }

    @Setup(Level.Invocation)
    public void fresh() {
        session = new Session(Session.Config.of(model).withInputs(List.of(INPUT)));
        workbench = new SimulationViewModel(new Session(Session.Config.of(model).withInputs(List.of(INPUT))),
                new SynchronousWork());
    }

    /** The baseline: the session alone, one message per send as the workbench builds it. */
    @Benchmark
    public int session() {
        for (int i = 0; i < SENDS; i++) {
            session.send(new Message(INPUT, "gui-" + i, payloads[i], null));
        }
        return session.cycleCount();
    }

    @Benchmark
    public int workbench() {
        for (int i = 0; i < SENDS; i++) {
            workbench.send(INPUT, payloads[i]);
        }
        return workbench.trace().size() + workbench.instances().size();
    }
}
