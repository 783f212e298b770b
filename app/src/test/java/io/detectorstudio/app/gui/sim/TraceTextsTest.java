package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The trace table's row texts, from trace records as trace.md gives them. */
class TraceTextsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode record(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void aCycleThatCreatedItsDetectorShowsItComingFromNew() throws Exception {
        assertThat(TraceTexts.transition(record("{\"created\": true, \"fromState\": null, \"toState\": "
                + "\"Dangerous\"}"))).as("as the engine writes it").isEqualTo("new → Dangerous");
        assertThat(TraceTexts.transition(record("{\"created\": true, \"state\": {\"stateName\": \"Normal\"}}")))
                .isEqualTo("new → Normal");
    }

    @Test
    void anOtherCycleShowsTheStateBeforeAndAfter() throws Exception {
        assertThat(TraceTexts.transition(record("{\"created\": false, \"fromState\": \"Normal\", "
                + "\"toState\": \"Dangerous\"}"))).isEqualTo("Normal → Dangerous");
        assertThat(TraceTexts.transition(record("{\"fromState\": \"Dangerous\", \"state\": {\"stateName\": "
                + "\"Dangerous\"}}"))).isEqualTo("Dangerous → Dangerous");
    }
}
