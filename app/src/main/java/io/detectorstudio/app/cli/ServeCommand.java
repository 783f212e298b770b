package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.delivery.Deliveries;
import io.detectorstudio.delivery.bindings.Bindings;
import io.detectorstudio.delivery.bindings.BindingsException;
import io.detectorstudio.delivery.bindings.BindingsReader;
import io.detectorstudio.engine.data.ServiceException;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.server.IotEventsServer;
import io.detectorstudio.server.ServeOptions;
import io.detectorstudio.server.SigV4Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code serve}: the local IoT Events service (both REST APIs), state kept in {@code --data}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the local IoT Events service: the iotevents and iotevents-data REST APIs on one port, "
                + "for unchanged AWS SDK, CLI and boto3 clients (--endpoint-url). State survives restarts.")
public final class ServeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|PROJECT", arity = "0..*",
            description = "models (and their inputs) to create, or update when changed, at start")
    List<Path> files = new ArrayList<>();

    @Option(names = "--inputs", paramLabel = "PATH", description = "input definitions to create at start; repeatable")
    List<Path> inputPaths = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", defaultValue = "9988", description = "TCP port (0: any free port; "
            + "default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "address to listen on "
            + "(default ${DEFAULT-VALUE}; anyone who can reach another address can change every model)")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "state directory (default ~/.detector-studio/serve)")
    Path data;

    @Option(names = "--verify-signatures", description = "check SigV4 signatures against --credentials "
            + "(default: any signature is accepted)")
    boolean verifySignatures;

    @Option(names = "--credentials", paramLabel = "FILE", description = "AWS credentials file for "
            + "--verify-signatures (default ~/.aws/credentials)")
    Path credentials;

    @Option(names = "--bindings", paramLabel = "FILE", description = "deliver actions to MQTT/AWS/HTTP and take "
            + "messages from MQTT topics as this bindings file says (docs/bindings.md)")
    Path bindingsFile;

    @Option(names = "--debug-log", description = "write one evaluation summary per cycle to DIR/logs/engine.log")
    boolean debugLog;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads the detectors are spread over by "
            + "key (default: the number of cores); a detector's cycles stay on one thread, in message order")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = data != null ? data : Path.of(System.getProperty("user.home"), ".detector-studio", "serve");
        ServeOptions options = ServeOptions.defaults(dataDir).withPort(port).withBind(bind).withDebugLog(debugLog);
        if (threads != null) {
            if (threads < 1) {
                err.println("serve: --threads must be at least 1, not " + threads);
                return ExitCodes.CANNOT_RUN;
            }
            options = options.withThreads(threads);
        }
        if (verifySignatures) {
            Path file = credentials != null ? credentials : Path.of(System.getProperty("user.home"), ".aws", "credentials");
            try {
                options = options.withCredentials(SigV4Verifier.readCredentials(file));
            } catch (IOException e) {
                err.println("serve: cannot read the credentials file " + file + ": " + e.getMessage());
                return ExitCodes.CANNOT_RUN;
            }
        }
        List<ObjectNode> inputs = new ArrayList<>();
        List<ObjectNode> models = new ArrayList<>();
        try {
            ModelLoader loader = new ModelLoader();
            for (Path p : inputPaths) {
                loader.load(p).inputs().forEach(i -> inputs.add(i.request()));
            }
            for (Path file : files) {
                ModelFile modelFile = loader.load(file); // a project folder brings its inputs/
                for (LoadedInput input : modelFile.inputs()) {
                    inputs.add(input.request());
                }
                for (LoadedModel model : modelFile.models()) {
                    ObjectNode request = model.request().deepCopy();
                    if (!request.has("roleArn")) {
                        request.put("roleArn", "arn:aws:iam::123456789012:role/detector-studio-serve");
                    }
                    models.add(request);
                }
            }
        } catch (ModelReadException e) {
            err.println("serve: " + e.getMessage() + " (line " + e.line() + ", column " + e.column() + ")");
            return ExitCodes.CANNOT_RUN;
        }
        Bindings bindings = null;
        if (bindingsFile != null) {
            try {
                bindings = new BindingsReader().read(bindingsFile);
            } catch (BindingsException e) {
                err.println(e.getMessage());
                return ExitCodes.CANNOT_RUN;
            }
        }
        // deliveries first: a timer due while the service was down fires at start, and its actions are delivered
        Deliveries deliveries = bindings == null ? null : Deliveries.open(bindings, m -> err.println("serve: " + m));
        IotEventsServer server = new IotEventsServer(options);
        if (deliveries != null) {
            server.withActionSink(deliveries);
        }
        URI endpoint;
        try {
            endpoint = server.start();
            for (String change : server.deploy(inputs, models)) {
                err.println("serve: " + change);
            }
        } catch (ServiceException e) {
            err.println("serve: a model given at start was refused: " + e.errorCode() + ": " + e.getMessage());
            stop(server, deliveries);
            return ExitCodes.CANNOT_RUN;
        } catch (IOException e) {
            err.println("serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            stop(server, deliveries);
            return ExitCodes.CANNOT_RUN;
        }
        if (deliveries != null) {
            deliveries.startIngestion(new ServerIngress(server));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM / SIGINT: finish queued work, checkpoint, close, drain deliveries
            int status = stop(server, deliveries) ? ExitCodes.OK : ExitCodes.CANNOT_RUN;
            stopped.countDown();
            System.out.flush();
            System.err.flush();
            // a stop by signal is this command's normal end: exit 0 rather than the JVM's 128+signal
            Runtime.getRuntime().halt(status);
        }, "serve-shutdown"));
        err.println("serve: state in " + dataDir.toAbsolutePath() + (options.credentials() != null
                ? "; checking signatures" : "; any SigV4 signature accepted"));
        out.println(endpoint);
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * No new MQTT messages, then the service finishes its work (checkpoint, database), then the deliveries drain
     * (at most 10 s); false when the server failed to stop cleanly.
     */
    static boolean stop(IotEventsServer server, Deliveries deliveries) {
        if (deliveries != null) {
            deliveries.stopIngestion();
        }
        boolean closed = true;
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("serve: while stopping: " + e.getMessage());
            closed = false;
        }
        if (deliveries != null) {
            deliveries.close(java.time.Duration.ofSeconds(10));
            deliveries.counters().forEach((target, c) -> System.err.println("serve: " + target + ": " + c.delivered()
                    + " delivered, " + c.retries() + " retries, " + c.deadLettered() + " dead letters"));
        }
        return closed;
    }
}
