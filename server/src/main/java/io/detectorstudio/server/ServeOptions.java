package io.detectorstudio.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * How {@code serve} runs.
 *
 * @param bind the address to listen on (127.0.0.1 unless the user says otherwise: anyone who can reach the port
 *             can change every model)
 * @param port 0 = any free port
 * @param dataDir the state database and logs
 * @param durable whether an answer waits for the disk flush (off only for benchmarks' baselines)
 * @param credentials access key → secret key; null accepts any SigV4 signature (or none)
 * @param maxBodyBytes larger request bodies are refused (413)
 * @param idleTimeoutMillis a connection idle (or a client sending this slowly) this long is closed
 * @param checkpointIntervalMillis how often the engine's state is checkpointed and the log before it dropped
 * @param debugLog write one §C.13 evaluation summary per cycle to the engine log (costly)
 * @param threads worker threads (shards) the detectors are spread over by key; 1 = the engine thread alone
 */
public record ServeOptions(String bind, int port, Path dataDir, boolean durable, Map<String, String> credentials,
                           int maxBodyBytes, long idleTimeoutMillis, long checkpointIntervalMillis, boolean debugLog,
                           int threads) {

    /** The service's largest request is a 512 KB model definition; 1 MiB leaves room for the JSON around it. */
    public static final int DEFAULT_MAX_BODY = 1024 * 1024;

    public static ServeOptions defaults(Path dataDir) {
        return new ServeOptions("127.0.0.1", 0, dataDir, true, null, DEFAULT_MAX_BODY, 30_000, 30_000, false,
                Runtime.getRuntime().availableProcessors());
    }

    public ServeOptions withPort(int port) {
        return new ServeOptions(bind, port, dataDir, durable, credentials, maxBodyBytes, idleTimeoutMillis,
                checkpointIntervalMillis, debugLog, threads);
    }

    public ServeOptions withBind(String bind) {
        return new ServeOptions(bind, port, dataDir, durable, credentials, maxBodyBytes, idleTimeoutMillis,
                checkpointIntervalMillis, debugLog, threads);
    }

    public ServeOptions withCredentials(Map<String, String> credentials) {
        return new ServeOptions(bind, port, dataDir, durable, credentials, maxBodyBytes, idleTimeoutMillis,
                checkpointIntervalMillis, debugLog, threads);
    }

    public ServeOptions withIdleTimeout(long millis) {
        return new ServeOptions(bind, port, dataDir, durable, credentials, maxBodyBytes, millis,
                checkpointIntervalMillis, debugLog, threads);
    }

    public ServeOptions withDurable(boolean durable) {
        return new ServeOptions(bind, port, dataDir, durable, credentials, maxBodyBytes, idleTimeoutMillis,
                checkpointIntervalMillis, debugLog, threads);
    }

    public ServeOptions withDebugLog(boolean debugLog) {
        return new ServeOptions(bind, port, dataDir, durable, credentials, maxBodyBytes, idleTimeoutMillis,
                checkpointIntervalMillis, debugLog, threads);
    }

    public ServeOptions withThreads(int threads) {
        return new ServeOptions(bind, port, dataDir, durable, credentials, maxBodyBytes, idleTimeoutMillis,
                checkpointIntervalMillis, debugLog, threads);
    }
}
