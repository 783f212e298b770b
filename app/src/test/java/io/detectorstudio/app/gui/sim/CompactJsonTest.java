package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** What the workbench keeps of a record comes back as the same tree: numbers with their scale, text, nesting. */
class CompactJsonTest {

    @Test
    void aRecordComesBackAsTheSameTreeWithDecimalsKeepingTheirScale() throws Exception {
        ObjectNode record = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        record.put("seq", 7);
        record.put("big", new BigInteger("123456789012345678901234567890"));
        record.put("price", new BigDecimal("1.50"));
        record.put("exponent", new BigDecimal("1E+3"));
        record.put("text", "it's \"quoted\" — ünïcödé");
        record.putNull("none");
        record.putObject("state").put("stateName", "Dangerous").putObject("variables").put("p", new BigDecimal("3.0"));
        record.putArray("actions").add("sns").add(true);

        byte[] kept = CompactJson.bytes(record);
        ObjectNode back = CompactJson.tree(kept);

        assertThat(back).isEqualTo(record);
        assertThat(back.get("price").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(back.get("price").toString()).isEqualTo("1.50");
        assertThat(back.path("state").path("variables").get("p").toString()).isEqualTo("3.0");
        assertThat(new ObjectMapper().writeValueAsString(back)).isEqualTo(new ObjectMapper().writeValueAsString(record));
        assertThat(kept.length).as("smaller than the JSON text").isLessThan(record.toString().getBytes().length);
    }
}
