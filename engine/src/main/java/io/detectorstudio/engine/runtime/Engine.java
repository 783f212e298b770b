package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The embedded IoT Events engine: any number of detector models, keyed instances created on first message, one
 * evaluation cycle per routed message or expired timer (§C), actions to an {@link ActionSink}.
 *
 * <p>The path of a message: {@link #put} checks the batch (≤ 10 entries, unique ids), moves the clock to the
 * message's time firing every timer due before it, drops duplicates seen on the same input within 5 minutes,
 * then for each model that references the input (§C.1) reads the key, finds or creates the instance and runs a
 * {@link Cycle}. Not thread-safe: one caller at a time (the service serialises cycles per instance, §C.5).
 */
public final class Engine implements Detectors {

    public static final int MAX_BATCH = 10;
    private static final Pattern KEY_VALUE = Pattern.compile("^[a-zA-Z0-9\\-_:]+$");

    private final EngineOptions options;
    private final Clock clock;
    private final Map<String, CompiledModel> models = new LinkedHashMap<>();
    private final Map<String, InstanceTable> instances = new HashMap<>();
    private final Routing routing = new Routing();
    /** (input, messageId) → when first seen; shared structurally by snapshots */
    private final MessageIdMemory seenMessageIds = new MessageIdMemory();
    private final Deque<Message> forwarded = new ArrayDeque<>();
    private final Set<String> declaredInputs = new HashSet<>();
    private final TimerSchedule schedule;

    private void route() {
        routing.rebuild(models.values(), instances);
    }

    void scheduled(String model, DetectorInstance instance, Timer timer) {
        schedule.add(model, instance, timer);
    }

    private ActionSink sink = ActionSink.NONE;
    private EngineLog log = EngineLog.NONE;
    private CycleListener listener;
    private Dispatcher dispatcher;
    private boolean dispatchTrees;
    private Consumer<Message> forwarder;
    private TimerObserver timerObserver;
    private long cycleSequence;
    private final CycleHost host = new CycleHost() {
        @Override
        public EngineOptions options() {
            return options;
        }

        @Override
        public boolean tracing() {
            return listener != null;
        }

        @Override
        public void emit(PerformedAction action) {
            sink.performed(action);
        }

        @Override
        public boolean emitsVariableActions() {
            return sink.receivesVariableActions();
        }

        @Override
        public boolean describesActions() {
            return sink.describesActions();
        }

        @Override
        public void forward(Message message) {
            if (forwarder != null) {
                forwarder.accept(message);
            } else {
                forwarded.add(message);
            }
        }

        @Override
        public void scheduled(String model, DetectorInstance instance, Timer timer) {
            Engine.this.scheduled(model, instance, timer);
        }
    };
    /** the frame of the next cycle: replaced every {@link #CYCLES_PER_FRAME} cycles, see {@link #cycle()} */
    private Cycle cycle;
    private int cyclesOnFrame;
    private static final int CYCLES_PER_FRAME = 4096;

    /**
     * The frame for the next cycle. A cycle stores references into its frame (the instance, the message, input
     * values); into an object the garbage collector has promoted, each such store costs G1's post-write barrier a
     * StoreLoad fence, into a young one a compare. So the frame is replaced by a new one every 4,096 cycles — a
     * few hundred bytes, next to nothing per cycle — and stays young. Nothing carries over from one cycle to the
     * next in a frame.
     */
    private Cycle cycle() {
        if (++cyclesOnFrame == CYCLES_PER_FRAME) {
            cyclesOnFrame = 0;
            cycle = new Cycle(host);
        }
        return cycle;
    }

    public Engine(EngineOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.schedule = new TimerSchedule(options.timerTiesByDetector());
        this.cycle = new Cycle(host); // after the options, which the cycle reads
    }

    public EngineOptions options() {
        return options;
    }

    public void setActionSink(ActionSink sink) {
        this.sink = sink;
    }

    public void setLog(EngineLog log) {
        this.log = log;
    }

    public void setCycleListener(CycleListener listener) {
        this.listener = listener;
    }

    // ---- the seam for engines that share the instances between threads (engine.runtime.shard)

    /** Where a routed message's cycle runs when this engine only routes (it then holds no instances). */
    @FunctionalInterface
    public interface Dispatcher {
        /**
         * The message, checked and de-duplicated, for {@code model}'s instance {@code keyValue} at {@code now};
         * {@code reading} is what the model reads of its payload, read here so that the engine running the cycle
         * does not read the payload again (its payload is null when it was read from bytes and no tree is wanted).
         */
        void dispatch(String model, String keyValue, Message message, PayloadReading reading, long now);
    }

    /** Told before each timer's expiry cycle. */
    @FunctionalInterface
    public interface TimerObserver {
        void expiring(String model, String keyValue, String timer, long at);
    }

    /**
     * With a dispatcher, {@link #put} checks, de-duplicates and routes (§C.1, §C.6) but hands every model's cycle to
     * it instead of running it here.
     *
     * @param payloadTrees whether a message read from bytes is handed over with its payload as a tree (parsed here)
     *                     — the engines running the cycles have a {@link CycleListener}, whose trace shows it
     */
    public void setDispatcher(Dispatcher dispatcher, boolean payloadTrees) {
        this.dispatcher = dispatcher;
        this.dispatchTrees = payloadTrees;
    }

    /** With a forwarder, messages that iotEvents actions send (§C.10) go to it instead of being routed here. */
    public void setForwarder(Consumer<Message> forwarder) {
        this.forwarder = forwarder;
    }

    public void setTimerObserver(TimerObserver observer) {
        this.timerObserver = observer;
    }

    /**
     * Runs one model's cycle for a message another engine routed ({@link Dispatcher}): the timers due up to
     * {@code now} fire first, then the instance is found or created and the cycle runs, as {@link #put} would.
     */
    public void deliver(String model, String keyValue, Message message, PayloadReading reading, long now) {
        advanceTo(now);
        CompiledModel compiled = models.get(model);
        if (compiled != null) {
            runCycle(compiled, instances.get(model), compiled.symbols.existingInputSlot(message.inputName()), keyValue,
                    message, now, reading);
        }
        while (!forwarded.isEmpty()) {
            process(forwarded.poll());
        }
    }

    /**
     * Adds or replaces a model (CreateDetectorModel or UpdateDetectorModel request shape); replacing bumps the
     * version and deletes its instances (§C.9).
     */
    public void putModel(ObjectNode request) {
        putModel(request, null);
    }

    /**
     * Creates or updates a model. {@code version} is the model's version as a Describe export states it; null gives
     * "1" for a new model and the previous version + 1 for an update (§C.9), as {@code detectorModelVersion} of the
     * default payload shows.
     */
    public void putModel(ObjectNode request, String version) {
        String name = request.path("detectorModelName").asText("");
        CompiledModel previous = models.get(name);
        if (version == null) {
            version = previous == null ? "1" : Long.toString(versionNumber(previous.version) + 1);
        }
        if (previous != null && previous.key != null && !request.has("key")) {
            // an UpdateDetectorModel request has no key: the key cannot change, the new version keeps it
            request = request.deepCopy().put("key", previous.key);
        }
        models.put(name, new CompiledModel(request, version));
        instances.put(name, new InstanceTable());
        route();
    }

    private static long versionNumber(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return 0; // a version an export gave in another form; the update after it is "1"
        }
    }

    /** An input that exists (CreateInput) even if no model reads it: its messages are accepted, not rejected. */
    public void declareInput(String inputName) {
        declaredInputs.add(inputName);
    }

    public void deleteModel(String name) {
        models.remove(name);
        instances.remove(name);
        route();
    }

    /** BatchPutMessage: returns the per-entry errors; the other entries still run. */
    public List<MessageError> put(List<Message> batch) {
        return put(batch, null);
    }

    /**
     * BatchPutMessage of messages read by {@link #prepare}: the same as {@link #put} of their messages, without
     * reading the payloads again.
     */
    @Override
    public List<MessageError> putPrepared(List<PreparedMessage> batch) {
        return put(null, batch);
    }

    /**
     * One payload read for the models that read its input (§C.1) — key and {@code $input} values — before it is
     * put; the tree is not read again by {@link #putPrepared}. Reads only the models, never instances: on the
     * engine's thread, or on another while no model is added, updated or deleted.
     */
    public PreparedMessage prepare(Message m) {
        return routing.prepare(m);
    }

    /**
     * One message from its payload's JSON bytes: what the models read of it comes straight from the bytes
     * ({@link PayloadReader}, skipping every member no path enters); the tree is built only where the
     * bytes need it (not an object, a number a reference must fail on) or later a trace does. Accepts and rejects
     * exactly what {@code ObjectMapper.readTree} followed by {@link #prepare(Message)} would.
     *
     * @throws IOException when the bytes are not JSON, as {@code readTree} throws it
     */
    @Override
    public PreparedMessage prepare(String inputName, String messageId, byte[] payload, Long timestampMillis)
            throws IOException {
        return routing.prepare(inputName, messageId, payload, timestampMillis);
    }

    /** One of the two batches is given. */
    private List<MessageError> put(List<Message> messages, List<PreparedMessage> prepared) {
        int size = messages != null ? messages.size() : prepared.size();
        if (size == 0 || size > MAX_BATCH) {
            List<MessageError> errors = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                errors.add(new MessageError(messageId(messages, prepared, i), "InvalidRequestException",
                        "a BatchPutMessage call takes 1 to " + MAX_BATCH + " messages, not " + size));
            }
            return errors;
        }
        List<MessageError> errors = null; // most batches have none: allocate only when needed
        for (int i = 0; i < size; i++) {
            MessageError error = repeatsAnEarlierId(messages, prepared, i) ? new MessageError(
                    messageId(messages, prepared, i), "InvalidRequestException", "messageId '"
                    + messageId(messages, prepared, i) + "' appears twice in this batch")
                    : messages != null ? process(messages.get(i))
                    : process(prepared.get(i));
            while (!forwarded.isEmpty()) {
                process(forwarded.poll());
            }
            if (error != null) {
                errors = errors == null ? new ArrayList<>() : errors;
                errors.add(error);
            }
        }
        return errors == null ? List.of() : errors;
    }

    private static String messageId(List<Message> messages, List<PreparedMessage> prepared, int i) {
        return messages != null ? messages.get(i).messageId() : prepared.get(i).messageId();
    }

    private static boolean repeatsAnEarlierId(List<Message> messages, List<PreparedMessage> prepared, int i) {
        String id = i == 0 ? null : messageId(messages, prepared, i); // the first has nothing to repeat
        for (int j = 0; id != null && j < i; j++) {
            if (id.equals(messageId(messages, prepared, j))) {
                return true;
            }
        }
        return false;
    }

    private MessageError process(Message m) {
        if (m.payload() == null || !m.payload().isObject()) {
            return m.inputName() == null || m.inputName().isEmpty() ? inputNameRequired(m.messageId())
                    : new MessageError(m.messageId(), "InvalidRequestException", "the payload must be a JSON object");
        }
        return process(m.inputName(), m.messageId(), m.timestampMillis(), m, null);
    }

    private MessageError process(PreparedMessage prepared) {
        if (prepared.readings == null) { // not read for the models: its payload is a tree, checked as any message's
            return process(prepared.message());
        }
        // read for the models (readings): its payload was an object; neither it nor its Message is touched here
        return process(prepared.inputName(), prepared.messageId(), prepared.timestampMillis(), prepared.withoutTree(),
                prepared);
    }

    private static MessageError inputNameRequired(String messageId) {
        return new MessageError(messageId, "InvalidRequestException", "inputName is required");
    }

    /**
     * One message, its payload an object; {@code prepared} (or null) is what was read of it, {@code m} then its
     * message (its payload null when it was read from bytes); {@code inputName}, {@code messageId} and
     * {@code timestamp} are the message's.
     */
    private MessageError process(String inputName, String messageId, Long timestamp, Message m,
                                 PreparedMessage prepared) {
        if (inputName == null || inputName.isEmpty()) {
            return inputNameRequired(messageId);
        }
        long now = arrival(timestamp);
        if (messageId != null && seenBefore(inputName, messageId, now)) {
            return null; // §C.6: ignored silently, as the service does
        }
        Routing.Route[] routed = routing.of(inputName);
        if (routed == null) {
            return unrouted(inputName, messageId);
        }
        PayloadReading[] readings = null;
        if (prepared != null) {
            if (prepared.routes != routed) { // read for models that have changed since
                prepared = prepare(prepared.message());
                m = prepared.message();
            }
            if (listener != null) {
                m = prepared.message(); // the trace shows the payload
            }
            readings = prepared.readings;
        }
        for (int r = 0; r < routed.length; r++) {
            CompiledModel model = routed[r].model();
            // with a dispatcher, read here: the engine running the cycle (on another core) then touches only the
            // reading, not the payload this thread has just brought into its cache
            PayloadReading reading = readings != null ? readings[r]
                    : dispatcher != null ? routed[r].reader().read(m.payload()) : null;
            String key = reading != null ? reading.key() : keyOf(model, m.payload());
            if (model.keyPath != null && key == null) {
                noKey(model, inputName, messageId);
            } else if (dispatcher != null) {
                dispatcher.dispatch(model.name, key, prepared != null && dispatchTrees ? prepared.message() : m,
                        reading, now);
            } else {
                runCycle(model, routed[r].byKey(), routed[r].inputSlot(), key, m, now,
                        readings != null ? readings[r] : null);
            }
        }
        return null;
    }

    /** The time a message is processed at (its own, if later than the clock's), the timers due until then fired. */
    private long arrival(Long timestamp) {
        long time = timestamp != null ? Math.max(timestamp, clock.nowMillis()) : clock.nowMillis();
        advanceTo(time);
        return Math.max(time, clock.nowMillis());
    }

    /** A message on an input no model reads: accepted when the input exists, else an error. */
    private MessageError unrouted(String inputName, String messageId) {
        return declaredInputs.contains(inputName) ? null : new MessageError(messageId, "ResourceNotFoundException",
                "no detector model uses input '" + inputName + "'");
    }

    /** §C.6: whether the message's id was seen on its input within the window; if not, it is remembered. */
    private boolean seenBefore(String inputName, String messageId, long now) {
        String dedupKey = inputName + "\u0000" + messageId; // [GAP] §C.6: per input name
        seenMessageIds.forgetUpTo(now - options.deduplicationWindowMillis());
        if (seenMessageIds.contains(dedupKey)) {
            return true;
        }
        seenMessageIds.add(dedupKey, now);
        return false;
    }

    /** [GAP] §C.1: a message without the key attribute is not delivered to this model, and logged. */
    private void noKey(CompiledModel model, String inputName, String messageId) {
        log.log(new EngineLog.Entry(Severity.ERROR, model.name, null, messageId, "the message on input '"
                + inputName + "' has no key attribute '" + String.join(".", model.keyPath)
                + "' (or it is an object, an array or null): not delivered to detector model '" + model.name + "'"));
    }

    /**
     * Finds or creates the model's instance for the key and runs the message's cycle on it; {@code reading} (or
     * null) is the input's key and values already read by {@link PayloadReader}.
     */
    private void runCycle(CompiledModel model, InstanceTable byKey, int inputSlot, String key,
                          Message m, long now, PayloadReading reading) {
        DetectorInstance instance = byKey.find(key, reading);
        boolean created = instance == null;
        if (created) {
            instance = create(model, byKey, key, m, now);
        }
        cycleSequence++;
        finished(cycle().message(model, instance, created, m, inputSlot, now, cycleSequence,
                reading == null ? null : reading.values()));
    }

    private DetectorInstance create(CompiledModel model, InstanceTable byKey, String key, Message m, long now) {
        if (key != null && !isAddressable(key)) {
            log.log(new EngineLog.Entry(Severity.WARNING, model.name, key, m.messageId(), "key value '" + key
                    + "' does not match ^[a-zA-Z0-9\\-_:]+$: the detector is created, but DescribeDetector and "
                    + "BatchUpdateDetector could not address it")); // [GAP] §C.1: create anyway, warn
        }
        DetectorInstance instance = new DetectorInstance(key, model.symbols, model.initialState, now);
        byKey.put(instance);
        return instance;
    }

    private void finished(CycleRecord record) {
        if (listener != null) {
            listener.cycleFinished(record);
        }
    }

    /** The key value of a message (§C.1), as text; null when the model has a key and the message lacks it. */
    static String keyOf(CompiledModel model, JsonNode payload) {
        return PayloadReader.keyOf(model.keyPath, payload);
    }

    /** Whether DescribeDetector/BatchUpdateDetector could address this key value (§C.1). */
    public static boolean isAddressable(String keyValue) {
        return KEY_VALUE.matcher(keyValue).matches();
    }

    /** Moves the clock forward, firing every timer due on the way, in time order (ties by name, §C.5). */
    public void advanceTo(long millis) {
        for (TimerSchedule.Scheduled due = schedule.takeDue(millis, instances); due != null;
             due = schedule.takeDue(millis, instances)) {
            CompiledModel model = models.get(due.model());
            DetectorInstance instance = due.instance();
            if (clock instanceof VirtualClock v) {
                v.set(due.at());
            }
            if (timerObserver != null) {
                timerObserver.expiring(due.model(), instance.keyValue, due.timer(), due.at());
            }
            cycleSequence++;
            finished(cycle().timer(model, instance, due.timer(), due.at(), cycleSequence));
            while (!forwarded.isEmpty()) {
                process(forwarded.poll());
            }
        }
        if (clock instanceof VirtualClock v) {
            v.set(millis);
        }
    }

    /** The time of the next timer due, or null. */
    public Long nextTimerDue() {
        return schedule.nextAt(instances);
    }

    public long now() {
        return clock.nowMillis();
    }

    /** The instance of {@code model} with {@code keyValue} (null for a keyless model), or null. */
    public DetectorInstance instance(String model, String keyValue) {
        InstanceTable byKey = instances.get(model);
        return byKey == null ? null : byKey.get(keyValue == null ? "" : keyValue);
    }

    /** BatchDeleteDetector: the instance disappears with its timers; a later message creates a fresh one. */
    public MessageError deleteDetector(String model, String keyValue) {
        InstanceTable byKey = instances.get(model);
        if (byKey == null) {
            return new MessageError(null, "ResourceNotFoundException", "no detector model '" + model + "'");
        }
        if (byKey.remove(keyValue == null ? "" : keyValue) == null) {
            return new MessageError(null, "ResourceNotFoundException", "no detector with key '" + keyValue + "'");
        }
        return null; // its scheduled timers are skipped: TimerSchedule.Scheduled.live no longer finds the instance
    }

    /** Whether the model receives messages of the input (§C.1: it mentions {@code $input.<name>} or currentInput). */
    public boolean reads(String model, String inputName) {
        CompiledModel m = models.get(model);
        return m != null && m.routedInputs.contains(inputName);
    }

    public boolean hasModel(String model) {
        return models.containsKey(model);
    }

    /** Whether the model's detectors are keyed (have a {@code key}). */
    public boolean isKeyed(String model) {
        CompiledModel m = models.get(model);
        return m != null && m.keyPath != null;
    }

    public Collection<DetectorInstance> instances(String model) {
        InstanceTable byKey = instances.get(model);
        return byKey == null ? List.of() : List.copyOf(byKey.values());
    }

    public String modelVersion(String model) {
        CompiledModel m = models.get(model);
        return m == null ? null : m.version;
    }

    /** BatchUpdateDetector (§C.12): exactly these variables and timers, no onEnter/onExit, no cycle. */
    public MessageError update(String model, String keyValue, String stateName, Map<String, Value> variables,
                               Map<String, Long> timerSeconds) {
        CompiledModel m = models.get(model);
        if (m == null) {
            return new MessageError(null, "ResourceNotFoundException", "no detector model '" + model + "'");
        }
        DetectorInstance instance = instance(model, keyValue);
        if (instance == null) {
            return new MessageError(null, "ResourceNotFoundException", "no detector with key '" + keyValue + "'");
        }
        if (!m.states.containsKey(stateName)) {
            return new MessageError(null, "InvalidRequestException", "state '" + stateName + "' does not exist");
        }
        for (Timer timer : InstanceStates.overwrite(m, instance, stateName, variables, timerSeconds,
                clock.nowMillis())) {
            scheduled(model, instance, timer);
        }
        return null;
    }

    /** Every instance of {@code model} by name (for a durable store's checkpoint); empty for an unknown model. */
    public List<DetectorState> detectorStates(String model) {
        List<DetectorState> out = new ArrayList<>();
        for (DetectorInstance i : instances(model)) {
            out.add(InstanceStates.save(i));
        }
        return out;
    }

    /** Puts back an instance saved by {@link #detectorStates}, timers scheduled; the model must exist. */
    public void restoreDetector(String model, DetectorState state) {
        CompiledModel m = models.get(model);
        if (m == null) {
            throw new IllegalArgumentException("no detector model '" + model + "'");
        }
        DetectorInstance i = InstanceStates.restore(m, state);
        instances.get(model).put(i); // first: a scheduled timer whose instance is not in the table counts as cleared
        for (Timer timer : InstanceStates.timers(state)) {
            i.putTimer(timer);
            scheduled(model, i, timer);
        }
    }

    /** The de-duplication memory (§C.6): "input NUL messageId" → when first seen, oldest first. */
    public Map<String, Long> seenMessageIds() {
        return seenMessageIds.copy();
    }

    /** Puts back a de-duplication memory saved by {@link #seenMessageIds}. */
    public void restoreSeenMessageIds(Map<String, Long> seen) {
        seenMessageIds.replace(seen);
    }

    /** Everything needed to return to this moment exactly (for the simulator's step back). */
    public Snapshot snapshot() {
        Map<String, Map<String, DetectorInstance>> copy = new HashMap<>();
        instances.forEach((model, byKey) -> {
            Map<String, DetectorInstance> c = new LinkedHashMap<>();
            byKey.values().forEach(i -> c.put(InstanceTable.keyOf(i), i.copy()));
            copy.put(model, c);
        });
        long now = clock.nowMillis();
        // ids outside the window can never match again: not kept; the rest is shared with earlier snapshots
        return new Snapshot(copy, seenMessageIds.mark(now - options.deduplicationWindowMillis()), now, cycleSequence);
    }

    public void restore(Snapshot snapshot) {
        instances.clear();
        snapshot.instances().forEach((model, byKey) -> {
            InstanceTable c = new InstanceTable();
            byKey.values().forEach(i -> c.put(i.copy()));
            instances.put(model, c);
        });
        route();
        seenMessageIds.restore(snapshot.seenMessageIds());
        schedule.clear();
        instances.forEach((model, byKey) -> byKey.values().forEach(i -> i.runningTimers()
                .forEach(t -> scheduled(model, i, t))));
        cycleSequence = snapshot.cycleSequence();
    }

    /**
     * An immutable copy of every instance, the de-duplication memory (a {@link MessageIdMemory.Mark}, sharing what
     * earlier snapshots saw) and the cycle counter.
     */
    public record Snapshot(Map<String, Map<String, DetectorInstance>> instances, MessageIdMemory.Mark seenMessageIds,
                           long timeMillis, long cycleSequence) {
    }
}
