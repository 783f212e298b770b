package io.detectorstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} through the real entry point in its own JVM: the sample project is deployed at start, the
 * endpoint is printed when ready, a message is processed, SIGTERM stops it cleanly (exit 0), and a second start on
 * the same --data finds the detector and does not create the model again.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    Process start(Path err) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "../samples/motor", "--port", "0", "--data", dir.resolve("data").toString()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile())).start();
    }

    static URI endpoint(Process p) throws Exception {
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).startsWith("http://127.0.0.1:");
        return URI.create(line.trim());
    }

    static HttpResponse<String> send(URI endpoint, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSampleStopsOnSigtermAndKeepsItsState() throws Exception {
        Path err = dir.resolve("serve.err");
        Process first = start(err);
        try {
            URI endpoint = endpoint(first);
            assertThat(send(endpoint, "GET", "/detector-models", null).body()).contains("\"motorDetectorModel\"");
            HttpResponse<String> put = send(endpoint, "POST", "/inputs/messages", "{\"messages\":[{\"messageId\":\"1\","
                    + "\"inputName\":\"PressureInput\",\"payload\":\"{\\\"motorid\\\":\\\"Fulton-A32\\\","
                    + "\\\"sensorData\\\":{\\\"pressure\\\":80}}\"}]}");
            assertThat(put.body()).isEqualTo("{\"BatchPutMessageErrorEntries\":[]}");
        } finally {
            first.destroy(); // SIGTERM
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(first.exitValue()).isZero();
        assertThat(Files.readString(err)).contains("serve: created detector model motorDetectorModel");

        Process second = start(err);
        try {
            URI endpoint = endpoint(second);
            HttpResponse<String> d = send(endpoint, "GET", "/detectors/motorDetectorModel/keyValues/?keyValue=Fulton-A32", null);
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.body()).contains("\"stateName\":\"Dangerous\"");
            assertThat(send(endpoint, "GET", "/detector-models/motorDetectorModel/versions", null).body())
                    .contains("\"detectorModelVersion\":\"1\"").doesNotContain("\"detectorModelVersion\":\"2\"");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(err).split("created detector model", -1)).hasSize(2); // only the first start
    }
}
