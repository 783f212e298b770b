package io.detectorstudio.app.gui.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The autosave area (by default {@code ~/.detector-studio/recovery}): while a model has unsaved changes its bytes
 * are written here, one {@code <id>.json}, its input definitions as {@code <id>.inputs.json} and its diagram
 * layout as {@code <id>.layout.json} ({@link Parts}), plus a {@code <id>.meta.json} saying which file it belongs to
 * and when.
 * A clean save or a closed document removes its entry, so whatever is left at start-up was left by a crash and is
 * offered back. Plain Java (no JavaFX): the window drives it every 30 s.
 */
public final class RecoveryStore {

    /** One recoverable model: the file it was opened from (null for an untitled model), when it was written. */
    public record Entry(String id, Path original, Instant savedAt, Path content) {
        public byte[] bytes() throws IOException {
            return Files.readAllBytes(content);
        }

        /** The input definitions kept with the model (a JSON array of CreateInput requests), if any were. */
        public Optional<byte[]> inputs() throws IOException {
            return part(INPUTS);
        }

        /** The diagram layout kept with the model (the layout sidecar's JSON), if one was. */
        public Optional<byte[]> layout() throws IOException {
            return part(LAYOUT);
        }

        private Optional<byte[]> part(String suffix) throws IOException {
            Path file = content.resolveSibling(id + suffix);
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        }
    }

    /**
     * What is kept of an unsaved document: the model JSON, its input definitions (a JSON array of CreateInput
     * requests: definitions made in the GUI live outside the model file until saved) and its diagram layout (the
     * sidecar's JSON: positions the user gave the states); either of the last two may be null (none kept).
     */
    public record Parts(byte[] model, byte[] inputs, byte[] layout) {
    }

    private static final String INPUTS = ".inputs.json";
    private static final String LAYOUT = ".layout.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public RecoveryStore(Path dir) {
        this.dir = dir;
    }

    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".detector-studio", "recovery");
    }

    /** A fresh id for a document of this run. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public Path dir() {
        return dir;
    }

    /** Writes (atomically) the unsaved bytes of document {@code id}, opened from {@code original} (may be null). */
    public void save(String id, Path original, byte[] modelBytes, Instant now) throws IOException {
        save(id, original, new Parts(modelBytes, null, null), now);
    }

    /**
     * Writes (atomically) the unsaved parts of document {@code id}; the metadata goes last, so an entry is only
     * offered once its parts are written.
     */
    public void save(String id, Path original, Parts parts, Instant now) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(id + ".json"), parts.model());
        writeOrRemove(dir.resolve(id + INPUTS), parts.inputs());
        writeOrRemove(dir.resolve(id + LAYOUT), parts.layout());
        ObjectNode meta = JSON.createObjectNode();
        meta.put("original", original == null ? null : original.toAbsolutePath().toString());
        meta.put("savedAt", now.toString());
        AtomicFiles.write(dir.resolve(id + ".meta.json"), JSON.writeValueAsBytes(meta));
    }

    private static void writeOrRemove(Path file, byte[] bytes) throws IOException {
        if (bytes != null) {
            AtomicFiles.write(file, bytes);
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** Forgets document {@code id} (saved cleanly, closed, or restored). */
    public void discard(String id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + ".meta.json")); // first: a half-removed entry is never offered
        Files.deleteIfExists(dir.resolve(id + ".json"));
        Files.deleteIfExists(dir.resolve(id + INPUTS));
        Files.deleteIfExists(dir.resolve(id + LAYOUT));
    }

    /** What a previous run left behind, newest first. Entries with unreadable metadata are skipped. */
    public List<Entry> leftovers() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path meta : files.filter(f -> f.getFileName().toString().endsWith(".meta.json")).toList()) {
                String id = meta.getFileName().toString().replaceFirst("\\.meta\\.json$", "");
                Path content = dir.resolve(id + ".json");
                if (!Files.isRegularFile(content)) {
                    continue;
                }
                try {
                    var node = JSON.readTree(Files.readString(meta, StandardCharsets.UTF_8));
                    String original = node.path("original").isTextual() ? node.path("original").asText() : null;
                    out.add(new Entry(id, original == null ? null : Path.of(original),
                            Instant.parse(node.path("savedAt").asText()), content));
                } catch (IOException | RuntimeException e) {
                    // a torn or foreign file: not ours to offer
                }
            }
        }
        out.sort(Comparator.comparing(Entry::savedAt).reversed());
        return out;
    }
}
