package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iotevents.IotEventsClient;
import software.amazon.awssdk.services.ioteventsdata.IotEventsDataClient;

/** --verify-signatures: the SDK's SigV4 signatures with known credentials pass; a wrong secret or none is 403. */
class SignatureTest {

    @TempDir
    Path data;

    @Test
    void signaturesAreCheckedAgainstTheCredentialsFile() throws Exception {
        Path credentials = data.resolve("credentials");
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIDLOCAL\naws_secret_access_key = s3cr3t/Key+1\n");
        try (IotEventsServer server = new IotEventsServer(ServeOptions.defaults(data.resolve("state")).withThreads(2)
                .withCredentials(SigV4Verifier.readCredentials(credentials)))) {
            URI endpoint = server.start();
            try (IotEventsClient good = Sdk.control(endpoint, "AKIDLOCAL", "s3cr3t/Key+1");
                 IotEventsDataClient goodData = Sdk.data(endpoint, "AKIDLOCAL", "s3cr3t/Key+1");
                 IotEventsClient wrongSecret = Sdk.control(endpoint, "AKIDLOCAL", "guess");
                 IotEventsClient unknownKey = Sdk.control(endpoint, "AKIDOTHER", "s3cr3t/Key+1")) {
                good.createInput(Sdk.createInput(Sdk.SAMPLES.resolve("motor/inputs/PressureInput.json")));
                // a GET with a query string and a path parameter, and a POST with a body
                assertThat(good.listInputs(b -> b.maxResults(5)).inputSummaries()).hasSize(1);
                assertThat(good.describeInput(b -> b.inputName("PressureInput")).input()).isNotNull();
                good.createDetectorModel(Sdk.createDetectorModel(Sdk.SAMPLES.resolve("motor/model.json"),
                        "arn:aws:iam::123456789012:role/r"));
                assertThat(goodData.listDetectors(b -> b.detectorModelName("motorDetectorModel").stateName("Normal")
                        .maxResults(10)).detectorSummaries()).isEmpty();

                for (IotEventsClient bad : new IotEventsClient[] {wrongSecret, unknownKey}) {
                    assertThatThrownBy(() -> bad.listInputs(b -> { })).isInstanceOf(AwsServiceException.class)
                            .satisfies(e -> {
                                AwsServiceException a = (AwsServiceException) e;
                                assertThat(a.statusCode()).isEqualTo(403);
                                assertThat(a.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                            });
                }
            }
            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    endpoint.resolve("/inputs")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("UnrecognizedClientException");
        }
    }
}
