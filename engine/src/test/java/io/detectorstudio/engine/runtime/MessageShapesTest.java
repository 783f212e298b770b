package io.detectorstudio.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Base64 payloads as the SDKs send them: read from the decoded bytes, with the text reading's results. */
class MessageShapesTest {

    private static com.fasterxml.jackson.databind.JsonNode payload(byte[] decoded) {
        return MessageShapes.payload(JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(decoded)));
    }

    @Test
    void aBase64JsonObjectIsReadWithLeadingWhiteSpaceAndUnicode() {
        var p = payload(" \n{\"motorid\":\"Fulton-A32\",\"note\":\"Grüße\",\"sensorData\":{\"pressure\":23}}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Fulton-A32", p.path("motorid").asText());
        assertEquals("Grüße", p.path("note").asText());
        assertEquals(23, p.path("sensorData").path("pressure").asInt());
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsTheTextReadingReadsThem() {
        byte[] bytes = "{\"name\":\"a?b\"}".getBytes(StandardCharsets.UTF_8);
        bytes[10] = (byte) 0xff; // the '?': not UTF-8, becomes U+FFFD as before
        assertEquals("a\uFFFDb", payload(bytes).path("name").asText());
    }

    @Test
    void utf16IsNotGuessedButRefusedAsBefore() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> payload("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(e.getMessage().startsWith("payload is not valid JSON"), e.getMessage());
    }

    @Test
    void aBase64ArrayOrBrokenJsonSaysWhatIsWrong() {
        var array = assertThrows(IllegalArgumentException.class, () -> payload("[1]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("payload must hold a JSON object", array.getMessage());
        var broken = assertThrows(IllegalArgumentException.class,
                () -> payload("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertTrue(broken.getMessage().startsWith("payload is not valid JSON"), broken.getMessage());
    }
}
