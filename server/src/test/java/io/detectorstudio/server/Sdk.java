package io.detectorstudio.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotevents.IotEventsClient;
import software.amazon.awssdk.services.iotevents.model.CreateDetectorModelRequest;
import software.amazon.awssdk.services.iotevents.model.CreateInputRequest;
import software.amazon.awssdk.services.ioteventsdata.IotEventsDataClient;

/** The real AWS SDK v2 clients pointed at a local server, and the repository's samples as SDK requests. */
final class Sdk {

    static final Path SAMPLES = Path.of("..", "samples");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Sdk() {
    }

    static IotEventsClient control(URI endpoint, String accessKey, String secret) {
        return IotEventsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static IotEventsDataClient data(URI endpoint, String accessKey, String secret) {
        return IotEventsDataClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static IotEventsClient control(URI endpoint) {
        return control(endpoint, "AKIDANYTHING", "any-secret");
    }

    static IotEventsDataClient data(URI endpoint) {
        return data(endpoint, "AKIDANYTHING", "any-secret");
    }

    /** A sample's CreateInput JSON as the SDK request (through the SDK's own serializable builder). */
    static CreateInputRequest createInput(Path file) {
        return read(file, CreateInputRequest.serializableBuilderClass()).build();
    }

    static CreateDetectorModelRequest createDetectorModel(Path file, String roleArn) {
        return read(file, CreateDetectorModelRequest.serializableBuilderClass()).roleArn(roleArn).build();
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
