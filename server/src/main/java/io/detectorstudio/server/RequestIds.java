package io.detectorstudio.server;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code x-amzn-RequestId} values: UUID-shaped, unique across restarts (a random prefix per process) and cheap
 * (a counter, not a SecureRandom draw per response).
 */
final class RequestIds {

    private final String prefix = UUID.randomUUID().toString().substring(0, 23);
    private final AtomicLong counter = new AtomicLong();

    String next() {
        return prefix + "-" + Long.toHexString(counter.incrementAndGet());
    }
}
