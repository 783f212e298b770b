package io.detectorstudio.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {

    @TempDir
    Path dir;

    @Test
    void whatARunLeftBehindIsOfferedToTheNextRunNewestFirst() throws Exception {
        // the first run autosaves two dirty models, then "crashes" (nothing is discarded)
        RecoveryStore crashed = new RecoveryStore(dir.resolve("recovery"));
        Path model = dir.resolve("motor.json");
        crashed.save("a", model, "{\"old\":1}".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-01-01T00:00:00Z"));
        crashed.save("b", null, "{\"new\":2}".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-01-01T00:01:00Z"));
        crashed.save("a", model, "{\"old\":3}".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-01-01T00:00:30Z"));

        // a new run constructs its own store over the same folder
        RecoveryStore restarted = new RecoveryStore(dir.resolve("recovery"));
        var left = restarted.leftovers();
        assertThat(left).extracting(RecoveryStore.Entry::id).containsExactly("b", "a");
        assertThat(left.get(0).original()).isNull();
        assertThat(left.get(1).original()).isEqualTo(model.toAbsolutePath());
        assertThat(new String(left.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"old\":3}");
        assertThat(left.get(1).savedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:30Z"));
    }

    @Test
    void aCleanSaveOrCloseLeavesNothingToRecover() throws Exception {
        RecoveryStore store = new RecoveryStore(dir);
        store.save("x", null, new RecoveryStore.Parts(new byte[] {'{', '}'}, "[]".getBytes(StandardCharsets.UTF_8),
                "{\"version\":1}".getBytes(StandardCharsets.UTF_8)), Instant.now());
        assertThat(new RecoveryStore(dir).leftovers()).singleElement().satisfies(e -> {
            assertThat(e.inputs()).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("[]"));
            assertThat(e.layout()).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("{\"version\":1}"));
        });
        store.discard("x");
        assertThat(new RecoveryStore(dir).leftovers()).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left).as("model, inputs, layout and metadata all go").isEmpty();
        }
        assertThat(new RecoveryStore(dir.resolve("never-created")).leftovers()).isEmpty();
    }

    @Test
    void tornOrForeignFilesAreSkipped() throws Exception {
        Files.writeString(dir.resolve("y.meta.json"), "{not json");
        Files.writeString(dir.resolve("y.json"), "{}");
        Files.writeString(dir.resolve("z.meta.json"), "{\"savedAt\":\"2026-01-01T00:00:00Z\"}"); // content missing
        assertThat(new RecoveryStore(dir).leftovers()).isEmpty();
    }
}
