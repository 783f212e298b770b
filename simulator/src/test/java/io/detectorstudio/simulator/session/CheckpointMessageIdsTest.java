package io.detectorstudio.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The session's checkpoints share the engine's message de-duplication memory (§C.6) instead of each copying it,
 * and stepping back across checkpoints restores exactly the ids seen up to that position.
 */
class CheckpointMessageIdsTest {

    private static final long MINUTE = 60_000;

    private static Message reading(String messageId, int i) {
        Message m = Samples.pressure("M" + i % 3, 40 + i % 61);
        return new Message(m.inputName(), messageId, m.payload(), null);
    }

    @Test
    void manyIdsAtOneInstantAreKeptOnceAcrossCheckpoints() {
        Session s = new Session(Session.Config.of(Samples.model(Samples.MOTOR)).withCheckpointInterval(100));
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            s.send(reading("id-" + i, i));
        }
        assertThat(s.cycleCount()).isEqualTo(n);
        assertThat(s.seenMessageIds()).hasSize(n);
        // 300 checkpoints each copying the memory would hold n²/200 = 4.5 million ids
        assertThat(s.checkpointMessageIds()).isBetween((long) n - 200, (long) n);

        s.goToCycle(12_345); // from the checkpoint at 12,300: exactly the ids seen so far
        s.send(reading("id-20000", 0)); // seen after the position: new again
        assertThat(s.cycleCount()).isEqualTo(12_346);
        s.send(reading("id-12000", 0)); // seen before it: ignored
        assertThat(s.cycleCount()).isEqualTo(12_346);
        assertThat(s.seenMessageIds()).hasSize(12_346);
    }

    /**
     * The script: m0–m39 at 0, three minutes later m40–m79, three minutes later (m0–m39 forgotten, the window being
     * five minutes) m80–m119 and m0 again; one cycle each. Checkpoints every 10 cycles.
     */
    private static List<Consumer<Session>> script() {
        List<Consumer<Session>> steps = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int id = i;
            if (i == 40 || i == 80) {
                steps.add(s -> s.advanceBy(3 * MINUTE));
            }
            steps.add(s -> s.send(reading("m" + id, id)));
        }
        steps.add(s -> s.send(reading("m0", 0)));
        return steps;
    }

    static Stream<Arguments> positions() {
        return Stream.of(
                // position (cycle), message id sent there, whether it is new there
                Arguments.of(121, "m50", false),  // seen three minutes ago
                Arguments.of(121, "m5", true),    // seen six minutes ago: forgotten
                Arguments.of(121, "m0", false),   // just seen again
                Arguments.of(35, "m36", true),    // seen only after the position (after checkpoint 30)
                Arguments.of(35, "m30", false),
                Arguments.of(5, "m20", true),     // back across several checkpoints
                Arguments.of(5, "m4", false),
                Arguments.of(0, "m0", true),
                Arguments.of(60, "m10", false),   // three minutes old: still remembered
                Arguments.of(60, "m70", true),
                Arguments.of(100, "m10", true),   // six minutes old
                Arguments.of(100, "m45", false),
                Arguments.of(100, "m105", true),
                Arguments.of(120, "m0", true));   // before m0's second sending
    }

    @ParameterizedTest(name = "at cycle {0}, {1} is new: {2}")
    @MethodSource("positions")
    void stepBackRemembersWhatAFreshReplayRemembers(int cycle, String messageId, boolean isNew) {
        Session.Config config = Session.Config.of(Samples.model(Samples.MOTOR)).withCheckpointInterval(10);
        Session travelled = new Session(config);
        script().forEach(step -> step.accept(travelled));
        assertThat(travelled.cycleCount()).isEqualTo(121);
        travelled.goToCycle(cycle);

        Session fresh = new Session(config);
        for (Consumer<Session> step : script()) {
            if (fresh.cycleCount() == cycle) {
                break;
            }
            step.accept(fresh);
        }

        travelled.send(reading(messageId, 7)); // from the position: the engine goes back to it first
        fresh.send(reading(messageId, 7));
        assertThat(travelled.cycleCount()).isEqualTo(cycle + (isNew ? 1 : 0));
        assertThat(fresh.cycleCount()).isEqualTo(travelled.cycleCount());
        assertThat(travelled.seenMessageIds()).isEqualTo(fresh.seenMessageIds());
    }
}
