package io.detectorstudio.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed part files of a {@code FileSink} directory ({@code part-<uuid>-<counter>}, one uuid per subtask
 * and attempt; in-progress and pending files are hidden and left out) in the order they were last written (a
 * commit renames, keeping the time), then by counter. A detector's lines come from one subtask at a time, whose
 * files follow each other in time, so each detector's lines keep their order.
 */
final class PartFiles {

    private PartFiles() {
    }

    static List<Path> committed(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparingLong(PartFiles::modified).thenComparingLong(PartFiles::counter))
                    .toList();
        }
    }

    static List<String> lines(Path dir) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (Path p : committed(dir)) {
            out.addAll(Files.readAllLines(p));
        }
        return out;
    }

    /** Writes the committed lines to {@code target} (through a temporary file) and removes the directory. */
    static void mergeInto(Path dir, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".flink-output", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            for (Path p : committed(dir)) {
                Files.copy(p, out);
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        delete(dir);
    }

    /**
     * Removes a folder and everything in it (null or absent: nothing). Flink may still be cleaning up or writing a
     * checkpoint folder as the job ends, so files that vanish meanwhile are fine and a folder that gained entries
     * is walked again.
     */
    static void delete(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteOnce(dir);
                return;
            } catch (DirectoryNotEmptyException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void deleteOnce(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                deleteOnce(dir);
                return;
            }
            throw e;
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counter at the end of the name. */
    private static long counter(Path p) {
        String name = p.getFileName().toString();
        try {
            return Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
