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

    @Test
    void withTwoShardsTheSameMessagesGiveTheSameActions() {
        Path motor = Path.of("..", "samples", "motor", "model.json");
        CliRun one = CliRun.of("bench", motor.toString(), "--detectors", "100", "--messages", "5000");
        CliRun two = CliRun.of("bench", motor.toString(), "--detectors", "100", "--messages", "5000", "--threads", "2");
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(two.out()).contains("2 shards").containsPattern("messages/s: \\d+");
        assertThat(actions(two.out())).isEqualTo(actions(one.out())).isPositive();
        assertThat(CliRun.of("bench", motor.toString(), "--threads", "0").exitCode()).isEqualTo(2);
    }

    private static long actions(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) actions").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
