package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.CycleRecord;

/**
 * One trace record (trace.md) as the workbench keeps it for the whole session: its number and either the engine's
 * typed record, written as JSON when a view shows it (the same line the session wrote), or — for a cycle the engine
 * did not run (an update) — the JSON as bytes ({@link CompactJson}). Trees kept per cycle would give the garbage
 * collector about 10 KB of small objects a cycle to copy; writing every record out as bytes took as long as the
 * cycle itself.
 */
public final class TraceRow {

    private final int seq;
    private final CycleRecord typed;
    private final byte[] json;

    private TraceRow(int seq, CycleRecord typed, byte[] json) {
        this.seq = seq;
        this.typed = typed;
        this.json = json;
    }

    /** The row of {@code record}, written from {@code typed} (null: kept as bytes). */
    static TraceRow of(ObjectNode record, CycleRecord typed) {
        int seq = record.path("seq").asInt();
        return typed != null ? new TraceRow(seq, typed, null) : new TraceRow(seq, null, CompactJson.bytes(record));
    }

    /** The cycle's number in the session. */
    public int seq() {
        return seq;
    }

    /** The record, built again (a new tree each time). */
    public ObjectNode record() {
        return typed != null ? typed.toJson() : CompactJson.tree(json);
    }
}
