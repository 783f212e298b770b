package io.detectorstudio.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Workload M of shared/reference/performance-anchors.md: 10,000 motors, 2^20 messages, a key drawn uniformly,
 * then "high" (71–100) with probability 0.3, else "normal" (20–70); SplittableRandom seed 20240611.
 */
final class MotorFleet {

    static final int KEYS = 10_000;
    static final int MESSAGES = 1 << 20;

    final String[] keys = new String[KEYS];
    final int[] keyOf = new int[MESSAGES];
    final int[] pressureOf = new int[MESSAGES];

    MotorFleet() {
        for (int k = 0; k < KEYS; k++) {
            keys[k] = String.format("motor-%05d", k);
        }
        SplittableRandom random = new SplittableRandom(20240611);
        for (int i = 0; i < MESSAGES; i++) {
            keyOf[i] = random.nextInt(KEYS);
            boolean high = random.nextDouble() < 0.3;
            pressureOf[i] = high ? 71 + random.nextInt(30) : 20 + random.nextInt(51);
        }
    }

    byte[] json(int i) {
        return ("{\"motorid\":\"" + keys[keyOf[i]] + "\",\"sensorData\":{\"pressure\":" + pressureOf[i] + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
