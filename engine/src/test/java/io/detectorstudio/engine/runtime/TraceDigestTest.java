package io.detectorstudio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trace lines and action objects of fixed workloads ({@link TraceWorkloads}), byte for byte, against SHA-256
 * digests taken from the engine before cycles were reported as typed records: how the trace is built may change,
 * what it says may not. {@code -Dtrace.digests.write=FILE} writes the digests of the current engine instead.
 */
class TraceDigestTest {

    private static final String DIGESTS = "/runtime/trace-digests.txt";

    @Test
    void tracesAndActionsAreByteIdenticalToTheRecordedDigests() throws Exception {
        List<TraceWorkloads.Workload> workloads = new ArrayList<>(TraceWorkloads.generated(40));
        workloads.addAll(TraceWorkloads.corpus());
        Map<String, String> actual = new LinkedHashMap<>();
        for (TraceWorkloads.Workload w : workloads) {
            actual.put(w.name(), digest(w));
        }
        String write = System.getProperty("trace.digests.write");
        if (write != null) {
            StringBuilder out = new StringBuilder();
            actual.forEach((name, digest) -> out.append(name).append('\t').append(digest).append('\n'));
            Files.writeString(Path.of(write), out);
            return;
        }
        Map<String, String> expected = expected();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((name, digest) -> assertThat(digest).as(name).isEqualTo(expected.get(name)));
    }

    private static String digest(TraceWorkloads.Workload w) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
        engine.setCycleListener(record -> sha.update((record.toJson().toString() + "\n").getBytes(StandardCharsets.UTF_8)));
        engine.setActionSink(action -> sha.update(("action " + action + "\n").getBytes(StandardCharsets.UTF_8)));
        engine.putModel(w.model());
        w.run(engine);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static Map<String, String> expected() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = TraceDigestTest.class.getResourceAsStream(DIGESTS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("\t");
                    out.put(parts[0], parts[1]);
                }
            }
        }
        return out;
    }
}
