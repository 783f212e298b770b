package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input over plain HTTP: each gets the service's error shape (status, x-amzn-ErrorType, {"message"}), never a
 * 500; the server stays up and what it stored is still there.
 */
class BadInputTest {

    @TempDir
    static Path data;
    static IotEventsServer server;
    static URI endpoint;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = new IotEventsServer(ServeOptions.defaults(data).withThreads(2).withIdleTimeout(1500));
        endpoint = server.start();
        assertThat(send("POST", "/inputs", Files.readString(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")))
                .statusCode()).isEqualTo(201);
        String model = JSON.readTree(Sdk.SAMPLES.resolve("motor/model.json").toFile()).toString();
        assertThat(send("POST", "/detector-models", model.replaceFirst("\\{", "{\"roleArn\":\"arn:aws:iam::123456789012:role/r\",")).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/inputs/messages", batch(1, "keep")).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // a new connection each time: the server closes idle connections after 1.5 s (for the slow-client test), and a
        // pooled one reused as it closes fails with no bytes read (CI saw it) — a race of keep-alive, not of the server
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String batch(int n, String prefix) {
        StringBuilder s = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append("{\"messageId\":\"").append(prefix).append(i)
                    .append("\",\"inputName\":\"PressureInput\",\"payload\":\"")
                    .append(java.util.Base64.getEncoder().encodeToString(("{\"motorid\":\"" + prefix
                            + "\",\"sensorData\":{\"pressure\":80}}").getBytes(StandardCharsets.UTF_8))).append("\"}");
        }
        return s.append("]}").toString();
    }

    static void assertError(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        HttpResponse<String> r = send("POST", "/inputs/messages", "{\"messages\": [ {\"messageId\": }");
        assertError(r, 400, "InvalidRequestException");
        assertThat(r.body()).contains("line 1, column");
    }

    @Test
    void aBodyThatIsNoObjectAndWrongTypesAreBadRequests() throws Exception {
        assertError(send("POST", "/inputs/messages", "[1,2]"), 400, "InvalidRequestException");
        assertError(send("POST", "/inputs/messages", "{\"messages\": \"many\"}"), 400, "InvalidRequestException");
        assertError(send("POST", "/detectors", "{\"detectors\": [{\"messageId\": 5}]}"), 400, "InvalidRequestException");
        assertError(send("POST", "/inputs", "{\"inputName\": 12, \"inputDefinition\": {}}"), 400, "InvalidRequestException");
        assertError(send("GET", "/detectors/motorDetectorModel?maxResults=lots", null), 400, "InvalidRequestException");
    }

    @Test
    void elevenMessagesInABatchAreRefusedEntryByEntry() throws Exception {
        HttpResponse<String> r = send("POST", "/inputs/messages", batch(11, "eleven"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode errors = JSON.readTree(r.body()).path("BatchPutMessageErrorEntries");
        assertThat(errors).hasSize(11);
        errors.forEach(e -> assertThat(e.path("errorCode").asText()).isEqualTo("InvalidRequestException"));
        assertError(send("GET", "/detectors/motorDetectorModel/keyValues/?keyValue=eleven", null), 404,
                "ResourceNotFoundException");
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String huge = "{\"messages\":[{\"messageId\":\"x\",\"inputName\":\"PressureInput\",\"payload\":\""
                + "A".repeat(ServeOptions.DEFAULT_MAX_BODY + 10) + "\"}]}";
        assertError(send("POST", "/inputs/messages", huge), 413, "InvalidRequestException");
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
        assertError(send("GET", "/no/such/thing", null), 404, "UnknownOperationException");
        HttpResponse<String> r = send("PATCH", "/inputs/messages", "{}");
        assertError(r, 405, "MethodNotAllowedException");
        assertThat(r.body()).contains("POST");
        assertError(send("DELETE", "/detectors/motorDetectorModel", null), 405, "MethodNotAllowedException");
        assertError(send("POST", "/alarm-models", "{}"), 501, "UnsupportedOperationException");
    }

    @Test
    void aSlowClientIsCutOffWithoutHoldingUpOthers() throws Exception {
        try (Socket slow = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /inputs/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"mess")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // meanwhile other clients are served
            assertThat(send("GET", "/detectors/motorDetectorModel/keyValues/?keyValue=keep", null).statusCode())
                    .isEqualTo(200);
            slow.setSoTimeout(10_000);
            InputStream in = slow.getInputStream();
            byte[] answer = in.readAllBytes(); // the idle timeout closes the stalled request
            String text = new String(answer, StandardCharsets.US_ASCII);
            assertThat(text.isEmpty() || !text.startsWith("HTTP/1.1 500")).as(text).isTrue();
        }
        assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void afterAllOfItTheStoredDetectorIsStillThere() throws Exception {
        malformedJsonSaysWhere();
        anOversizedBodyIs413();
        HttpResponse<String> r = send("GET", "/detectors/motorDetectorModel/keyValues/?keyValue=keep", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("detector").path("state").path("stateName").asText()).isEqualTo("Dangerous");
        JsonNode health = JSON.readTree(send("GET", "/health", null).body());
        assertThat(health.path("counters").path("serverErrors").asLong()).isZero();
    }
}
