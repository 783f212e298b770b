package io.detectorstudio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.delivery.bindings.BindingsReader;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.engine.runtime.VirtualClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2: the seven AWS targets called through the AWS SDK v2 against a local stand-in that checks the
 * Signature V4 of every request, each with the request §A.4 describes (the engine's delivered form).
 */
@Timeout(60)
class AwsDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> saved = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void credentialsProfile() throws Exception {
        credentialsProfile(dir);
    }

    /** A profile "standin" with the stand-in's keys, in a credentials file of {@code dir} (not the user's). */
    static void credentialsProfile(Path dir) throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[standin]\naws_access_key_id = " + AwsStandIn.ACCESS_KEY
                + "\naws_secret_access_key = " + AwsStandIn.SECRET_KEY + "\n");
        Path config = dir.resolve("config");
        Files.writeString(config, "");
        for (String p : List.of("aws.sharedCredentialsFile", "aws.configFile")) {
            saved.put(p, System.getProperty(p));
        }
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
    }

    @AfterAll
    static void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    static Path bindings(Path dir, AwsStandIn standIn, String retry) throws Exception {
        Path file = dir.resolve("aws-bindings.json");
        Files.writeString(file, """
                {
                  "aws": { "profile": "standin", "endpoint": "%s" },
                  "deliveries": [
                    { "type": "sns", "to": { "aws": {} } },
                    { "type": "sqs", "to": { "aws": {} } },
                    { "type": "lambda", "to": { "aws": {} } },
                    { "type": "dynamoDB", "to": { "aws": { "region": "eu-central-1" } } },
                    { "type": "dynamoDBv2", "to": { "aws": { "region": "eu-central-1" } } },
                    { "type": "firehose", "to": { "aws": { "region": "eu-central-1" } } },
                    { "type": "iotSiteWise", "to": { "aws": { "region": "eu-central-1" } } }
                  ],
                  "retry": %s,
                  "deadLetter": "%s"
                }
                """.formatted(standIn.endpoint(), retry, dir.resolve("dead.jsonl")));
        return file;
    }

    static Engine allTargets() throws Exception {
        Engine engine = new Engine(EngineOptions.DEFAULTS, new VirtualClock(1_767_225_600_000L)); // 2026-01-01
        engine.putModel(new ModelLoader().load(Path.of("src/test/resources/all-targets.json")).model(null).request());
        return engine;
    }

    static Message reading(int seq, double pressure) throws Exception {
        return new Message("Reading", "m" + seq, JSON.readTree("{\"motorid\":\"Fulton-A32\",\"seq\":" + seq
                + ",\"pressure\":" + pressure + "}"), null);
    }

    @Test
    void everyAwsTargetReceivesTheSignedRequestOfItsAction() throws Exception {
        try (AwsStandIn aws = new AwsStandIn();
             Deliveries deliveries = Deliveries.start(new BindingsReader().read(bindings(dir, aws,
                     "{\"attempts\": 2, \"initialBackoff\": \"50ms\"}")), batch -> List.of(), s -> { })) {
            Engine engine = allTargets();
            engine.setActionSink(deliveries);
            engine.put(List.of(reading(7, 80.5)));

            Map<String, AwsStandIn.Call> byOperation = new HashMap<>();
            for (int i = 0; i < 7; i++) {
                AwsStandIn.Call call = aws.next();
                assertThat(call.signatureValid()).as("SigV4 of " + call.path() + " " + call.header("x-amz-target")).isTrue();
                String op = call.header("x-amz-target") != null ? call.header("x-amz-target")
                        : call.service() + " " + call.path();
                if (op.endsWith("PutItem")) {
                    op += " " + JSON.readTree(call.body()).path("TableName").asText();
                }
                byOperation.put(op, call);
            }

            AwsStandIn.Call sns = byOperation.get("sns /");
            assertThat(sns.region()).as("region from the topic ARN").isEqualTo("us-east-1");
            Map<String, String> form = form(sns.body());
            assertThat(form).containsEntry("Action", "Publish")
                    .containsEntry("TopicArn", "arn:aws:sns:us-east-1:123456789012:underPressureAction");
            JsonNode message = JSON.readTree(form.get("Message"));
            assertThat(message.path("eventName").asText()).isEqualTo("reading");
            assertThat(message.at("/payload/detector/keyValue").asText()).isEqualTo("Fulton-A32");

            AwsStandIn.Call sqs = byOperation.get("AmazonSQS.SendMessage");
            assertThat(sqs.region()).as("region from the queue URL").isEqualTo("eu-west-1");
            JsonNode send = JSON.readTree(sqs.body());
            assertThat(send.path("QueueUrl").asText()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/readings");
            assertThat(new String(Base64.getDecoder().decode(send.path("MessageBody").asText()), StandardCharsets.UTF_8))
                    .as("useBase64: the body is the payload, base64").isEqualTo("{\"pressure\": 80.5}");

            AwsStandIn.Call lambda = byOperation.get("lambda /2015-03-31/functions/"
                    + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3AcheckPressure/invocations");
            assertThat(lambda).as("Invoke of the function ARN; got " + byOperation.keySet()).isNotNull();
            assertThat(lambda.header("x-amz-invocation-type")).isEqualTo("Event");
            assertThat(JSON.readTree(lambda.body()).path("eventName").asText()).isEqualTo("reading");

            JsonNode put = JSON.readTree(byOperation.get("DynamoDB_20120810.PutItem Readings").body());
            assertThat(put.path("Item")).isEqualTo(JSON.readTree("{\"motorid\":{\"S\":\"Fulton-A32\"},\"seq\":{\"N\":\"7\"},"
                    + "\"payload\":{\"M\":{\"pressure\":{\"N\":\"80.5\"}}}}"));
            JsonNode v2 = JSON.readTree(byOperation.get("DynamoDB_20120810.PutItem Latest").body());
            assertThat(v2.path("Item")).isEqualTo(JSON.readTree("{\"motorid\":{\"S\":\"Fulton-A32\"},"
                    + "\"pressure\":{\"N\":\"80.5\"}}"));

            JsonNode record = JSON.readTree(byOperation.get("Firehose_20150804.PutRecord").body());
            assertThat(record.path("DeliveryStreamName").asText()).isEqualTo("pressure-stream");
            assertThat(new String(Base64.getDecoder().decode(record.at("/Record/Data").asText()), StandardCharsets.UTF_8))
                    .as("the record ends with the separator").isEqualTo("Fulton-A32,80.5\n");

            AwsStandIn.Call siteWise = byOperation.get("iotsitewise /properties");
            assertThat(siteWise.region()).isEqualTo("eu-central-1");
            JsonNode entry = JSON.readTree(siteWise.body()).path("entries").path(0);
            assertThat(entry.path("propertyAlias").asText()).isEqualTo("/motors/Fulton-A32/pressure");
            JsonNode value = entry.path("propertyValues").path(0);
            assertThat(value.at("/value/doubleValue").asDouble()).isEqualTo(80.5);
            assertThat(value.path("quality").asText()).isEqualTo("GOOD");
            assertThat(value.at("/timestamp/timeInSeconds").asLong()).isEqualTo(1_767_225_600L);
            assertThat(entry.path("entryId").asText()).isNotEmpty();

            assertThat(deliveries.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(deliveries.counters().values()).allSatisfy(c -> assertThat(c.delivered()).isEqualTo(1));
            assertThat(deliveries.counters()).hasSize(7);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
