package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/cli.md is what the commands print for --help; regenerate with -Dcli.writeReference=true. */
class CliReferenceTest {

    private static final Path REFERENCE = Path.of("../docs/cli.md");

    @Test
    void theReferenceDocumentIsUpToDate() throws Exception {
        String generated = CliReference.markdown();
        if (Boolean.getBoolean("cli.writeReference")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(REFERENCE)).as("docs/cli.md exists").isTrue();
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
                .as("docs/cli.md is stale: run ./mvnw -pl app test -Dtest=CliReferenceTest -Dcli.writeReference=true")
                .isEqualTo(generated);
        assertThat(generated).contains("## validate", "## export", "## eval", "## simulate", "## run", "## bench",
                "## diff", "## serve");
    }
}
