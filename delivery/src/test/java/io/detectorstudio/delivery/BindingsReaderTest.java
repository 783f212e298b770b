package io.detectorstudio.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.detectorstudio.delivery.bindings.Bindings;
import io.detectorstudio.delivery.bindings.BindingsException;
import io.detectorstudio.delivery.bindings.BindingsReader;
import io.detectorstudio.delivery.bindings.TargetPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindingsReaderTest {

    @TempDir
    Path dir;

    private Bindings read(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new BindingsReader(Map.of("BROKER_PASSWORD", "s3cret")::get).read(file);
    }

    private String error(String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, text);
            new BindingsReader().read(file);
        } catch (BindingsException e) {
            return e.getMessage().replace(file.toString(), name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error");
    }

    @Test
    void theMotorSampleBindingsRead() throws Exception {
        Bindings b = new BindingsReader().read(Models.SAMPLES.resolve("motor/bindings.yaml"));
        assertThat(b.brokers().get("local").host()).isEqualTo("127.0.0.1");
        assertThat(b.brokers().get("local").port()).isEqualTo(1883);
        assertThat(b.ingest()).singleElement().satisfies(i -> {
            assertThat(i.topic()).isEqualTo("motors/readings");
            assertThat(i.input()).isEqualTo("PressureInput");
            assertThat(i.messageId()).isEqualTo("contentHash");
        });
        assertThat(b.rules()).extracting(Bindings.Rule::type).containsExactly("sns", "iotTopicPublish");
        assertThat(b.rules().get(0).to()).singleElement().isEqualTo(new Bindings.Mqtt("local", "motors/alerts", 1, false));
        assertThat(b.retry().initialBackoff()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void everyExampleInTheDocsAndTheSampleReadsAndTheSchemaAcceptsThem() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "docs", "bindings.schema.json")));
        List<Path> files = new ArrayList<>(List.of(Models.SAMPLES.resolve("motor/bindings.yaml")));
        try (var docs = Files.list(Path.of("..", "docs", "bindings"))) {
            docs.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path f : files) {
            new BindingsReader(name -> "from-environment").read(f);
            JsonNode tree = f.toString().endsWith(".json") ? new ObjectMapper().readTree(f.toFile())
                    : new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
            assertThat(schema.validate(tree)).as(f.toString()).isEmpty();
        }
        // and the schema is not a rubber stamp: a misspelt type is refused by both
        JsonNode wrong = new ObjectMapper().readTree("{\"deliveries\":[{\"type\":\"snss\",\"to\":{\"aws\":{}}}]}");
        assertThat(schema.validate(wrong)).isNotEmpty();
    }

    @Test
    void jsonAndYamlReadAlikeWithAllDestinationKinds() throws Exception {
        Bindings b = read("b.json", """
                { "brokers": { "iot": { "url": "ssl://broker.example:8883", "username": "u", "passwordEnv": "BROKER_PASSWORD" } },
                  "aws": { "region": "eu-west-1", "profile": "prod" },
                  "deliveries": [
                    { "type": "lambda", "target": "arn:aws:lambda:*:*:function:checker*", "to": [ { "http": { "url": "http://localhost:8080/check", "headers": { "Authorization": "Bearer x" } } } ] },
                    { "type": "lambda", "to": { "aws": { "endpoint": "http://localhost:4566" } } }
                  ],
                  "retry": { "attempts": 3, "initialBackoff": "PT1S", "maxBackoff": "2s", "timeout": "500ms" } }
                """);
        assertThat(b.brokers().get("iot").tls()).isTrue();
        assertThat(b.brokers().get("iot").password()).isEqualTo("s3cret");
        assertThat(b.rules().get(0).to().get(0)).isInstanceOf(Bindings.Webhook.class);
        assertThat(b.aws().with(((Bindings.AwsService) b.rules().get(1).to().get(0)).settings()))
                .isEqualTo(new Bindings.Aws("eu-west-1", "prod", java.net.URI.create("http://localhost:4566")));
        assertThat(b.retry().backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.retry().backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.retry().backoffAfter(5)).as("capped").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void mistakesAreLocatedAndSayWhatIsValid() {
        assertThat(error("a.yaml", "deliveries:\n  - type: snss\n    to: { aws: {} }\n"))
                .isEqualTo("a.yaml:2:11: $.deliveries[0].type: 'snss' is not an action type that can be delivered; "
                        + "expected one of iotTopicPublish, sns, sqs, lambda, firehose, dynamoDB, dynamoDBv2, iotSiteWise");
        assertThat(error("b.yaml", "brokers:\n  local: { url: tcp://h:1883 }\ndeliveries:\n  - type: sns\n"
                + "    to: { mqtt: { broker: locl, topic: t } }\n"))
                .isEqualTo("b.yaml:5:27: $.deliveries[0].to.mqtt.broker: no broker named 'locl' under brokers:; known: local");
        assertThat(error("c.yaml", "deliveries:\n  - type: sns\n    to: { mqtt: { broker: x } }\n"))
                .startsWith("c.yaml:3:");
        assertThat(error("d.yaml", "retry: { attempts: 3, backof: 2s }\n"))
                .isEqualTo("d.yaml:1:31: $.retry.backof: unknown key 'backof'; expected one of attempts, initialBackoff, "
                        + "maxBackoff, queueLimit, timeout");
        assertThat(error("e.yaml", "brokers: { b: { url: tcp://h } }\ndeliveries:\n  - type: sns\n    to: { mqtt: { broker: b } }\n"))
                .contains("$.deliveries[0].to.mqtt: topic: is required: a sns action has no MQTT topic of its own");
        assertThat(error("f.yaml", "brokers: { b: { url: 'http://h' } }\n"))
                .contains("a broker URL is tcp://HOST:PORT");
        assertThat(error("g.json", "{ \"retry\": { \"timeout\": \"soon\" } }"))
                .isEqualTo("g.json:1:25: $.retry.timeout: expected a duration such as 500ms, 2s or PT30S, not 'soon'");
        assertThat(error("h.yaml", "deliveries: [ { type: iotTopicPublish, to: { aws: {} } } ]\n"))
                .contains("iotTopicPublish is delivered to an MQTT broker (mqtt:) or a webhook (http:)");
        assertThat(error("i.yaml", "brokers: { b: { url: tcp://h } }\ningest: [ { broker: b, topic: t, input: I, select: sensor } ]\n"))
                .contains("$.ingest[0].select: expected a path such as $.sensorData");
        assertThat(error("j.yaml", "deliveries: [ {\n")).startsWith("j.yaml:");
    }

    @Test
    void patternsMatchArnsWithStarsAndTopicsWithMqttWildcards() {
        assertThat(TargetPattern.of("arn:aws:sns:*:*:underPressure*").matches("arn:aws:sns:us-east-1:1:underPressureAction")).isTrue();
        assertThat(TargetPattern.of("arn:aws:sns:*:*:underPressure*").matches("arn:aws:sns:us-east-1:1:cleared")).isFalse();
        assertThat(TargetPattern.of("hvac/+/On").matches("hvac/Cooling/On")).isTrue();
        assertThat(TargetPattern.of("hvac/+/On").matches("hvac/a/b/On")).isFalse();
        assertThat(TargetPattern.of("hvac/#").matches("hvac")).isTrue();
        assertThat(TargetPattern.of("hvac/#").matches("hvac/Heating/Off")).isTrue();
        assertThat(TargetPattern.of("#").matches("anything/at/all")).isTrue();
        assertThat(TargetPattern.of("a.b").matches("aXb")).as("dots are literal").isFalse();
    }
}
