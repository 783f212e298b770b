package io.detectorstudio.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the test corpus: the repository's {@code testdata/} folder (the corpus and the doc examples tests read,
 * copied with their provenance, see testdata/README.md), so no test depends on anything outside the repository.
 * The parent pom passes it as {@code shared.dir}; without that property the folder is looked up from the working
 * directory.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Optional<Path> root() {
        String configured = System.getProperty("shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata");
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    public static Path resolve(String relative) {
        return root().orElseThrow(() -> new IllegalStateException("testdata/ is not present")).resolve(relative);
    }

    /** Files directly inside {@code relativeDir} whose names end with {@code suffix}, sorted by name. */
    public static List<Path> files(String relativeDir, String suffix) {
        try (Stream<Path> s = Files.list(resolve(relativeDir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
