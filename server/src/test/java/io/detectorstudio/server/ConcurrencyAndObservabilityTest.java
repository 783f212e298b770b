package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ioteventsdata.IotEventsDataClient;
import software.amazon.awssdk.services.ioteventsdata.model.Detector;
import software.amazon.awssdk.services.ioteventsdata.model.Message;

/**
 * Many clients at once on the same detectors: no message's update is lost, and a BatchUpdateDetector in the middle
 * of the stream is applied whole between two cycles (§C.5: one instance's cycles are serial). Then what the
 * server tells about itself: health counters, one request log line per call, the engine log.
 */
class ConcurrencyAndObservabilityTest {

    static final int CLIENTS = 8;
    static final int BATCHES = 40;
    static final int KEYS = 5; // 10 messages a batch: 2 per key

    @TempDir
    Path data;

    static String variable(Detector d, String name) {
        return d.state().variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void concurrentClientsLoseNoUpdateAndTheServerReportsWhatItDid() throws Exception {
        Path model = data.resolve("counter.json");
        Files.writeString(model, CrashRecoveryTest.COUNTER_MODEL);
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data.resolve("state")).withThreads(2))) {
            URI endpoint = server.start();
            try (var control = Sdk.control(endpoint)) {
                control.createInput(Sdk.createInput(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")));
                control.createDetectorModel(Sdk.createDetectorModel(model, "arn:aws:iam::123456789012:role/r"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(pool.submit(() -> {
                    try (IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                        for (int b = 0; b < BATCHES; b++) {
                            List<Message> batch = new ArrayList<>();
                            for (int i = 0; i < 10; i++) {
                                batch.add(Message.builder().messageId("c" + client + "-" + b + "-" + i)
                                        .inputName("PressureInput").payload(SdkBytes.fromUtf8String(
                                                "{\"motorid\":\"k" + (i % KEYS) + "\",\"sensorData\":{\"pressure\":1}}"))
                                        .build());
                            }
                            assertThat(dataPlane.batchPutMessage(r -> r.messages(batch)).batchPutMessageErrorEntries())
                                    .isEmpty();
                        }
                    }
                    return null;
                }));
            }
            // midway, one update resets k0: count 1,000,000 and sum 0, applied whole between two cycles
            work.add(pool.submit(() -> {
                try (IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                    while (true) {
                        try {
                            if (Long.parseLong(variable(dataPlane.describeDetector(b -> b.detectorModelName("counter")
                                    .keyValue("k0")).detector(), "count")) > 100) {
                                break;
                            }
                        } catch (software.amazon.awssdk.services.ioteventsdata.model.ResourceNotFoundException e) {
                            // not created yet
                        }
                        Thread.sleep(5);
                    }
                    assertThat(dataPlane.batchUpdateDetector(b -> b.detectors(u -> u.messageId("reset")
                            .detectorModelName("counter").keyValue("k0").state(s -> s.stateName("Counting")
                                    .variables(v -> v.name("count").value("1000000"), v -> v.name("sum").value("0"))
                                    .timers(List.of())))).batchUpdateDetectorErrorEntries()).isEmpty();
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            long perKey = (long) CLIENTS * BATCHES * 10 / KEYS;
            try (IotEventsDataClient dataPlane = Sdk.data(endpoint)) {
                for (int k = 1; k < KEYS; k++) {
                    int key = k;
                    Detector d = dataPlane.describeDetector(b -> b.detectorModelName("counter").keyValue("k" + key)).detector();
                    assertThat(variable(d, "count")).isEqualTo(Long.toString(perKey));
                    assertThat(variable(d, "sum")).isEqualTo(Long.toString(perKey));
                }
                Detector reset = dataPlane.describeDetector(b -> b.detectorModelName("counter").keyValue("k0")).detector();
                long after = Long.parseLong(variable(reset, "count")) - 1_000_000;
                assertThat(after).isBetween(0L, perKey - 100);
                assertThat(variable(reset, "sum")).isEqualTo(Long.toString(after)); // nothing torn
                // a message the keyed model cannot use goes to the engine log (§C.1)
                dataPlane.batchPutMessage(b -> b.messages(Message.builder().messageId("nokey").inputName("PressureInput")
                        .payload(SdkBytes.fromUtf8String("{\"sensorData\":{\"pressure\":1}}")).build()));
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode counters = new ObjectMapper().readTree(health.body()).path("counters");
            assertThat(counters.path("messages").asLong()).isEqualTo(CLIENTS * BATCHES * 10L + 1);
            assertThat(counters.path("serverErrors").asLong()).isZero();
            assertThat(counters.path("requests").asLong()).isGreaterThan(CLIENTS * BATCHES);
        }
        List<String> requests = Files.readAllLines(data.resolve("state/logs/requests.log"));
        assertThat(requests.stream().filter(l -> l.contains(" POST /inputs/messages BatchPutMessage 200 ")).count())
                .isEqualTo(CLIENTS * BATCHES + 1L);
        assertThat(requests).anyMatch(l -> l.contains("GET /detectors/counter/keyValues/ DescribeDetector 404 ")
                && l.endsWith("ResourceNotFoundException") || l.contains("DescribeDetector 200"));
        List<String> engineLog = Files.readAllLines(data.resolve("state/logs/engine.log"));
        assertThat(engineLog).anyMatch(l -> l.contains("\"level\":\"ERROR\"") && l.contains("\"messageId\":\"nokey\"")
                && l.contains("no key attribute"));
    }
}
