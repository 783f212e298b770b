package io.detectorstudio.simulator.faults;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Delivery faults of IoT Core (at-least-once, unordered) to test a model against, repeatable by seed.
 *
 * @param duplicateProbability each message is delivered a second time with this probability (0–1); the copy gets
 *                             a new messageId, as an IoT rule action assigns one per delivery, so the engine's
 *                             de-duplication does not drop it
 * @param reorderWindow        messages are shuffled within consecutive windows of this many (1 = in order)
 * @param maxDelayMillis       each message is delivered after a uniform random delay of 0 to this many ms of
 *                             virtual time
 * @param seed                 seed of the random generator: the same seed gives the same deliveries
 */
public record DeliveryFaults(double duplicateProbability, int reorderWindow, long maxDelayMillis, long seed) {

    public static final DeliveryFaults NONE = new DeliveryFaults(0, 1, 0, 0);

    public DeliveryFaults {
        if (duplicateProbability < 0 || duplicateProbability > 1) {
            throw new IllegalArgumentException("duplicate must be a probability from 0 to 1, not " + duplicateProbability);
        }
        if (reorderWindow < 1) {
            throw new IllegalArgumentException("reorder must be a window of at least 1 message, not " + reorderWindow);
        }
        if (maxDelayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    public boolean active() {
        return duplicateProbability > 0 || reorderWindow > 1 || maxDelayMillis > 0;
    }

    /**
     * Parses {@code duplicate=0.1,reorder=4,delay=PT30S,seed=7} (any subset, any order; delay also as seconds).
     *
     * @throws IllegalArgumentException with a message naming the bad part and what is valid
     */
    public static DeliveryFaults parse(String spec) {
        double duplicate = 0;
        int reorder = 1;
        long delay = 0;
        long seed = 0;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + p + "' is not NAME=VALUE; valid: " + VALID);
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            try {
                switch (name) {
                    case "duplicate" -> duplicate = Double.parseDouble(value);
                    case "reorder" -> reorder = Integer.parseInt(value);
                    case "delay" -> delay = delayMillis(value);
                    case "seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown fault '" + name + "'; valid: " + VALID);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "': " + value + " is not a number; valid: " + VALID);
            }
        }
        return new DeliveryFaults(duplicate, reorder, delay, seed);
    }

    private static final String VALID = "duplicate=PROBABILITY, reorder=WINDOW, delay=ISO-DURATION|SECONDS, seed=N";

    private static long delayMillis(String value) {
        try {
            return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value).toMillis()
                    : Math.round(Double.parseDouble(value) * 1000);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("delay '" + value + "' is not an ISO-8601 duration (PT30S) or seconds");
        }
    }
}
