package io.detectorstudio.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.VirtualClock;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The iotevents-data facade: the documented AWS CLI exchanges, paging, deletion and bad requests. */
class IotEventsDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Engine engine;
    private IotEventsData data;
    private VirtualClock clock;

    @BeforeEach
    void setUp() throws Exception {
        clock = new VirtualClock(1_560_797_852_775L);
        engine = new Engine(EngineOptions.DEFAULTS, clock);
        engine.putModel((ObjectNode) JSON.readTree(getClass().getResourceAsStream("/models/devguide__motorDetectorModel.json")));
        data = new IotEventsData(engine);
    }

    private ObjectNode put(String... payloads) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode messages = request.putArray("messages");
        int id = 0;
        for (String p : payloads) {
            messages.addObject().put("messageId", "m" + (++id) + "-" + p.hashCode()).put("inputName", "PressureInput")
                    .put("payload", Base64.getEncoder().encodeToString(p.getBytes(StandardCharsets.UTF_8)));
        }
        return data.batchPutMessage(request);
    }

    private static String motor(String key, int pressure) {
        return "{\"motorid\":\"" + key + "\",\"sensorData\":{\"pressure\":" + pressure + "}}";
    }

    @Test
    void theDocumentedAwsCliExchangeOnTheMotorModel() throws Exception {
        JsonNode steps = JSON.readTree(SharedCorpus.resolve("corpus/messages/awscli__motorDetectorModel__examples.json")
                .toFile()).path("steps");
        assertThat(data.batchPutMessage(steps.get(0).path("batchPutMessage")))
                .isEqualTo(steps.get(0).path("documentedResponse"));

        JsonNode documented = steps.get(1).path("documentedResponse").path("detector");
        ObjectNode described = (ObjectNode) data.describeDetector("motorDetectorModel", "Fulton-A32").path("detector");
        assertThat(described.path("creationTime").isNumber()).isTrue();
        assertThat(described.path("creationTime").decimalValue().scale()).isEqualTo(3); // epoch seconds.millis
        for (String field : List.of("keyValue", "detectorModelName", "detectorModelVersion", "state")) {
            assertThat(described.get(field)).as(field).isEqualTo(documented.get(field));
        }

        assertThat(data.batchUpdateDetector(steps.get(2).path("batchUpdateDetector")))
                .isEqualTo(steps.get(2).path("documentedResponse"));
        JsonNode after = data.describeDetector("motorDetectorModel", "Fulton-A32").path("detector").path("state");
        assertThat(after.path("stateName").asText()).isEqualTo("Normal");
        assertThat(after.path("variables")).isEqualTo(JSON.readTree("[{\"name\":\"pressureThresholdBreached\",\"value\":\"0\"}]"));
    }

    @Test
    void tooManyVariablesInAnUpdateFailTheWholeCallAsDocumented() throws Exception {
        put(motor("a", 50));
        ObjectNode request = (ObjectNode) JSON.readTree("{\"detectors\":[{\"messageId\":\"1\",\"detectorModelName\":"
                + "\"motorDetectorModel\",\"keyValue\":\"a\",\"state\":{\"stateName\":\"Dangerous\",\"variables\":[],\"timers\":[]}}]}");
        ArrayNode variables = (ArrayNode) request.path("detectors").get(0).path("state").path("variables");
        for (int i = 0; i < 11; i++) {
            variables.addObject().put("name", "v" + i).put("value", "1");
        }
        assertThatThrownBy(() -> data.batchUpdateDetector(request)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("InvalidRequestException");
            assertThat(e.getMessage()).isEqualTo("Number of variables in the detector exceeds the limit 10");
        });
        assertThat(engine.instance("motorDetectorModel", "a").stateName()).isEqualTo("Normal");
    }

    @Test
    void updateTypesValuesLikeLiteralsAndDescribeGivesThemBack() throws Exception {
        put(motor("a", 50));
        JsonNode request = JSON.readTree("{\"detectors\":[{\"messageId\":\"1\",\"detectorModelName\":\"motorDetectorModel\","
                + "\"keyValue\":\"a\",\"state\":{\"stateName\":\"Dangerous\",\"variables\":[{\"name\":\"n\",\"value\":\"-2\"},"
                + "{\"name\":\"d\",\"value\":\"15.0\"},{\"name\":\"s\",\"value\":\"\\\"01\\\"\"},{\"name\":\"b\",\"value\":\"false\"}],"
                + "\"timers\":[{\"name\":\"t\",\"seconds\":90}]}},"
                + "{\"messageId\":\"2\",\"detectorModelName\":\"motorDetectorModel\",\"keyValue\":\"zz\",\"state\":{\"stateName\":\"Normal\",\"variables\":[],\"timers\":[]}},"
                + "{\"messageId\":\"3\",\"detectorModelName\":\"motorDetectorModel\",\"keyValue\":\"a\",\"state\":{\"stateName\":\"Nope\",\"variables\":[],\"timers\":[]}}]}");
        JsonNode errors = data.batchUpdateDetector(request).path("batchUpdateDetectorErrorEntries");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("messageId").asText()).isEqualTo("2");
        assertThat(errors.get(0).path("errorCode").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(errors.get(1).path("errorCode").asText()).isEqualTo("InvalidRequestException");
        JsonNode state = data.describeDetector("motorDetectorModel", "a").path("detector").path("state");
        assertThat(state.path("stateName").asText()).isEqualTo("Dangerous");
        assertThat(state.path("variables").toString()).contains("{\"name\":\"n\",\"value\":\"-2\"}",
                "{\"name\":\"d\",\"value\":\"15.0\"}", "{\"name\":\"s\",\"value\":\"\\\"01\\\"\"}", "{\"name\":\"b\",\"value\":\"false\"}");
        assertThat(state.path("timers").get(0).path("name").asText()).isEqualTo("t");
        assertThat(state.path("timers").get(0).path("timestamp").decimalValue().longValue())
                .isEqualTo(clock.nowMillis() / 1000 + 90);
    }

    @Test
    void listDetectorsPagesThroughEveryKeyOnceEvenWhenDetectorsAreDeletedBetweenPages() {
        for (int i = 0; i < 25; i++) {
            put(motor(String.format("k%02d", i), i % 2 == 0 ? 90 : 50));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = data.listDetectors("motorDetectorModel", null, token, 10);
            page.path("detectorSummaries").forEach(d -> seen.add(d.path("keyValue").asText()));
            token = page.path("nextToken").asText(null);
            if (pages++ == 0) {
                JsonNode delete = JSON.createObjectNode().set("detectors", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("messageId", "d").put("detectorModelName", "motorDetectorModel").put("keyValue", "k03")));
                assertThat(data.batchDeleteDetector(delete).path("batchDeleteDetectorErrorEntries")).isEmpty();
            }
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
        JsonNode dangerous = data.listDetectors("motorDetectorModel", "Dangerous", null, null);
        assertThat(dangerous.path("detectorSummaries")).hasSize(13);
        assertThat(dangerous.has("nextToken")).isFalse();
        assertThat(data.listDetectors("motorDetectorModel", null, null, 250).path("detectorSummaries")).hasSize(24);
    }

    @Test
    void aDeletedDetectorIsGoneAndTheNextMessageCreatesAFreshOne() {
        put(motor("a", 90));
        assertThat(engine.instance("motorDetectorModel", "a").stateName()).isEqualTo("Dangerous");
        JsonNode delete = JSON.createObjectNode().set("detectors", JSON.createArrayNode()
                .add(JSON.createObjectNode().put("messageId", "1").put("detectorModelName", "motorDetectorModel").put("keyValue", "a"))
                .add(JSON.createObjectNode().put("messageId", "2").put("detectorModelName", "motorDetectorModel").put("keyValue", "nobody")));
        JsonNode errors = data.batchDeleteDetector(delete).path("batchDeleteDetectorErrorEntries");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("messageId").asText()).isEqualTo("2");
        assertThatThrownBy(() -> data.describeDetector("motorDetectorModel", "a"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
        put(motor("a", 50));
        assertThat(engine.instance("motorDetectorModel", "a").stateName()).isEqualTo("Normal");
    }

    @Test
    void badMessagesGetTheirEntryErrorAndTheOthersStillRun() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree("{\"messages\":["
                + "{\"messageId\":\"1\",\"inputName\":\"NoSuchInput\",\"payload\":\"{}\"},"
                + "{\"messageId\":\"2\",\"inputName\":\"PressureInput\",\"payload\":\"bm90IGpzb24=\"},"
                + "{\"messageId\":\"3\",\"inputName\":\"PressureInput\",\"payload\":\"" + motor("ok", 90).replace("\"", "\\\"") + "\"},"
                + "{\"messageId\":\"3\",\"inputName\":\"PressureInput\",\"payload\":\"" + motor("dup", 90).replace("\"", "\\\"") + "\"}]}");
        JsonNode errors = data.batchPutMessage(request).path("BatchPutMessageErrorEntries");
        assertThat(errors).extracting(e -> e.path("messageId").asText() + " " + e.path("errorCode").asText())
                .containsExactlyInAnyOrder("1 ResourceNotFoundException", "2 InvalidRequestException",
                        "3 InvalidRequestException");
        assertThat(engine.instance("motorDetectorModel", "ok").stateName()).isEqualTo("Dangerous");
        assertThat(engine.instance("motorDetectorModel", "dup")).isNull();
    }

    @Test
    void requestsThatBreakTheServiceShapesAreRejectedWhole() throws Exception {
        assertThatThrownBy(() -> data.batchPutMessage(JSON.readTree("{\"messages\":[{\"messageId\":\"\",\"inputName\":\"PressureInput\",\"payload\":\"{}\"}]}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("InvalidRequestException");
                    assertThat(e.getMessage()).contains("$.messages[0].messageId");
                });
        assertThatThrownBy(() -> data.batchPutMessage(JSON.readTree("{\"messages\":[]}"))).isInstanceOf(ServiceException.class);
        assertThatThrownBy(() -> data.listDetectors("motorDetectorModel", null, null, 251)).isInstanceOf(ServiceException.class);
        assertThatThrownBy(() -> data.listDetectors("motorDetectorModel", null, "garbage!", 10)).isInstanceOf(ServiceException.class);
        assertThatThrownBy(() -> data.listDetectors("noModel", null, null, 10))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
    }
}
