package io.detectorstudio.server;

import io.detectorstudio.engine.runtime.ActionSink;
import io.detectorstudio.engine.runtime.EngineOptions;
import java.net.URI;
import java.sql.SQLException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local IoT Events service: both REST APIs on one port (Jetty), the engine on its own thread
 * ({@link EngineHost}), state in SQLite ({@link Journal}, {@link Store}). {@link #start} returns once the state is
 * loaded and the port is open; {@link #close} finishes queued work, checkpoints and closes the database.
 */
public final class IotEventsServer implements AutoCloseable {

    private final ServeOptions options;
    private final Metrics metrics = new Metrics();
    private Journal journal;
    private EngineHost host;
    private LogFiles logs;
    private Server http;
    private URI endpoint;
    private Operations operations;
    private ActionSink actionSink = ActionSink.NONE;

    public IotEventsServer(ServeOptions options) {
        this.options = options;
    }

    /** Where every action of every detector goes (the delivery seam, issue 17); set before {@link #start}. */
    public IotEventsServer withActionSink(ActionSink sink) {
        this.actionSink = sink;
        return this;
    }

    public URI start() throws Exception {
        logs = new LogFiles(options.dataDir());
        journal = new Journal(options.dataDir().resolve("state.db"), options.durable());
        ModelAnalysis analysis = new ModelAnalysis();
        ControlPlane control = new ControlPlane(analysis);
        control.load(journal.connectionForStartup());
        host = new EngineHost(journal, EngineOptions.DEFAULTS, System::currentTimeMillis,
                options.checkpointIntervalMillis(), metrics, logs.engineLog(), options.threads());
        host.setActionSink(actionSink);
        if (options.debugLog()) {
            host.setCycleListener(cycle -> logs.engineLine(DebugLogEntries.of(cycle.toJson())));
        }
        host.start(control.inputs().names());

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("serve-http");
        http = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(http, new HttpConnectionFactory(config));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeoutMillis());
        http.addConnector(connector);
        SigV4Verifier verifier = options.credentials() == null ? null : new SigV4Verifier(options.credentials());
        operations = new Operations(host, control, analysis, metrics);
        http.setHandler(new ApiHandler(operations, verifier,
                options.maxBodyBytes(), metrics, logs, threads));
        http.start();
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        endpoint = URI.create("http://" + host + ":" + connector.getLocalPort());
        return endpoint;
    }

    /**
     * Creates (or updates, when different) inputs and models given at start ({@code serve FILE...}), through the
     * same operations as a client's calls. Returns one line per change made.
     */
    public java.util.List<String> deploy(java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> inputs,
                                         java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> models)
            throws Exception {
        java.util.List<String> done = new java.util.ArrayList<>();
        for (var input : inputs) {
            String name = input.path("inputName").asText();
            if (!exists("DescribeInput", java.util.Map.of("inputName", name))) {
                call("CreateInput", java.util.Map.of(), input);
                done.add("created input " + name);
            } else {
                var update = input.deepCopy();
                update.remove(java.util.List.of("inputName", "tags"));
                call("UpdateInput", java.util.Map.of("inputName", name), update);
            }
        }
        for (var model : models) {
            String name = model.path("detectorModelName").asText();
            if (!exists("DescribeDetectorModel", java.util.Map.of("detectorModelName", name))) {
                call("CreateDetectorModel", java.util.Map.of(), model);
                done.add("created detector model " + name);
                continue;
            }
            var current = call("DescribeDetectorModel", java.util.Map.of("detectorModelName", name),
                    Store.JSON.createObjectNode()).body().path("detectorModel");
            boolean same = current.path("detectorModelDefinition").equals(model.path("detectorModelDefinition"))
                    && current.path("detectorModelConfiguration").path("evaluationMethod").asText()
                    .equals(model.path("evaluationMethod").asText("BATCH"));
            if (!same) {
                var update = model.deepCopy();
                update.remove(java.util.List.of("detectorModelName", "key", "tags"));
                String version = call("UpdateDetectorModel", java.util.Map.of("detectorModelName", name), update)
                        .body().path("detectorModelConfiguration").path("detectorModelVersion").asText();
                done.add("updated detector model " + name + " to version " + version);
            }
        }
        return done;
    }

    private boolean exists(String operation, java.util.Map<String, String> path) throws Exception {
        try {
            call(operation, path, Store.JSON.createObjectNode());
            return true;
        } catch (io.detectorstudio.engine.data.ServiceException e) {
            if (e.httpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    private ApiResponse call(String operation, java.util.Map<String, String> path,
                             com.fasterxml.jackson.databind.JsonNode body) throws Exception {
        try {
            return operations.call(new ApiRequest(operation, path, java.util.Map.of(), body)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof io.detectorstudio.engine.data.ServiceException s) {
                throw s;
            }
            throw e;
        }
    }

    /**
     * BatchPutMessage exactly as a client's call (checked, journaled, evaluated) for feeders inside the process
     * (MQTT ingestion, issue 17); returns the response body once the messages are durable.
     */
    public com.fasterxml.jackson.databind.JsonNode batchPutMessage(com.fasterxml.jackson.databind.node.ObjectNode request)
            throws Exception {
        return call("BatchPutMessage", java.util.Map.of(), request).body();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Stops taking requests, lets the engine finish and checkpoint, closes the database and logs. */
    @Override
    public void close() throws Exception {
        if (http != null) {
            http.stop();
        }
        if (host != null) {
            host.close();
        }
        if (journal != null) {
            try {
                journal.close();
            } catch (SQLException e) {
                System.err.println("serve: closing the state database: " + e.getMessage());
            }
        }
        if (logs != null) {
            logs.close();
        }
    }
}
