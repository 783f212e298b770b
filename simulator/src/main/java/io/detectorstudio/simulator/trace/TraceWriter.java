package io.detectorstudio.simulator.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes a trace (shared/contracts/trace.md): one JSON object per line, streamed, so memory stays flat however long
 * the run. The file appears complete or not at all: lines go to a temporary file moved over the target on close.
 */
public final class TraceWriter implements Consumer<ObjectNode>, Closeable {

    private final Path target;
    private final Path temporary;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonGenerator out;
    private long lines;

    public TraceWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temporary = Files.createTempFile(dir, "." + this.target.getFileName(), ".tmp");
        this.out = JSON.getFactory().createGenerator(Files.newOutputStream(temporary), JsonEncoding.UTF8);
        out.setRootValueSeparator(null);
    }

    @Override
    public void accept(ObjectNode record) {
        try {
            JSON.writeTree(out, record); // straight into the file's buffer, no String per line
            out.writeRaw('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        out.close();
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
