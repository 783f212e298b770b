package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void reportsThroughputLatencyAndHeapPerInstance() {
        Path motor = Path.of("..", "samples", "motor", "model.json");
        CliRun run = CliRun.of("bench", motor.toString(), "--detectors", "100", "--messages", "2000");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("100 detectors, 2000 messages").containsPattern("messages/s: \\d+")
                .containsPattern("latency p50: [\\d.]+ us, p99: [\\d.]+ us")
                .containsPattern("heap per detector instance: -?\\d+ bytes");
    }
}
