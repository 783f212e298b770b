package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.data.IotEventsData;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client streams BatchPutMessage calls while the server process is SIGKILLed at random points (6 times) and
 * restarted on the same data; a call that got no answer is sent again, same message ids, until answered. In the
 * end every detector equals what the embedded engine makes of every batch applied exactly once: nothing
 * acknowledged is lost (the answer waits for the commit) and nothing is applied twice (the de-duplication window
 * is durable too). A counting model makes a lost or doubled message visible in its variables.
 */
class CrashRecoveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MOTORS = 25;
    static final String COUNTER_MODEL = """
            {"detectorModelName": "counter", "key": "motorid", "roleArn": "arn:aws:iam::123456789012:role/r",
             "detectorModelDefinition": {"initialStateName": "Counting", "states": [{"stateName": "Counting",
               "onEnter": {"events": [{"eventName": "init", "condition": "true", "actions": [
                 {"setVariable": {"variableName": "count", "value": "0"}},
                 {"setVariable": {"variableName": "sum", "value": "0"}}]}]},
               "onInput": {"events": [{"eventName": "count", "condition": "currentInput(\\"PressureInput\\")",
                 "actions": [{"setVariable": {"variableName": "count", "value": "$variable.count + 1"}},
                   {"setVariable": {"variableName": "sum",
                     "value": "$variable.sum + $input.PressureInput.sensorData.pressure"}}]}]}}]}}""";

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static String batch(int index) {
        Random random = new Random(index * 7919L);
        StringBuilder s = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < 10; i++) {
            String payload = "{\"motorid\":\"m" + random.nextInt(MOTORS) + "\",\"sensorData\":{\"pressure\":"
                    + (50 + random.nextInt(41)) + "}}";
            s.append(i == 0 ? "" : ",").append("{\"messageId\":\"b").append(index).append('-').append(i)
                    .append("\",\"inputName\":\"PressureInput\",\"payload\":\"")
                    .append(Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))).append("\"}");
        }
        return s.append("]}").toString();
    }

    HttpResponse<String> send(URI endpoint, String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String motorModel() throws IOException {
        ObjectNode model = (ObjectNode) JSON.readTree(Sdk.SAMPLES.resolve("motor/model.json").toFile());
        return model.put("roleArn", "arn:aws:iam::123456789012:role/r").toString();
    }

    @Test
    void killedAtRandomTheServerKeepsExactlyTheAcknowledgedMessages() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        AtomicReference<ServerProcess> server = new AtomicReference<>(ServerProcess.start(data, 300, log));
        URI first = server.get().endpoint;
        assertThat(send(first, "POST", "/inputs", Files.readString(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")))
                .statusCode()).isEqualTo(201);
        assertThat(send(first, "POST", "/detector-models", motorModel()).statusCode()).isEqualTo(200);
        assertThat(send(first, "POST", "/detector-models", COUNTER_MODEL).statusCode()).isEqualTo(200);

        AtomicBoolean killsDone = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        List<Throwable> clientFailure = new ArrayList<>();
        Thread client = new Thread(() -> {
            try {
                for (int i = 0; !killsDone.get() || i < 400; i++) {
                    String body = batch(i);
                    while (true) {
                        try {
                            HttpResponse<String> r = send(server.get().endpoint, "POST", "/inputs/messages", body);
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                            assertThat(JSON.readTree(r.body()).path("BatchPutMessageErrorEntries")).isEmpty();
                            acknowledged.set(i + 1);
                            break;
                        } catch (IOException e) {
                            retries.incrementAndGet(); // no answer: the server died; send the same batch again
                            Thread.sleep(100);
                        }
                    }
                }
            } catch (Throwable t) {
                clientFailure.add(t);
            }
        });
        client.start();
        Random random = new Random(42);
        int kills = 6;
        for (int k = 0; k < kills; k++) {
            Thread.sleep(250 + random.nextInt(700));
            server.get().kill();
            server.set(ServerProcess.start(data, 300, log));
        }
        killsDone.set(true);
        client.join(120_000);
        assertThat(clientFailure).isEmpty();
        int batches = acknowledged.get();
        assertThat(batches).isGreaterThanOrEqualTo(400);
        assertThat(retries.get()).as("the kills hit calls in flight").isPositive();

        // one more SIGKILL with no traffic: the state comes back from the checkpoint and the log alone
        server.get().kill();
        server.set(ServerProcess.start(data, 300, log));
        try {
            Engine expected = new Engine(EngineOptions.DEFAULTS, new VirtualClock(0));
            expected.putModel((ObjectNode) JSON.readTree(motorModel()));
            expected.putModel((ObjectNode) JSON.readTree(COUNTER_MODEL));
            IotEventsData expectedData = new IotEventsData(expected);
            for (int i = 0; i < batches; i++) {
                expectedData.batchPutMessage(JSON.readTree(batch(i)));
            }
            for (String model : List.of("motorDetectorModel", "counter")) {
                assertThat(detectors(server.get().endpoint, model)).as(model).isEqualTo(engineDetectors(expectedData, expected, model));
            }
            long counted = detectors(server.get().endpoint, "counter").values().stream()
                    .mapToLong(d -> Long.parseLong(d.get("count"))).sum();
            assertThat(counted).isEqualTo(batches * 10L);
        } finally {
            server.get().close();
        }
    }

    /** key → state name and variables, as DescribeDetector gives them. */
    Map<String, Map<String, String>> detectors(URI endpoint, String model) throws Exception {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (int m = 0; m < MOTORS; m++) {
            HttpResponse<String> r = send(endpoint, "GET", "/detectors/" + model + "/keyValues/?keyValue=m" + m, null);
            if (r.statusCode() == 404) {
                continue;
            }
            out.put("m" + m, flatten(JSON.readTree(r.body())));
        }
        return out;
    }

    static Map<String, Map<String, String>> engineDetectors(IotEventsData data, Engine engine, String model) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        engine.instances(model).forEach(i -> out.put(i.keyValue(), flatten(data.describeDetector(model, i.keyValue()))));
        return out;
    }

    static Map<String, String> flatten(JsonNode describe) {
        Map<String, String> out = new TreeMap<>();
        JsonNode state = describe.path("detector").path("state");
        out.put("@state", state.path("stateName").asText());
        state.path("variables").forEach(v -> out.put(v.path("name").asText(), v.path("value").asText()));
        return out;
    }
}
