package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One detector model's cycles run on instance state the caller owns — for hosts that keep instances elsewhere,
 * such as Flink keyed state. The state goes in and comes back as compact bytes ({@link DetectorStateCodec});
 * every cycle is the engine's own {@link Cycle} (the embedded {@link Engine} takes the same path), so §C is
 * implemented once.
 *
 * <p>Time is the instance's own: a message or a time advance first fires the instance's timers due by then (expiry
 * order, ties by name, §C.5), as the engine's clock would. What the embedded engine does across instances —
 * de-duplication (§C.6), routing to models (§C.1) and processing forwarded {@code iotEvents} messages (§C.10) —
 * is the host's: {@link #reads}, {@link #keyOf} and {@link Outcome#forwarded()} give it what it needs. Not
 * thread-safe: one runner per thread.
 */
public final class ModelRunner {

    private final CompiledModel model;
    private final EngineOptions options;
    private final List<PerformedAction> actions = new ArrayList<>();
    private final List<Message> forwarded = new ArrayList<>();
    private final Cycle cycle;

    /**
     * @param request a CreateDetectorModel request
     * @param version its detectorModelVersion (null: "1")
     */
    public ModelRunner(ObjectNode request, String version, EngineOptions options) {
        this.model = new CompiledModel(request, version == null ? "1" : version);
        this.options = options;
        this.cycle = new Cycle(new CycleHost() {
            @Override
            public EngineOptions options() {
                return options;
            }

            @Override
            public boolean tracing() {
                return false;
            }

            @Override
            public void emit(PerformedAction action) {
                actions.add(action);
            }

            @Override
            public void forward(Message message) {
                forwarded.add(message);
            }

            @Override
            public void scheduled(String model, DetectorInstance instance, Timer timer) {
                // the instance's timers travel with its state; the host schedules by Outcome.nextTimerDue
            }
        });
    }

    /**
     * What one call did: the instance's new state, the actions performed (in order), the iotEvents messages to
     * route (§C.10), and the time of its earliest running timer before and after the call (null: none), so a host
     * that schedules one wake-up per instance can move it.
     */
    public record Outcome(byte[] state, List<PerformedAction> actions, List<Message> forwarded, Long timerDueBefore,
                          Long nextTimerDue) {
    }

    public String modelName() {
        return model.name;
    }

    /** Whether the model receives messages of this input (it mentions it, §C.1). */
    public boolean reads(String inputName) {
        return model.routedInputs.contains(inputName);
    }

    public boolean keyed() {
        return model.keyPath != null;
    }

    /** The key value of a message for this model (§C.1); null when the model is keyless or the key is missing. */
    public String keyOf(JsonNode payload) {
        return Engine.keyOf(model, payload);
    }

    /**
     * Delivers a message to the instance {@code state} (null: none yet — it is created, §C.2) at {@code time}
     * (never before the instance's last cycle), after firing the instance's timers due by then.
     */
    public Outcome message(byte[] state, String keyValue, Message message, long time) {
        begin();
        DetectorInstance instance = state == null ? null : DetectorStateCodec.decode(state, keyValue, model);
        long now = instance == null ? time : Math.max(time, instance.lastUpdateTime);
        boolean created = instance == null;
        Long dueBefore = created ? null : earliest(instance);
        if (created) {
            instance = new DetectorInstance(keyValue, model.symbols, model.initialState, now);
        } else {
            fireTimersDueBy(instance, now);
        }
        cycle.message(model, instance, created, message, now, instance.cycles + 1);
        return outcome(instance, dueBefore);
    }

    /** Moves the instance's time to {@code time}, running the cycle of every timer due by then; null state: null. */
    public Outcome advance(byte[] state, String keyValue, long time) {
        if (state == null) {
            return null;
        }
        begin();
        DetectorInstance instance = DetectorStateCodec.decode(state, keyValue, model);
        Long dueBefore = earliest(instance);
        fireTimersDueBy(instance, time);
        return outcome(instance, dueBefore);
    }

    /** The instance the bytes describe (state name, variables, timers), for reports and comparisons. */
    public DetectorInstance read(byte[] state, String keyValue) {
        return DetectorStateCodec.decode(state, keyValue, model);
    }

    private void begin() {
        actions.clear();
        forwarded.clear();
    }

    private void fireTimersDueBy(DetectorInstance instance, long time) {
        for (Timer due = nextDue(instance); due != null && due.expiresAtMillis() <= time; due = nextDue(instance)) {
            cycle.timer(model, instance, due.name(), due.expiresAtMillis(), instance.cycles + 1);
        }
    }

    /** The running timer that expires first, ties by name (§C.5). */
    private static Timer nextDue(DetectorInstance instance) {
        Timer first = null;
        for (Timer t : instance.runningTimers()) {
            if (first == null || t.expiresAtMillis() < first.expiresAtMillis()
                    || t.expiresAtMillis() == first.expiresAtMillis() && t.name().compareTo(first.name()) < 0) {
                first = t;
            }
        }
        return first;
    }

    private static Long earliest(DetectorInstance instance) {
        Timer t = nextDue(instance);
        return t == null ? null : t.expiresAtMillis();
    }

    private Outcome outcome(DetectorInstance instance, Long dueBefore) {
        return new Outcome(DetectorStateCodec.encode(instance, model), List.copyOf(actions), List.copyOf(forwarded),
                dueBefore, earliest(instance));
    }
}
