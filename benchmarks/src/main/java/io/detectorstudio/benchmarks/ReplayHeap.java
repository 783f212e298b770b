package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.SynchronousWork;
import io.detectorstudio.app.gui.sim.SimulationViewModel;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.trace.TraceWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the workbench keeps per replayed trace record: the stall probe's trace (motor sample, 10 motors, a reading a
 * second; {@code SimulationStallE2E}) written, then replayed through {@link SimulationViewModel} on the calling
 * thread; the live heap after full collections, before and after, divided by the records. Every byte kept is
 * copied by the young collections of a long replay (their pauses are the UI's longest stalls) and bounds how long
 * a trace fits in the heap.
 *
 * <pre>java -Dsamples=samples -cp benchmarks/target/benchmarks.jar io.detectorstudio.benchmarks.ReplayHeap 100000</pre>
 */
public final class ReplayHeap {

    private ReplayHeap() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ObjectMapper json = new ObjectMapper();
        Path samples = Path.of(System.getProperty("samples", "samples"));
        ObjectNode model = (ObjectNode) json.readTree(Files.readString(samples.resolve("motor/model.json")));
        Path trace = Files.createTempFile("replay-heap", ".trace.jsonl");
        try {
            write(json, model, trace, records);
            SimulationViewModel sim = new SimulationViewModel(new Session(Session.Config.of(model)
                    .withInputs(List.of("PressureInput")).withStart(Instant.parse("2025-12-31T00:00:00Z").toEpochMilli())),
                    new SynchronousWork());
            long before = liveBytes();
            String[] failed = new String[1];
            sim.replayTrace(trace, () -> { }, message -> failed[0] = message);
            long after = liveBytes();
            if (failed[0] != null) {
                throw new IllegalStateException(failed[0]);
            }
            System.out.printf("%s%nlive heap kept by the replay: %.1f MB, %d B per record%n", sim.statusProperty().get(),
                    (after - before) / 1e6, (after - before) / records);
            System.out.println(sim.trace().size() + " trace rows"); // and the view model reachable until measured
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    private static void write(ObjectMapper json, ObjectNode model, Path file, int records) throws Exception {
        Session session = new Session(Session.Config.of(model).withInputs(List.of("PressureInput"))
                .withStart(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
        int[] pressures = {60, 80, 85, 90, 60, 50, 40, 75};
        try (TraceWriter writer = new TraceWriter(file)) {
            session.setTraceSink(writer);
            for (int i = 0; i < records; i++) {
                session.advanceBy(1_000);
                session.send(new Message("PressureInput", "m" + i, json.readTree("{\"motorid\":\"motor-" + (i % 10)
                        + "\",\"sensorData\":{\"pressure\":" + pressures[(i / 10) % pressures.length] + "}}"), null));
            }
        }
    }

    private static long liveBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
