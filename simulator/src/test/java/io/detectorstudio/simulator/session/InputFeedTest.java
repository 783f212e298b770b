package io.detectorstudio.simulator.session;

import static io.detectorstudio.simulator.Samples.pressure;
import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.Samples;
import io.detectorstudio.simulator.faults.DeliveryFaults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a session's operations come from: inputs now, the script on demand, messages the faults hold back. */
class InputFeedTest {

    private static final Session.Config MOTOR = Session.Config.of(Samples.model(Samples.MOTOR)).withStart(1_000);

    @Test
    void aRelativeAdvanceIsRecordedAsAbsoluteAndErrorsAreCollectedPerInput() {
        History history = new History(MOTOR, new ModelIndex(MOTOR.model()));
        InputFeed feed = new InputFeed(MOTOR, history);
        feed.apply(new SessionInput.AdvanceBy(5_000));
        feed.apply(new SessionInput.Send(List.of(new Message("NoSuchInput", "x", pressure("A", 1).payload(), null))));
        assertThat(history.operations()).first().isEqualTo(new SessionInput.Advance(6_000));
        assertThat(feed.errors()).singleElement().extracting(e -> e.errorCode()).isEqualTo("ResourceNotFoundException");
        feed.clearErrors();
        assertThat(feed.errors()).isEmpty();
    }

    @Test
    void theScriptIsConsumedOnlyWhenAskedAndOneInputAtATime() {
        History history = new History(MOTOR, new ModelIndex(MOTOR.model()));
        InputFeed feed = new InputFeed(MOTOR, history);
        feed.enqueue(List.of(new SessionInput.Send(List.of(pressure("A", 80))),
                new SessionInput.Send(List.of(pressure("B", 80)))));
        assertThat(feed.computeNext(false)).as("without the script nothing runs").isFalse();
        assertThat(feed.computeNext(true)).isTrue();
        assertThat(history.engineCycles()).isEqualTo(1);
        assertThat(feed.scriptLength()).isEqualTo(1);
        assertThat(feed.drained()).isFalse();
        assertThat(feed.computeNext(true)).isTrue();
        assertThat(feed.computeNext(true)).isFalse();
        assertThat(feed.drained()).isTrue();
        assertThat(history.engineCycles()).isEqualTo(2);
    }

    @Test
    void messagesHeldBackByAReorderWindowArriveWhenTheScriptIsDone() {
        Session.Config delayed = MOTOR.withFaults(new DeliveryFaults(0, 3, 0, 7));
        History history = new History(delayed, new ModelIndex(delayed.model()));
        InputFeed feed = new InputFeed(delayed, history);
        feed.apply(new SessionInput.Send(List.of(pressure("A", 80))));
        assertThat(history.engineCycles()).as("held back").isZero();
        assertThat(feed.drained()).isFalse();
        while (feed.computeNext(true)) {
            // release what is held
        }
        assertThat(history.engineCycles()).isEqualTo(1);
        assertThat(feed.drained()).isTrue();
    }
}
