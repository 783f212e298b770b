package io.detectorstudio.app.gui.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The bundled samples: every {@code samples/<name>/model.json}, described by its README's first line. */
public final class Samples {

    public record Sample(String name, String description, Path model) {
    }

    private Samples() {
    }

    /**
     * Where the samples are: the {@code detectorstudio.samples} property, else {@code samples} in the working
     * directory or next to the jar's module folder ({@code app/target/x.jar → ../../samples}).
     */
    public static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("detectorstudio.samples");
        if (property != null) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("samples"));
        candidates.add(Path.of("..", "samples"));
        try {
            Path jar = Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = jar.getParent() == null ? null : jar.getParent().getParent();
            if (module != null && module.getParent() != null) {
                candidates.add(module.getParent().resolve("samples"));
            }
        } catch (Exception e) {
            // no code source (e.g. a custom class loader): the other candidates remain
        }
        return candidates.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    public static List<Sample> list(Path samplesDir) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(samplesDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path model = dir.resolve("model.json");
                if (Files.isRegularFile(model)) {
                    out.add(new Sample(dir.getFileName().toString(), description(dir.resolve("README.md")), model));
                }
            }
        }
        return out;
    }

    /** The README's first line without the Markdown heading marks, or "" when there is none. */
    static String description(Path readme) throws IOException {
        if (!Files.isRegularFile(readme)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(readme, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.replaceFirst("^#+\\s*", "").strip()).orElse("");
        }
    }
}
