package io.detectorstudio.engine.runtime.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.CycleRecord;
import io.detectorstudio.engine.runtime.DetectorState;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.PerformedAction;
import io.detectorstudio.engine.runtime.PreparedMessage;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sharding keeps every detector's cycles serial and in message order: many keys, many BatchPutMessage calls
 * (mixed inputs, repeated message ids, timers falling due between messages), two shards on their own threads —
 * per detector the same actions in the same order and the same final state as one engine.
 */
class ShardedEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "samples");

    /** Per detector ("model|key"), its actions in order; one detector's actions come from one thread. */
    static final class PerDetector implements ActionSink {
        final Map<String, List<String>> actions = new ConcurrentHashMap<>();

        @Override
        public void accept(ObjectNode action) {
            add(action.path("detectorModelName").asText() + "|" + action.path("keyValue").asText(), action.toString());
        }

        @Override
        public void performed(PerformedAction action) {
            add(action.detectorModelName() + "|" + action.keyValue(), action.toJson().toString());
        }

        private void add(String detector, String line) {
            actions.computeIfAbsent(detector, d -> Collections.synchronizedList(new ArrayList<>())).add(line);
        }
    }

    private static List<ObjectNode> models() throws Exception {
        ObjectNode motor = (ObjectNode) JSON.readTree(Files.readAllBytes(SAMPLES.resolve("motor/model.json")));
        ObjectNode heartbeat = (ObjectNode) JSON.readTree(Files.readAllBytes(SAMPLES.resolve("device-heartbeat/model.json")));
        heartbeat.put("key", "deviceId"); // keyed, so its 300 s timers run per device
        return List.of(motor, heartbeat);
    }

    /** 3,000 calls of 1–10 messages over 400 motors and 300 devices, 0–4 s apart, some message ids repeated. */
    private static List<List<Message>> calls() {
        SplittableRandom random = new SplittableRandom(19);
        List<List<Message>> calls = new ArrayList<>();
        long time = 0;
        int id = 0;
        for (int c = 0; c < 3000; c++) {
            List<Message> batch = new ArrayList<>();
            int size = 1 + random.nextInt(10);
            time += random.nextInt(4000);
            for (int i = 0; i < size; i++) {
                ObjectNode payload = JSON.createObjectNode();
                String input;
                if (random.nextInt(3) == 0) {
                    input = "AWS_IoTEvents_Blueprints_Heartbeat_Input";
                    payload.put("deviceId", "device-" + random.nextInt(300)).put("value", 1);
                } else {
                    input = "PressureInput";
                    payload.put("motorid", "motor-" + random.nextInt(400));
                    payload.putObject("sensorData").put("pressure", 20 + random.nextInt(81));
                }
                String messageId = random.nextInt(5) == 0 ? null : "m" + (random.nextInt(20) == 0 ? id - 3 : id);
                id++;
                batch.add(new Message(input, messageId, payload, random.nextBoolean() ? time : null));
            }
            calls.add(batch);
        }
        return calls;
    }

    private static Map<String, String> finalStates(List<ObjectNode> models, java.util.function.Function<String,
            List<DetectorState>> states) {
        Map<String, String> out = new TreeMap<>();
        for (ObjectNode m : models) {
            String name = m.path("detectorModelName").asText();
            for (DetectorState s : states.apply(name)) {
                out.put(name + "|" + s.keyValue(), s.toString());
            }
        }
        return out;
    }

    /**
     * From trees ({@code put}), from JSON bytes ({@code prepare}, then {@code putPrepared}) as serve and run read
     * them, or from bytes the shards read a part ahead of the calls being put ({@link ReadAhead}) as bench does.
     */
    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"trees", "bytes", "bytes read by the shards"})
    void twoShardsGiveEachDetectorTheSameCyclesAsOneEngine(String from) throws Exception {
        List<ObjectNode> models = models();
        List<List<Message>> calls = calls();

        Engine single = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        PerDetector expected = new PerDetector();
        single.setActionSink(expected);
        models.forEach(m -> single.putModel(m.deepCopy()));
        List<List<MessageError>> expectedErrors = new ArrayList<>();
        for (List<Message> call : calls) {
            expectedErrors.add(single.put(call));
        }
        single.advanceTo(single.now() + 600_000); // every timer left fires

        PerDetector actual = new PerDetector();
        List<List<MessageError>> actualErrors = new ArrayList<>();
        Map<String, String> shardedStates;
        try (ShardedEngine sharded = new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), 2)) {
            sharded.setActionSink(actual);
            models.forEach(m -> sharded.putModel(m.deepCopy()));
            if (from.equals("bytes read by the shards")) { // parts of 1,000 messages: read on both shards' threads
                actualErrors.addAll(ReadAhead.putCalls(sharded, payloads(calls), 1000));
            } else {
                for (List<Message> call : calls) {
                    actualErrors.add(from.equals("trees") ? sharded.put(call)
                            : sharded.putPrepared(prepared(sharded, call)));
                    if (actualErrors.size() % 7 == 0) {
                        sharded.flush(); // hand-overs of every size, as calls arrive
                    }
                }
            }
            sharded.advanceTo(sharded.now() + 600_000);
            shardedStates = finalStates(models, sharded::detectorStates);
            // both shards had work: the test runs on two threads, not one
            assertThat(models.stream().flatMap(m -> sharded.instances(m.path("detectorModelName").asText()).stream()
                    .map(i -> sharded.shardOf(m.path("detectorModelName").asText(), i.keyValue())))
                    .distinct().count()).isEqualTo(2);
        }

        assertThat(actualErrors).isEqualTo(expectedErrors);
        assertThat(expected.actions.keySet()).hasSizeGreaterThan(600);
        assertThat(actual.actions.keySet()).isEqualTo(expected.actions.keySet());
        expected.actions.forEach((detector, lines) ->
                assertThat(actual.actions.get(detector)).as(detector).containsExactlyElementsOf(lines));
        Map<String, String> singleStates = finalStates(models, single::detectorStates);
        assertThat(singleStates).hasSize(700);
        assertThat(shardedStates).isEqualTo(singleStates);
        assertThat(expected.actions.values().stream().mapToInt(List::size).sum())
                .as("timers fired and states changed").isGreaterThan(5000);
    }

    /**
     * Two shards on two threads, not three: shard 0's detectors run on the calling thread (the coordinator), shard
     * 1's on its own thread, each detector always on the same one.
     */
    @Test
    void shardZeroRunsOnTheCallingThreadAndShardOneOnItsOwn() throws Exception {
        List<ObjectNode> models = models();
        Map<String, java.util.Set<String>> threadsByDetector = new ConcurrentHashMap<>();
        String caller = Thread.currentThread().getName();
        try (ShardedEngine sharded = new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), 2)) {
            sharded.setCycleListener(cycle -> threadsByDetector.computeIfAbsent(
                    cycle.detectorModelName() + "|" + cycle.keyValue(), d -> ConcurrentHashMap.newKeySet())
                    .add(Thread.currentThread().getName()));
            models.forEach(m -> sharded.putModel(m.deepCopy()));
            ReadAhead.putCalls(sharded, payloads(calls().subList(0, 500)), 300);
            sharded.quiesce();
            assertThat(threadsByDetector).hasSizeGreaterThan(400);
            threadsByDetector.forEach((detector, threads) -> {
                String[] modelAndKey = detector.split("\\|", 2);
                String expected = sharded.shardOf(modelAndKey[0], modelAndKey[1]) == 0 ? caller : "engine-shard-1";
                assertThat(threads).as(detector).containsExactly(expected);
            });
        }
    }

    /**
     * A model whose iotEvents action is another detector's message (§C.10) runs its shards on the coordinator,
     * one at a time: the same detectors as on one engine.
     */
    @Test
    void aForwardingModelOnTwoShardsGivesTheSameDetectorsAsOneEngine() throws Exception {
        ObjectNode forwarder = (ObjectNode) JSON.readTree("""
                {"detectorModelName": "forwarder", "key": "id", "roleArn": "arn:aws:iam::123456789012:role/r",
                 "detectorModelDefinition": {"initialStateName": "S", "states": [{"stateName": "S",
                   "onInput": {"events": [{"eventName": "send", "condition": "true", "actions": [
                     {"iotEvents": {"inputName": "Out",
                       "payload": {"contentExpression": "'{\\"id\\": \\"${$input.In.id}\\"}'", "type": "JSON"}}}]}]}}]}}""");
        ObjectNode counter = (ObjectNode) JSON.readTree("""
                {"detectorModelName": "counter", "key": "id", "roleArn": "arn:aws:iam::123456789012:role/r",
                 "detectorModelDefinition": {"initialStateName": "T", "states": [{"stateName": "T",
                   "onInput": {"events": [{"eventName": "count", "condition": "$input.Out.id != 'x'", "actions": [
                     {"setVariable": {"variableName": "n", "value": "$variable.n + 1"}}]}]},
                   "onEnter": {"events": [{"eventName": "zero", "actions": [
                     {"setVariable": {"variableName": "n", "value": "0"}}]}]}}]}}""");
        List<ObjectNode> models = List.of(forwarder, counter);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(new Message("In", null, JSON.readTree("{\"id\": \"d" + (i % 17) + "\"}"), null));
        }
        Engine single = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        models.forEach(m -> single.putModel(m.deepCopy()));
        messages.forEach(m -> single.put(List.of(m)));
        Map<String, String> expected = finalStates(models, single::detectorStates);
        Map<String, String> actual;
        try (ShardedEngine sharded = new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), 2)) {
            models.forEach(m -> sharded.putModel(m.deepCopy()));
            messages.forEach(m -> sharded.put(List.of(m)));
            actual = finalStates(models, sharded::detectorStates);
        }
        assertThat(expected).hasSize(34);
        assertThat(expected.get("counter|d0")).contains("n=INTEGER:12"); // d0 was sent 12 messages
        assertThat(actual).isEqualTo(expected);
    }

    /** The calls' messages as JSON bytes. */
    private static List<List<ReadAhead.Payload>> payloads(List<List<Message>> calls) throws Exception {
        List<List<ReadAhead.Payload>> payloads = new ArrayList<>();
        for (List<Message> call : calls) {
            List<ReadAhead.Payload> p = new ArrayList<>();
            for (Message m : call) {
                p.add(new ReadAhead.Payload(m.inputName(), m.messageId(), JSON.writeValueAsBytes(m.payload()),
                        m.timestampMillis()));
            }
            payloads.add(p);
        }
        return payloads;
    }

    /**
     * A payload that is not JSON stops the calls with the error {@code prepare} gives, once the calls before its
     * call are put — read on the coordinator (parts of 3 calls) or on the shards' threads (parts of 300).
     */
    @ParameterizedTest(name = "read ahead: {0} calls")
    @ValueSource(ints = {3, 300}) // below and above ReadAhead.PARALLEL_READING
    void readingAheadStopsAtAPayloadThatIsNotJsonAfterPuttingTheCallsBeforeIt(int readAhead) throws Exception {
        List<ObjectNode> models = models();
        List<List<Message>> calls = calls().subList(0, 1000).stream() // no ids: every message runs a cycle
                .map(call -> call.stream().map(m -> new Message(m.inputName(), null, m.payload(), null)).toList())
                .toList();
        List<List<ReadAhead.Payload>> payloads = payloads(calls);
        int bad = 700;
        payloads.get(bad).set(0, new ReadAhead.Payload("PressureInput", null, "{\"motorid\": ".getBytes(), null));
        Engine single = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        models.forEach(m -> single.putModel(m.deepCopy()));
        calls.subList(0, bad).forEach(single::put);
        Exception expected = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> single.prepare("PressureInput", null, payloads.get(bad).get(0).json(), null));
        try (ShardedEngine sharded = new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), 2)) {
            models.forEach(m -> sharded.putModel(m.deepCopy()));
            Exception actual = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> ReadAhead.putCalls(sharded, payloads, readAhead));
            assertThat(actual).hasMessage(expected.getMessage());
            assertThat(finalStates(models, sharded::detectorStates))
                    .isEqualTo(finalStates(models, single::detectorStates)).hasSizeGreaterThan(500);
        }
    }

    private static List<PreparedMessage> prepared(ShardedEngine sharded, List<Message> call) throws Exception {
        List<PreparedMessage> prepared = new ArrayList<>();
        for (Message m : call) {
            prepared.add(sharded.prepare(m.inputName(), m.messageId(), JSON.writeValueAsBytes(m.payload()),
                    m.timestampMillis()));
        }
        return prepared;
    }

    /** Read from bytes without a tree, a message still shows its payload in the shards' trace. */
    @Test
    void aTraceOfShardsShowsThePayloadOfAMessageReadFromBytes() throws Exception {
        List<ObjectNode> models = models();
        List<Message> call = calls().get(0).stream() // no ids: every message runs a cycle
                .map(m -> new Message(m.inputName(), null, m.payload(), m.timestampMillis())).toList();
        List<String> payloads = Collections.synchronizedList(new ArrayList<>());
        try (ShardedEngine sharded = new ShardedEngine(EngineOptions.DEFAULTS, new VirtualClock(0), 2)) {
            sharded.setCycleListener(cycle -> {
                if (cycle.trigger() instanceof CycleRecord.MessageTrigger m) {
                    payloads.add(m.payload().toString());
                }
            });
            models.forEach(m -> sharded.putModel(m.deepCopy()));
            sharded.putPrepared(prepared(sharded, call));
            sharded.quiesce();
        }
        assertThat(call).isNotEmpty();
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(call.stream().map(m -> m.payload().toString()).toList());
    }

    @ParameterizedTest(name = "from bytes: {0}")
    @ValueSource(booleans = {false, true})
    void orderedOutputOfTwoShardsIsLineForLineOneEnginesOutput(boolean fromBytes) throws Exception {
        List<ObjectNode> models = models();
        List<List<Message>> calls = calls();
        List<String> expected = new ArrayList<>();
        // timers of different detectors due together: the total order both can keep (EngineOptions)
        Engine single = new Engine(EngineOptions.DEFAULTS.withTimerTiesByDetector(true), new VirtualClock(0));
        single.setActionSink(a -> expected.add(a.toString()));
        models.forEach(m -> single.putModel(m.deepCopy()));
        List<String> actual = new ArrayList<>();
        try (ShardedEngine sharded = ShardedEngine.ordered(EngineOptions.DEFAULTS, new VirtualClock(0), 2,
                a -> a.toJson().toString(), e -> e.message())) {
            models.forEach(m -> sharded.putModel(m.deepCopy()));
            int n = 0;
            for (List<Message> call : calls) {
                for (Message m : call) { // run puts one message per call
                    single.put(List.of(m));
                    if (fromBytes) {
                        sharded.putPrepared(prepared(sharded, List.of(m)));
                    } else {
                        sharded.put(List.of(m));
                    }
                    if (++n % 1000 == 0) {
                        single.advanceTo(single.now() + 250_000);
                        sharded.advanceTo(sharded.now() + 250_000);
                    }
                    if (sharded.undrained() >= 777) {
                        sharded.drainOrdered(line -> actual.add(line.text()));
                    }
                }
            }
            sharded.drainOrdered(line -> actual.add(line.text()));
        }
        assertThat(expected).hasSizeGreaterThan(5000);
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
