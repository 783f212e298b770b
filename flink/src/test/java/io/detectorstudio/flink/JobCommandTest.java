package io.detectorstudio.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode through the job's command line (what {@code java -jar …-flink-job.jar} runs): models from project
 * folders, run's message lines in, run's action lines out, per detector the lines {@code run} prints.
 */
class JobCommandTest {

    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private int run(String... args) {
        return JobCommand.commandLine().execute(args);
    }

    @Test
    void localModeWritesRunsActionLinesAndReportsABadLine() throws Exception {
        List<String> lines = new ArrayList<>(Workload.lines(6, 4, 2));
        lines.add(3, "{\"inputName\": 12"); // not JSON: reported with its line, the rest still runs
        Path messages = Files.write(dir.resolve("messages.jsonl"), lines);
        Path output = dir.resolve("actions.jsonl");
        Path states = dir.resolve("states.jsonl");
        PrintStream err = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            exit = run("--models", SAMPLES.resolve("motor").toString(), SAMPLES.resolve("lorawan-gateway-watchdog").toString(),
                    "--messages", messages.toString(), "--output", output.toString(), "--states", states.toString(),
                    "--parallelism", "2", "--start", "2026-01-01T00:00:00Z", "--checkpoint-interval", "PT0.2S");
        } finally {
            System.setErr(err);
        }
        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("messages: line 4: not valid JSON");

        ProjectModels models = ProjectModels.load(List.of(SAMPLES.resolve("motor"),
                SAMPLES.resolve("lorawan-gateway-watchdog")), List.of(), true);
        DifferentialRuns.Result expected = DifferentialRuns.embedded(models,
                lines.stream().filter(l -> !l.startsWith("{\"inputName\": 12")).toList(),
                java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        Map<String, List<String>> actual = new TreeMap<>();
        for (String line : Files.readAllLines(output)) {
            actual.computeIfAbsent(DifferentialRuns.detector(DifferentialRuns.JSON.readTree(line)),
                    k -> new ArrayList<>()).add(line);
        }
        assertThat(actual).isEqualTo(expected.actions());
        assertThat(Files.readAllLines(states)).allSatisfy(s -> assertThat(
                DifferentialRuns.JSON.readTree(s).path("bytes").asInt()).isBetween(10, 300));
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .as("part-file directories are merged and removed").allMatch(n -> !n.startsWith("."));
        }
    }

    @Test
    void withoutMessagesOrKafkaItSaysWhatToGive() {
        PrintStream err = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            exit = run("--models", SAMPLES.resolve("motor").toString());
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--messages FILE and --output FILE");
        assertThat(Set.of(run("--models", SAMPLES.resolve("motor").toString(), "--time", "wall",
                "--messages", "x", "--output", "y"))).containsExactly(2);
    }
}
