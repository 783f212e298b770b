package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

class DiffCommandTest {

    private static String corpus(String name) {
        return SharedCorpus.resolve("corpus/models/" + name).toString();
    }

    @Test
    void theCranesUpdateIsDescribedChangeByChangeAndExitsOne() {
        CliRun run = CliRun.of("diff", corpus("devguide-cranes__craneDetectorModel.json"),
                corpus("devguide-cranes__craneDetectorModel_update.json"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("~ $.detectorModelDefinition.states[0].onInput.events[0].condition: "
                + "$input.TemperatureInput.temperature > 35  →  $input.TemperatureInput.temperature > 30");
        assertThat(run.out().lines().filter(l -> l.startsWith("+ ")).count()).isEqualTo(2);
    }

    @Test
    void theSameModelInAProjectFolderAndAsAFileDoNotDiffer() {
        CliRun run = CliRun.of("diff", corpus("devguide__motorDetectorModel.json"), "../samples/motor");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnreadableSideExitsTwoSayingWhich() {
        CliRun run = CliRun.of("diff", "../samples/motor", "no-such-file.json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("no-such-file.json:");
    }
}
