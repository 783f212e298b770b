package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.DetectorInstance;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.ModelRunner;
import io.detectorstudio.engine.runtime.PerformedAction;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One detector instance per Flink key (model and key value). Its state is the engine's compact bytes in a
 * {@link ValueState}; every cycle is the engine's ({@link ModelRunner}). Per instance, one Flink timer (event or
 * processing time) stands for the earliest of its detector timers and moves as they are set, reset and cleared.
 * §C.6 de-duplication: the messageIds this instance received in the last 5 minutes, per input, in a
 * {@link MapState} whose entries expire by Flink's state TTL. Emits every action as the trace.md action object
 * (one JSON line, what {@code run} prints); an iotEvents action's message (§C.10) is delivered here at once when
 * it is for this same instance, otherwise it leaves through {@link #FORWARDED} to be fed back into the input.
 */
final class DetectorFunction extends KeyedProcessFunction<String, Routed, String> {

    static final OutputTag<Envelope> FORWARDED = new OutputTag<>("forwarded") { };
    /** the instance after each cycle (when {@code reportStates}): JSON with state, variables, timers and bytes */
    static final OutputTag<String> STATES = new OutputTag<>("states") { };
    static final Duration DEDUP_WINDOW = Duration.ofMinutes(5);
    /** a chain of iotEvents messages to the same instance longer than this is cut (a model that feeds itself) */
    static final int MAX_FORWARD_DEPTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProjectModels models;
    private final boolean eventTime;
    private final boolean reportStates;
    private transient Map<String, ModelRunner> runners;
    private transient ValueState<byte[]> instance;
    private transient MapState<String, Long> seen;

    DetectorFunction(ProjectModels models, boolean eventTime, boolean reportStates) {
        this.models = models;
        this.eventTime = eventTime;
        this.reportStates = reportStates;
    }

    @Override
    public void open(OpenContext context) {
        runners = new HashMap<>();
        models.runners().forEach(r -> runners.put(r.modelName(), r));
        instance = getRuntimeContext().getState(
                new ValueStateDescriptor<>("detector", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        MapStateDescriptor<String, Long> ids = new MapStateDescriptor<>("messageIds", Types.STRING, Types.LONG);
        ids.enableTimeToLive(StateTtlConfig.newBuilder(DEDUP_WINDOW)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        seen = getRuntimeContext().getMapState(ids);
    }

    @Override
    public void processElement(Routed r, Context ctx, Collector<String> out) throws Exception {
        long time = eventTime ? r.time : ctx.timerService().currentProcessingTime();
        deliver(r.model, r.keyValue, new Message(r.inputName, r.messageId, JSON.readTree(r.payload), r.time), time,
                ctx, out, 0);
    }

    private void deliver(String model, String keyValue, Message m, long time, Context ctx, Collector<String> out,
                         int depth) throws Exception {
        if (isDuplicate(m, time)) {
            return; // §C.6: ignored silently, as the service does
        }
        ModelRunner runner = runners.get(model);
        ModelRunner.Outcome outcome = runner.message(instance.value(), keyValue.isEmpty() ? null : keyValue, m, time);
        applied(runner, keyValue, outcome, ctx, out);
        for (Message f : outcome.forwarded()) {
            forward(model, keyValue, f, ctx, out, depth);
        }
    }

    private boolean isDuplicate(Message m, long time) throws Exception {
        if (m.messageId() == null) {
            return false;
        }
        String id = m.inputName() + '\u0000' + m.messageId(); // [GAP] §C.6: per input name
        Long at = seen.get(id);
        if (at != null && time - at < DEDUP_WINDOW.toMillis()) {
            return true;
        }
        seen.put(id, time);
        return false;
    }

    /**
     * §C.10: to this same instance at once, in the order the actions ran; to any other detector through the loop
     * ({@link #FORWARDED}). A message that reaches this instance both ways is used once: the looped copy carries the
     * same generated messageId and is dropped here as a duplicate.
     */
    private void forward(String model, String keyValue, Message f, Context ctx, Collector<String> out, int depth)
            throws Exception {
        ModelRunner self = runners.get(model);
        boolean here = self.reads(f.inputName()) && keyValue.equals(Objects.toString(self.keyOf(f.payload()), ""));
        boolean elsewhere = (self.reads(f.inputName()) && !here)
                || runners.values().stream().anyMatch(r -> r != self && r.reads(f.inputName()));
        if (here) {
            if (depth >= MAX_FORWARD_DEPTH) {
                System.err.println("run: ERROR " + model + ": more than " + MAX_FORWARD_DEPTH
                        + " iotEvents messages in a chain to the same detector; the rest is dropped");
                return;
            }
            deliver(model, keyValue, f, f.timestampMillis(), ctx, out, depth + 1);
        }
        if (elsewhere) {
            Envelope e = Envelope.message(0, f.inputName(), f.messageId(), f.payload().toString(), f.timestampMillis());
            e.key = partitionKey(model, keyValue, f);
            ctx.output(FORWARDED, e);
        }
    }

    /**
     * The key value of the detector a forwarded message is for (the model name for a keyless model), so it joins
     * that detector's own messages in the input topic; the sender's own key when the receivers' keys differ.
     */
    private String partitionKey(String model, String keyValue, Message f) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (ModelRunner r : runners.values()) {
            if (r.reads(f.inputName())) {
                keys.add(r.keyed() ? Objects.toString(r.keyOf(f.payload()), "") : r.modelName());
            }
        }
        keys.remove("");
        return keys.size() == 1 ? keys.iterator().next() : keyValue.isEmpty() ? model : keyValue;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        if (eventTime && ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the bounded input ended: event time stops where the messages stopped, as in `run`
        }
        String detector = ctx.getCurrentKey();
        int split = detector.indexOf('\u0000');
        String model = detector.substring(0, split);
        String keyValue = detector.substring(split + 1);
        ModelRunner runner = runners.get(model);
        ModelRunner.Outcome outcome = runner.advance(instance.value(), keyValue.isEmpty() ? null : keyValue, timestamp);
        if (outcome == null) {
            return;
        }
        applied(runner, keyValue, outcome, ctx, out);
        for (Message f : outcome.forwarded()) {
            forward(model, keyValue, f, ctx, out, 0);
        }
    }

    private void applied(ModelRunner runner, String keyValue, ModelRunner.Outcome outcome, Context ctx,
                         Collector<String> out) throws Exception {
        instance.update(outcome.state());
        Long before = outcome.timerDueBefore();
        Long next = outcome.nextTimerDue();
        if (!Objects.equals(before, next)) {
            if (before != null) {
                deleteTimer(ctx, before);
            }
            if (next != null) {
                registerTimer(ctx, next);
            }
        }
        for (PerformedAction action : outcome.actions()) {
            out.collect(action.toJson().toString());
        }
        if (reportStates) {
            ctx.output(STATES, describe(runner, keyValue, outcome.state()).toString());
        }
    }

    private void registerTimer(Context ctx, long at) {
        if (eventTime) {
            ctx.timerService().registerEventTimeTimer(at);
        } else {
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    private void deleteTimer(Context ctx, long at) {
        if (eventTime) {
            ctx.timerService().deleteEventTimeTimer(at);
        } else {
            ctx.timerService().deleteProcessingTimeTimer(at);
        }
    }

    /** The instance as a states line: model, key, state name, variables, timers (expiry millis) and its bytes. */
    static ObjectNode describe(ModelRunner runner, String keyValue, byte[] state) {
        DetectorInstance d = runner.read(state, keyValue.isEmpty() ? null : keyValue);
        ObjectNode line = JSON.createObjectNode();
        line.put("detectorModelName", runner.modelName());
        if (!keyValue.isEmpty()) {
            line.put("keyValue", keyValue);
        }
        line.put("stateName", d.stateName());
        ObjectNode variables = line.putObject("variables");
        d.variables().forEach((name, v) -> {
            try {
                variables.set(name, JSON.readTree(v.toJson()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ObjectNode timers = line.putObject("timers");
        d.timerExpiries().forEach(timers::put);
        line.put("bytes", state.length);
        return line;
    }
}
