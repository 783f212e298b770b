package io.detectorstudio.flink;

import io.detectorstudio.engine.io.ModelReadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's command line. Local mode ({@code --messages}/{@code --output}): message lines from a file, action
 * lines to a file, on an embedded Flink (or the cluster when submitted with {@code flink run}). Kafka mode
 * ({@code --kafka-bootstrap}): entries from the input topic, actions to the output topic, forwarded iotEvents
 * messages back to the input topic, all exactly-once.
 */
@Command(name = "detector-studio-flink-job", mixinStandardHelpOptions = true,
        description = "Run detector models on Apache Flink (keyed state, Flink timers, checkpoints, exactly-once sinks).")
final class JobCommand implements Callable<Integer> {

    @Option(names = "--models", arity = "1..*", required = true, paramLabel = "PATH",
            description = "model files or project folders; every model runs")
    List<Path> models = new ArrayList<>();

    @Option(names = "--inputs", arity = "1..*", paramLabel = "PATH", description = "input definitions (files or folders)")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--messages", paramLabel = "FILE", description = "message lines as `run` reads them (local mode)")
    Path messages;

    @Option(names = "--output", paramLabel = "FILE", description = "action lines as `run` prints them (local mode)")
    Path output;

    @Option(names = "--states", paramLabel = "FILE",
            description = "also write each detector instance after every cycle (state, variables, timers, bytes)")
    Path states;

    @Option(names = "--forwarded", paramLabel = "FILE", description = "local mode: where iotEvents messages for "
            + "other detectors go (message lines; in Kafka mode they return to the input topic)")
    Path forwarded;

    @Option(names = "--parallelism", paramLabel = "N", description = "parallelism of the detectors (default: Flink's)")
    Integer parallelism;

    @Option(names = "--time", paramLabel = "event|processing", defaultValue = "event",
            description = "event: message timestamps drive time and timers (default); processing: the wall clock")
    String time;

    @Option(names = "--out-of-orderness", paramLabel = "DURATION", defaultValue = "PT0S",
            description = "event time: how late a message may arrive (ISO-8601, default PT0S)")
    Duration outOfOrderness;

    @Option(names = "--start", paramLabel = "ISO-INSTANT", description = "local mode: the virtual clock at the "
            + "first line (default 1970-01-01T00:00:00Z), as `run --start`")
    Instant start;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
            description = "checkpoint interval (ISO-8601; default PT1S in local mode, PT10S with Kafka); sinks "
                    + "commit with checkpoints, so this is also how often output appears")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "where checkpoints go (file:///…, "
            + "s3://…); default: the cluster's configuration, or a temporary folder in local mode")
    String checkpointDir;

    @Option(names = "--no-retain-inputs", description = "forget other inputs' values between cycles (§C.7)")
    boolean noRetain;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT,...", description = "Kafka mode: the brokers")
    String kafkaBootstrap;

    @Option(names = "--kafka-input-topic", defaultValue = "iotevents-messages", description = "entries in (and "
            + "forwarded iotEvents messages back in); default ${DEFAULT-VALUE}")
    String kafkaInputTopic;

    @Option(names = "--kafka-output-topic", defaultValue = "iotevents-actions", description = "action objects out; "
            + "default ${DEFAULT-VALUE}")
    String kafkaOutputTopic;

    @Option(names = "--kafka-group", defaultValue = "detector-studio", description = "consumer group, also the "
            + "prefix of the sinks' transactional ids: one per job on a cluster; default ${DEFAULT-VALUE}")
    String kafkaGroup;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "a Kafka client setting for the "
            + "source, the sinks and the start-up check (security.protocol, sasl.*, ssl.*, ...); repeatable")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--kafka-timeout", paramLabel = "DURATION", defaultValue = "PT30S", description = "how long "
            + "the start-up check waits for the brokers (ISO-8601); default ${DEFAULT-VALUE}")
    Duration kafkaTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "PT1M", description = "event time "
            + "with Kafka: a partition without messages for this long stops holding back the detectors' timers "
            + "(ISO-8601); default ${DEFAULT-VALUE}")
    Duration idleTimeout;

    /** The command line as {@code main} runs it: an option picocli cannot read is one line on stderr, exit 2. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new JobCommand());
        line.registerConverter(Duration.class, text -> {
            try {
                return Duration.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not an ISO-8601 duration such as PT30S or PT5M");
            }
        });
        line.registerConverter(Instant.class, text -> {
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text
                        + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            }
        });
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("detector-studio-flink-job: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return line;
    }

    @Override
    public Integer call() throws Exception {
        boolean kafka = kafkaBootstrap != null;
        if (!kafka && (messages == null || output == null)) {
            System.err.println("detector-studio-flink-job: give --messages FILE and --output FILE (local mode) or "
                    + "--kafka-bootstrap HOST:PORT (Kafka mode)");
            return 2;
        }
        if (kafka && (messages != null || output != null || states != null || forwarded != null || start != null)) {
            System.err.println("detector-studio-flink-job: --messages, --output, --states, --forwarded and --start "
                    + "are for local mode; with --kafka-bootstrap messages come from --kafka-input-topic and "
                    + "actions go to --kafka-output-topic");
            return 2;
        }
        if (!time.equals("event") && !time.equals("processing")) {
            System.err.println("detector-studio-flink-job: --time must be event or processing, not '" + time + "'");
            return 2;
        }
        if (messages != null && !Files.isReadable(messages)) {
            System.err.println("detector-studio-flink-job: cannot read " + messages);
            return 2;
        }
        ProjectModels project;
        try {
            project = ProjectModels.load(models, inputs, !noRetain);
        } catch (ModelReadException e) {
            System.err.println(e.getMessage() + " (line " + e.line() + ":" + e.column() + ")");
            return 2;
        }
        Configuration conf = new Configuration();
        Path localCheckpoints = null;
        if (checkpointDir == null && !kafka) {
            // the default JobManager storage holds a few MB: a fleet's state needs a file system
            localCheckpoints = Files.createTempDirectory("detector-studio-checkpoints");
            checkpointDir = localCheckpoints.toUri().toString();
        }
        if (!kafka) {
            // a local run's checkpoints only guard against its own restarts: one that fails (a slow disk, a busy
            // machine) must not fail the run
            conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, Integer.MAX_VALUE);
        }
        if (checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.enableCheckpointing((checkpointInterval != null ? checkpointInterval
                : kafka ? Duration.ofSeconds(10) : Duration.ofSeconds(1)).toMillis());
        if (parallelism != null) {
            env.setParallelism(parallelism);
        }
        DetectorJob.Settings settings = new DetectorJob.Settings(time.equals("event"), outOfOrderness, states != null);
        if (kafka) {
            return runOnKafka(env, project, settings);
        }
        Path parts = Files.createTempDirectory(output.toAbsolutePath().getParent(), ".actions-");
        Path stateParts = states == null ? null : Files.createTempDirectory(output.toAbsolutePath().getParent(), ".states-");
        Path forwardedParts = Files.createTempDirectory(output.toAbsolutePath().getParent(), ".forwarded-");
        DetectorJob.Streams streams = DetectorJob.detectors(
                DetectorJob.fileMessages(env, messages, start == null ? 0 : start.toEpochMilli()), project, settings);
        streams.actions().sinkTo(DetectorJob.fileSink(parts)).name("actions").uid("actions-sink");
        streams.forwarded().map(Envelope::toLine).sinkTo(DetectorJob.fileSink(forwardedParts)).name("forwarded")
                .uid("forwarded-sink");
        if (stateParts != null) {
            streams.states().sinkTo(DetectorJob.fileSink(stateParts)).name("states").uid("states-sink");
        }
        try {
            if (!execute(env, "detector-studio " + messages.getFileName())) {
                return 2;
            }
        } finally {
            PartFiles.delete(localCheckpoints);
        }
        PartFiles.mergeInto(parts, output);
        if (stateParts != null) {
            PartFiles.mergeInto(stateParts, states);
        }
        List<String> loose = PartFiles.lines(forwardedParts);
        if (forwarded != null) {
            PartFiles.mergeInto(forwardedParts, forwarded);
        } else {
            PartFiles.delete(forwardedParts); // counted above; nobody asked for them to be kept
        }
        if (!loose.isEmpty()) {
            System.err.println("detector-studio-flink-job: " + loose.size() + " iotEvents message(s) were for other "
                    + "detectors; local mode does not feed them back" + (forwarded == null ? " (see --forwarded)" : ""));
        }
        return 0;
    }

    private int runOnKafka(StreamExecutionEnvironment env, ProjectModels project, DetectorJob.Settings settings)
            throws Exception {
        KafkaMode kafka = new KafkaMode(kafkaBootstrap, kafkaInputTopic, kafkaOutputTopic, kafkaGroup, kafkaProperties);
        String problem = kafka.problem(kafkaTimeout);
        if (problem != null) {
            System.err.println("detector-studio-flink-job: " + problem);
            return 2;
        }
        WatermarkStrategy<Envelope> time = settings.eventTime()
                ? DetectorJob.eventTime(settings).withIdleness(idleTimeout) : WatermarkStrategy.noWatermarks();
        DetectorJob.Streams streams = DetectorJob.detectors(kafka.messages(env, time), project, settings, true);
        streams.actions().sinkTo(kafka.actions()).name("kafka actions").uid("kafka-actions");
        streams.forwarded().sinkTo(kafka.forwarded()).name("kafka forwarded").uid("kafka-forwarded");
        return execute(env, "detector-studio on kafka " + kafkaInputTopic) ? 0 : 2;
    }

    /** Runs the job; a failure is one line on stderr (its innermost cause), not a stack trace. */
    private static boolean execute(StreamExecutionEnvironment env, String name) {
        try {
            env.execute(name);
            return true;
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof JobCancellationException)) {
                cause = cause.getCause();
            }
            System.err.println("detector-studio-flink-job: " + (cause instanceof JobCancellationException
                    ? "the job was cancelled" : "the job failed: " + cause));
            return false;
        }
    }
}
