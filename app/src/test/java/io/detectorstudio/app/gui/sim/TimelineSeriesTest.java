package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.sim.TimelineSeries.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineSeriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode record(String key, int second, String state, int breached) throws Exception {
        return (ObjectNode) JSON.readTree(String.format("{\"keyValue\":\"%s\",\"time\":\"1970-01-01T00:00:%02dZ\","
                + "\"state\":{\"stateName\":\"%s\",\"variables\":{\"breached\":%d,\"label\":\"x\"}}}",
                key, second, state, breached));
    }

    @Test
    void valuesHoldUntilTheCycleThatChangesThemAndReachTheTimeShown() throws Exception {
        List<ObjectNode> trace = List.of(record("A", 0, "Normal", 0), record("B", 5, "Dangerous", 9),
                record("A", 10, "Dangerous", 3), record("A", 20, "Dangerous", 2), record("A", 30, "Normal", 2));
        TimelineSeries.Lines lines = TimelineSeries.of(trace, "A", List.of("Normal", "Dangerous"), 0, 40_000);

        // vertical jumps only: every segment is either flat or at one time
        assertThat(lines.state()).containsExactly(new Point(0, 0), new Point(10, 0), new Point(10, 1),
                new Point(30, 1), new Point(30, 0), new Point(40, 0));
        assertThat(lines.variables()).containsOnlyKeys("breached");
        assertThat(lines.variables().get("breached")).containsExactly(new Point(0, 0), new Point(10, 0),
                new Point(10, 3), new Point(20, 3), new Point(20, 2), new Point(40, 2));
        for (List<Point> line : List.of(lines.state(), lines.variables().get("breached"))) {
            for (int i = 1; i < line.size(); i++) {
                Point a = line.get(i - 1), b = line.get(i);
                assertThat(a.t() == b.t() || a.y() == b.y()).as("segment %s → %s", a, b).isTrue();
            }
        }
    }

    @Test
    void aModelWithoutKeyTakesEveryRecord() throws Exception {
        TimelineSeries.Lines lines = TimelineSeries.of(List.of(record("", 0, "Normal", 1)), null,
                List.of("Normal"), 0, 0);
        assertThat(lines.state()).containsExactly(new Point(0, 0));
    }
}
