package io.detectorstudio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.PerformedAction;
import io.detectorstudio.engine.runtime.PreparedMessage;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload M (shared/reference/performance-anchors.md) on the embedded engine, pre-parsed and from JSON bytes,
 * beside the same model hand-written in Java. One invocation = the whole 2^20-message stream; scores are
 * messages per second. Every action reaches a counting sink.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class EngineBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MotorFleet fleet;
    private Engine engine;
    private Message[] messages;
    private PreparedMessage[] prepared;
    private byte[][] bytes;
    private HandWrittenMotor handWritten;
    long actions;

    /**
     * Counts the actions that go out (the SNS records, as the hand-written model's sink does) without asking
     * for their JSON (so no default payload is captured for it); setVariable changes only the detector and is
     * not shown to it.
     */
    final class Counter implements ActionSink {
        @Override
        public boolean receivesVariableActions() {
            return false;
        }

        @Override
        public boolean describesActions() {
            return false;
        }

        @Override
        public void accept(ObjectNode action) {
            actions++;
        }

        @Override
        public void performed(PerformedAction action) {
            actions++;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fleet = new MotorFleet();
        ObjectNode model = (ObjectNode) JSON.readTree(EngineBenchmark.class.getResourceAsStream("/motor.json"));
        engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        engine.setActionSink(new Counter());
        engine.putModel(model);
        handWritten = new HandWrittenMotor(sns -> actions++);
        for (int k = 0; k < MotorFleet.KEYS; k++) { // steady state: every instance exists
            JsonNode payload = JSON.readTree("{\"motorid\":\"" + fleet.keys[k] + "\",\"sensorData\":{\"pressure\":50}}");
            engine.put(List.of(new Message("PressureInput", null, payload, null)));
            handWritten.message(fleet.keys[k], 50);
        }
        messages = new Message[MotorFleet.MESSAGES];
        bytes = new byte[MotorFleet.MESSAGES][];
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            bytes[i] = fleet.json(i);
            messages[i] = new Message("PressureInput", null, JSON.readTree(bytes[i]), null);
        }
        prepared = new PreparedMessage[MotorFleet.MESSAGES];
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            prepared[i] = engine.prepare(messages[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long engineParsed() {
        for (Message m : messages) {
            engine.put(List.of(m));
        }
        return actions;
    }

    /**
     * Pre-parsed as the engine's own form: each message read for the model beforehand ({@link Engine#prepare}:
     * key and the values at the paths the model reads), as the hand-written model gets its key and pressure.
     */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long enginePrepared() {
        for (PreparedMessage m : prepared) {
            engine.putPrepared(List.of(m));
        }
        return actions;
    }

    /** From JSON bytes: the key and pressure read straight from the bytes (Jackson streaming), no tree. */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long engineFromJson() throws Exception {
        for (byte[] b : bytes) {
            engine.putPrepared(List.of(engine.prepare("PressureInput", null, b, null)));
        }
        return actions;
    }

    /** From JSON bytes through a tree: {@code readTree}, then {@link Engine#put} (the path before issue 19). */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long engineFromJsonTree() throws Exception {
        for (byte[] b : bytes) {
            engine.put(List.of(new Message("PressureInput", null, JSON.readTree(b), null)));
        }
        return actions;
    }

    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long handWrittenParsed() {
        for (int i = 0; i < MotorFleet.MESSAGES; i++) {
            handWritten.message(fleet.keys[fleet.keyOf[i]], fleet.pressureOf[i]);
        }
        return actions;
    }

    /**
     * The hand-written model reading key and pressure from the same pre-parsed trees the engine gets: what
     * walking 2^20 payload trees in memory costs by itself (not the ceiling of the acceptance ratio).
     */
    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long handWrittenOverTrees() {
        for (Message m : messages) {
            JsonNode payload = m.payload();
            handWritten.message(payload.get("motorid").textValue(), payload.get("sensorData").get("pressure").longValue());
        }
        return actions;
    }

    @Benchmark
    @OperationsPerInvocation(MotorFleet.MESSAGES)
    public long handWrittenFromJson() throws Exception {
        for (byte[] b : bytes) {
            JsonNode payload = JSON.readTree(b);
            handWritten.message(payload.get("motorid").textValue(), payload.get("sensorData").get("pressure").longValue());
        }
        return actions;
    }
}
