package io.detectorstudio.flink;

import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.util.Collector;

/**
 * Turns the lines of a message file into {@link Envelope}s with their times ({@link MessageLines}); runs with
 * parallelism 1 right behind the file source, so the virtual clock sees the lines in file order. The clock and the
 * line count are checkpointed with the source's position. A malformed line is reported and skipped, as {@code run}
 * does.
 */
final class ClockedLines extends RichFlatMapFunction<String, Envelope> implements CheckpointedFunction {

    private final long start;
    private transient MessageLines lines;
    private transient long lineNumber;
    private transient ListState<long[]> checkpointed;

    ClockedLines(long start) {
        this.start = start;
    }

    @Override
    public void flatMap(String line, Collector<Envelope> out) {
        lineNumber++;
        try {
            Envelope e = lines.read(lineNumber, line);
            if (e != null) {
                out.collect(e);
            }
        } catch (IllegalArgumentException bad) {
            System.err.println("messages: " + bad.getMessage());
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointed.update(java.util.List.of(new long[] {lines.clock(), lineNumber}));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointed = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("clock-and-line", long[].class));
        lines = new MessageLines(start);
        for (long[] saved : checkpointed.get()) {
            lines.clock(saved[0]);
            lineNumber = saved[1];
        }
    }
}
