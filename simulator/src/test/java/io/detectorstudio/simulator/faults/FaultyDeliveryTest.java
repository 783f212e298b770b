package io.detectorstudio.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.Samples;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultyDeliveryTest {

    /** Records what reaches the engine: message ids with the time they arrived. */
    static final class Recorder implements FaultyDelivery.Target {
        final List<String> delivered = new ArrayList<>();
        long now;

        @Override
        public void deliver(List<Message> batch) {
            batch.forEach(m -> delivered.add(m.messageId() + "@" + now));
        }

        @Override
        public void advanceTo(long millis) {
            now = Math.max(now, millis);
        }

        @Override
        public long now() {
            return now;
        }
    }

    static List<Message> messages(int n) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Message("In", "m" + i, JsonNodeFactory.instance.objectNode(), null));
        }
        return out;
    }

    static List<String> run(DeliveryFaults faults) {
        Recorder r = new Recorder();
        FaultyDelivery d = new FaultyDelivery(faults, r);
        messages(20).forEach(m -> d.send(List.of(m)));
        d.finish();
        return r.delivered;
    }

    @Test
    void theSameSeedGivesTheSameDeliveries() {
        DeliveryFaults f = DeliveryFaults.parse("duplicate=0.3,reorder=4,delay=PT10S,seed=7");
        assertThat(run(f)).isEqualTo(run(f)).isNotEqualTo(run(DeliveryFaults.parse("duplicate=0.3,reorder=4,delay=PT10S,seed=8")));
    }

    @Test
    void duplicatesGetNewIdsAndEveryMessageArrives() {
        List<String> out = run(DeliveryFaults.parse("duplicate=0.5,seed=1"));
        assertThat(out).hasSizeGreaterThan(20).anyMatch(s -> s.contains("-dup"));
        for (int i = 0; i < 20; i++) {
            String id = "m" + i + "@";
            assertThat(out).anyMatch(s -> s.startsWith(id));
        }
    }

    @Test
    void reorderShufflesOnlyWithinTheWindow() {
        List<String> out = run(DeliveryFaults.parse("reorder=5,seed=3"));
        assertThat(out).hasSize(20).isNotEqualTo(run(new DeliveryFaults(0, 1, 0, 0)));
        for (int w = 0; w < 4; w++) {
            List<Integer> window = out.subList(w * 5, w * 5 + 5).stream()
                    .map(s -> Integer.parseInt(s.substring(1, s.indexOf('@')))).sorted().toList();
            assertThat(window).containsExactly(w * 5, w * 5 + 1, w * 5 + 2, w * 5 + 3, w * 5 + 4);
        }
    }

    @Test
    void delaysRunOnVirtualTimeWithinTheMaximum() {
        List<String> out = run(DeliveryFaults.parse("delay=30,seed=5"));
        assertThat(out).hasSize(20).allSatisfy(s -> assertThat(Long.parseLong(s.substring(s.indexOf('@') + 1)))
                .isBetween(0L, 30_000L));
    }

    @Test
    void badSpecsSayWhatIsValid() {
        assertThatThrownBy(() -> DeliveryFaults.parse("shuffle=3")).hasMessageContaining("unknown fault 'shuffle'")
                .hasMessageContaining("reorder=WINDOW");
        assertThatThrownBy(() -> DeliveryFaults.parse("duplicate=2")).hasMessageContaining("probability");
        assertThatThrownBy(() -> DeliveryFaults.parse("reorder=x")).hasMessageContaining("not a number");
    }

    @Test
    void aSessionWithDuplicatesRunsMoreCyclesRepeatably() {
        Session.Config config = Session.Config.of(Samples.model(Samples.MOTOR))
                .withFaults(DeliveryFaults.parse("duplicate=1,seed=2"));
        List<List<InstanceState>> finals = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Session s = new Session(config);
            for (int i = 0; i < 5; i++) {
                Message m = Samples.pressure("A", 60 + i * 5);
                s.send(new Message(m.inputName(), "id" + i, m.payload(), null));
            }
            assertThat(s.cycleCount()).isEqualTo(10);
            finals.add(s.instances());
        }
        assertThat(finals.get(0)).isEqualTo(finals.get(1));
    }
}
