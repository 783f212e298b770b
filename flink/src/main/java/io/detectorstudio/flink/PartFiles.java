package io.detectorstudio.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed part files of a {@code FileSink} directory ({@code part-<uuid>-<subtask>-<counter>}; in-progress
 * and pending files are hidden and left out) in subtask and counter order — each detector's lines stay in the
 * order its subtask wrote them.
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
                    .sorted(Comparator.comparingLong((Path p) -> number(p, 2)).thenComparingLong(p -> number(p, 1)))
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
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The n-th dash-separated number from the end of the name (1 = counter, 2 = subtask). */
    private static long number(Path p, int fromEnd) {
        String[] parts = p.getFileName().toString().split("-");
        try {
            return Long.parseLong(parts[parts.length - fromEnd].replaceAll("\\D.*", ""));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
