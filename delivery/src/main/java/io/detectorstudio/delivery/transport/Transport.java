package io.detectorstudio.delivery.transport;

import io.detectorstudio.delivery.Outgoing;
import java.time.Duration;

/** Sends one action to one kind of destination, synchronously; throws when it was not accepted. */
@FunctionalInterface
public interface Transport {

    /**
     * @param timeout the longest this try may take
     * @throws Exception anything that means "not delivered": the lane retries it
     */
    void send(Outgoing outgoing, Duration timeout) throws Exception;
}
