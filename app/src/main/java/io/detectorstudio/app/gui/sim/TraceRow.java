package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One trace record (trace.md) as the workbench keeps it: its number and its JSON as bytes ({@link CompactJson}). */
public final class TraceRow {

    private final int seq;
    private final byte[] json;

    private TraceRow(int seq, byte[] json) {
        this.seq = seq;
        this.json = json;
    }

    static TraceRow of(ObjectNode record) {
        return new TraceRow(record.path("seq").asInt(), CompactJson.bytes(record));
    }

    /** The cycle's number in the session. */
    public int seq() {
        return seq;
    }

    /** The record, read again (a new tree each time). */
    public ObjectNode record() {
        return CompactJson.tree(json);
    }
}
