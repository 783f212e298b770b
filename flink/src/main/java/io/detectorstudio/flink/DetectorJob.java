package io.detectorstudio.flink;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The job's graph: message envelopes → (event time: timestamps and watermarks) → {@link Router} (§C.1, at the
 * source's parallelism so each source partition's order is kept) → keyed by (model, key value) →
 * {@link DetectorFunction} → action lines; iotEvents messages for other detectors and (optionally) instance states
 * come out as side outputs. Sources and sinks are the caller's: {@link #fileMessages} and {@link #fileSink} for
 * local use, Kafka in {@link JobCommand}. Stateful operators carry fixed uids so savepoints restore into a
 * rescaled job.
 */
public final class DetectorJob {

    private DetectorJob() {
    }

    /**
     * @param eventTime message timestamps drive time (watermarks with {@code outOfOrderness}); otherwise the
     *                  operator's wall clock
     * @param reportStates emit every instance after each cycle on the states stream
     */
    public record Settings(boolean eventTime, Duration outOfOrderness, boolean reportStates) {
    }

    public record Streams(DataStream<String> actions, DataStream<Envelope> forwarded, DataStream<String> states) {
    }

    public static Streams detectors(DataStream<Envelope> envelopes, ProjectModels models, Settings settings) {
        return detectors(envelopes, models, settings, false);
    }

    /**
     * @param timedAtSource the source already assigned event time ({@link #eventTime} given to a Kafka source,
     *                      which keeps a watermark per partition)
     */
    static Streams detectors(DataStream<Envelope> envelopes, ProjectModels models, Settings settings,
                             boolean timedAtSource) {
        int sourceParallelism = envelopes.getParallelism();
        DataStream<Envelope> timed = !settings.eventTime() || timedAtSource ? envelopes
                : envelopes.assignTimestampsAndWatermarks(eventTime(settings))
                        .name("event time").setParallelism(sourceParallelism);
        SingleOutputStreamOperator<String> actions = timed
                .flatMap(new Router(models)).name("route to models (§C.1)").uid("route").setParallelism(sourceParallelism)
                .keyBy(Routed::detector)
                .process(new DetectorFunction(models, settings.eventTime(), settings.reportStates()))
                .name("detectors").uid("detectors");
        return new Streams(actions, actions.getSideOutput(DetectorFunction.FORWARDED),
                actions.getSideOutput(DetectorFunction.STATES));
    }

    /** Event time from the envelopes' times, bounded out-of-orderness; a tick moves the watermark at once. */
    static WatermarkStrategy<Envelope> eventTime(Settings settings) {
        long bound = settings.outOfOrderness().toMillis();
        return WatermarkStrategy.<Envelope>forGenerator(c -> new TickWatermarks(bound))
                .withTimestampAssigner((e, previous) -> e.time);
    }

    /** A message file of {@code run}'s lines, read in order on a virtual clock starting at {@code startMillis}. */
    public static DataStream<Envelope> fileMessages(StreamExecutionEnvironment env, java.nio.file.Path file,
                                                    long startMillis) {
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(file.toAbsolutePath().toUri())).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "messages").uid("messages").setParallelism(1)
                .flatMap(new ClockedLines(startMillis)).name("virtual clock").uid("clock").setParallelism(1);
    }

    /** An exactly-once file sink: part files are committed with each checkpoint (and at the end of the input). */
    public static FileSink<String> fileSink(java.nio.file.Path dir) {
        return FileSink.forRowFormat(new Path(dir.toAbsolutePath().toUri()), new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    public static void main(String[] args) {
        System.exit(JobCommand.commandLine().execute(args));
    }
}
