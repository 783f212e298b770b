package io.detectorstudio.app.cli;

import io.detectorstudio.delivery.Deliveries;
import io.detectorstudio.delivery.EngineLoop;
import io.detectorstudio.delivery.TargetCounters;
import io.detectorstudio.delivery.bindings.Bindings;
import io.detectorstudio.delivery.bindings.BindingsException;
import io.detectorstudio.delivery.bindings.BindingsReader;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.Clock;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.MessageError;
import io.detectorstudio.engine.runtime.PerformedAction;
import io.detectorstudio.engine.runtime.VirtualClock;
import io.detectorstudio.engine.runtime.EngineLog;
import io.detectorstudio.engine.runtime.shard.OrderedOutput;
import io.detectorstudio.engine.runtime.shard.ShardedEngine;
import java.util.function.Consumer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run FILE...}: runs one or several models (files, or project folders with {@code models/*.json}) over
 * JSON-lines messages and prints every action as one JSON line. Every model that reads a message's input gets it
 * (§C.1), and an iotEvents action of one model feeds another's input.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run detector models over messages (JSON lines: {\"inputName\", \"payload\", \"messageId\"?, "
                + "\"timestamp\"?} or {\"advance\": \"PT5M\"}; payload may be base64 or JSON text and timestamp "
                + "{\"timeInMillis\": N}, as BatchPutMessage takes them) and print every action as one JSON line. "
                + "Several files, or a project folder with models/*.json, run together: every model that reads a "
                + "message's input gets it.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "model files or project folders")
    List<Path> files;

    @Option(names = "--inputs", paramLabel = "PATH", description = "input definitions (CreateInput files, folders "
            + "of them, templates): messages on an input that exists but that no model reads are accepted, as the "
            + "service accepts them; repeatable. A project folder's inputs/ count too")
    List<Path> inputPaths = new ArrayList<>();

    @Option(names = "--messages", paramLabel = "FILE|-", defaultValue = "-",
            description = "messages as JSON lines (default: standard input)")
    String messages;

    @Option(names = "--start", paramLabel = "ISO-INSTANT", description = "virtual time of the first message "
            + "(default 1970-01-01T00:00:00Z)")
    String start;

    @Option(names = "--realtime", description = "run on the wall clock, reading standard input until EOF")
    boolean realtime;

    @Mixin
    TemplateParameters parameters;

    @Option(names = "--model", paramLabel = "NAME", description = "run only the model of this name")
    String modelName;

    @Option(names = "--no-retain-inputs", description = "forget other inputs' values between cycles (§C.7)")
    boolean noRetain;

    @Option(names = "--bindings", paramLabel = "FILE", description = "deliver actions to MQTT/AWS/HTTP and take "
            + "messages from MQTT as this bindings file says (docs/bindings.md); needs --realtime. With MQTT "
            + "ingestion it runs until interrupted, after standard input ends")
    Path bindingsFile;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "worker threads the detectors "
            + "are spread over by key (virtual time only; default ${DEFAULT-VALUE}). The output is the same as with one "
            + "thread, line for line; models with iotEvents actions run on one")
    int threads;

    @Spec
    CommandSpec spec;

    /** Counted down when the run has drained its deliveries (a SIGTERM hook waits for it). */
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LoadedModel> models = new ArrayList<>();
        // inputs that exist (CreateInput) though maybe no model reads them: their messages are accepted, not errors
        List<String> inputs = new ArrayList<>();
        try {
            ModelInputs.read(parameters.loader(), inputPaths).forEach(i -> inputs.add(i.name()));
        } catch (ModelReadException e) {
            err.println("run: --inputs: " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        for (Path file : files) {
            try {
                for (ModelFile modelFile : parameters.loader().loadAll(file)) {
                    modelFile.inputs().forEach(i -> inputs.add(i.name()));
                    parameters.warnDefaults(modelFile, err);
                    if (modelName != null) {
                        modelFile.models().stream().filter(m -> m.name().equals(modelName)).forEach(models::add);
                    } else {
                        models.addAll(modelFile.models());
                    }
                }
            } catch (ModelReadException e) {
                err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
                return ExitCodes.CANNOT_RUN;
            }
        }
        if (models.isEmpty()) {
            err.println("run: no detector model" + (modelName == null ? "" : " named '" + modelName + "'") + " in "
                    + files);
            return ExitCodes.CANNOT_RUN;
        }
        long startMillis;
        try {
            startMillis = start == null ? 0 : Instant.parse(start).toEpochMilli();
        } catch (DateTimeParseException e) {
            err.println("run: --start must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, got '" + start + "'");
            return ExitCodes.CANNOT_RUN;
        }
        Bindings bindings = null;
        if (bindingsFile != null) {
            if (!realtime) {
                err.println("run: --bindings needs --realtime (deliveries and MQTT ingestion run on the wall clock)");
                return ExitCodes.CANNOT_RUN;
            }
            try {
                bindings = new BindingsReader().read(bindingsFile);
            } catch (BindingsException e) {
                err.println(e.getMessage());
                return ExitCodes.CANNOT_RUN;
            }
        }
        if (threads < 1) {
            err.println("run: --threads must be at least 1, not " + threads);
            return ExitCodes.CANNOT_RUN;
        }
        if (threads > 1 && realtime) {
            err.println("run: --threads applies to virtual time; with --realtime one engine thread takes the messages");
            return ExitCodes.CANNOT_RUN;
        }
        // timers of different detectors due together fire by model and key, whatever the number of threads
        EngineOptions options = EngineOptions.DEFAULTS.withRetainInputValues(!noRetain).withTimerTiesByDetector(true);
        // an iotEvents action feeds other detectors: that chain runs on one thread, as the single engine runs it
        if (threads > 1 && models.stream().noneMatch(m -> ShardedEngine.forwards(m.request()))) {
            return runSharded(models, inputs, options, startMillis, out, err);
        }
        Clock clock = realtime ? Clock.system() : new VirtualClock(startMillis);
        Engine engine = new Engine(options, clock);
        // what the service would have logged: a message a keyed model could not use, an unaddressable key
        engine.setLog(e -> err.println(logLine(e)));
        inputs.forEach(engine::declareInput);
        for (LoadedModel model : models) {
            engine.putModel(model.request(), model.version());
        }
        // on the wall clock the engine has its own thread, so that timers fire on time and MQTT can feed it too
        EngineLoop loop = realtime ? new EngineLoop(engine, clock) : null;
        Deliveries deliveries = bindings == null ? null : Deliveries.start(bindings, loop, m -> err.println("run: " + m));
        engine.setActionSink(new ActionSink() {
            @Override
            public void accept(ObjectNode action) {
                out.println(action.toString());
                out.flush();
            }

            @Override
            public void performed(PerformedAction action) {
                accept(action.toJson());
                if (deliveries != null) {
                    deliveries.performed(action);
                }
            }
        });
        try {
            return MessageLines.read(messages, new MessageLines.Target() {
                @Override
                public List<MessageError> put(Message message) {
                    return RunCommand.put(engine, loop, message);
                }

                @Override
                public void advance(long millis) {
                    if (!realtime) {
                        engine.advanceTo(engine.now() + millis);
                    }
                }

                @Override
                public void error(String line) {
                    err.println(line);
                }
            })
                    && (deliveries == null || keepIngesting(deliveries, bindings, err)) ? ExitCodes.OK
                    : ExitCodes.PROBLEMS;
        } catch (IOException e) {
            err.println("run: cannot read " + messages + ": " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        } finally {
            if (deliveries != null) {
                deliveries.close(Duration.ofSeconds(10));
                report(deliveries, err);
            }
            if (loop != null) {
                loop.close();
            }
            out.flush();
            finished.countDown();
        }
    }

    /**
     * Virtual time on {@code threads} shards: each shard's lines are collected and printed in the order one engine
     * prints them (every 4,096 messages and at the end), so the output does not depend on the thread count.
     */
    private int runSharded(List<LoadedModel> models, List<String> inputs, EngineOptions options, long startMillis,
                           PrintWriter out, PrintWriter err) {
        try (ShardedEngine engine = ShardedEngine.ordered(options, new VirtualClock(startMillis), threads,
                action -> action.toJson().toString(), RunCommand::logLine)) {
            inputs.forEach(engine::declareInput);
            for (LoadedModel model : models) {
                engine.putModel(model.request(), model.version());
            }
            Consumer<OrderedOutput.Line> print = line -> (line.error() ? err : out).println(line.text());
            boolean usable = MessageLines.read(messages, new MessageLines.Target() {
                @Override
                public List<MessageError> put(Message message) {
                    List<MessageError> errors = engine.put(List.of(message));
                    if (engine.undrained() >= 4096) {
                        engine.drainOrdered(print);
                    }
                    return errors;
                }

                @Override
                public void advance(long millis) {
                    engine.advanceTo(engine.now() + millis);
                }

                @Override
                public void error(String line) {
                    engine.note(line);
                }
            });
            engine.drainOrdered(print);
            return usable ? ExitCodes.OK : ExitCodes.PROBLEMS;
        } catch (IOException e) {
            err.println("run: cannot read " + messages + ": " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What the service would have logged: a message a keyed model could not use, an unaddressable key. */
    private static String logLine(EngineLog.Entry e) {
        return "run: " + e.level().word() + " " + e.detectorModelName()
                + (e.messageId() == null ? "" : " message " + e.messageId()) + ": " + e.message();
    }

    private static List<MessageError> put(Engine engine, EngineLoop loop, Message message) {
        if (loop == null) {
            return engine.put(List.of(message));
        }
        try {
            return loop.put(List.of(message));
        } catch (Exception e) {
            throw new IllegalStateException("the engine failed on a message", e);
        }
    }

    /**
     * With MQTT ingestion the run goes on after standard input ends, until the process is interrupted (Ctrl-C,
     * SIGTERM: the JVM's shutdown interrupts nothing, so a hook ends the wait) or the thread is interrupted.
     */
    private boolean keepIngesting(Deliveries deliveries, Bindings bindings, PrintWriter err) {
        if (bindings.ingest().isEmpty()) {
            return true;
        }
        err.println("run: standard input ended; still taking messages from MQTT (Ctrl-C to stop)");
        err.flush();
        java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try { // the JVM ends when the hooks end: give the deliveries their time to drain first
                finished.await(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already shutting down: the hook has run
        }
        return true;
    }

    private static void report(Deliveries deliveries, PrintWriter err) {
        deliveries.counters().forEach((target, c) -> err.println("run: " + target + ": " + c.delivered() + " delivered, "
                + c.retries() + " retries, " + c.deadLettered() + " dead letters"
                + (c.lastError() == null || c.deadLettered() == 0 ? "" : " (last error: " + c.lastError() + ")")));
        if (deliveries.counters().values().stream().mapToLong(TargetCounters.Snapshot::deadLettered).sum() > 0) {
            err.println("run: undelivered actions are in " + deliveries.deadLetters().file().toAbsolutePath());
        }
        err.flush();
    }
}
