package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One trace record (trace.md) as the workbench keeps it: its JSON bytes, read into a tree when a view needs it.
 * A session's whole trace stays in memory for the trace view; as trees (about 10 KB of small objects a record)
 * a long run hands the garbage collector so much to copy that its pauses stall the UI, as bytes it is one object
 * of about 1.5 KB.
 */
public final class TraceRow {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final int seq;
    private final byte[] json;

    private TraceRow(int seq, byte[] json) {
        this.seq = seq;
        this.json = json;
    }

    static TraceRow of(ObjectNode record) {
        try {
            return new TraceRow(record.path("seq").asInt(), JSON.writeValueAsBytes(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cycle's number in the session. */
    public int seq() {
        return seq;
    }

    /** The record, read again (a new tree each time). */
    public ObjectNode record() {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
