package io.detectorstudio.simulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.runtime.Message;
import java.util.List;

/** One operation the session applied to the engine, kept so that any earlier moment can be replayed exactly. */
public sealed interface SessionInput {

    /** One BatchPutMessage call. */
    record Send(List<Message> batch) implements SessionInput {
        public Send {
            batch = List.copyOf(batch);
        }
    }

    /** Virtual time moved to {@code toMillis} (epoch), firing every timer due on the way. */
    record Advance(long toMillis) implements SessionInput {
    }

    /** Virtual time moves by {@code millis} from wherever it is when the input is applied (scripts only). */
    record AdvanceBy(long millis) implements SessionInput {
    }

    /**
     * BatchUpdateDetector with the scenario's entry shape {@code {key?, state: {stateName, variables: [{name,
     * value}], timers: [{name, seconds}]}}}; variable values are expression literal text (§C.8).
     */
    record Update(JsonNode entry) implements SessionInput {
    }
}
