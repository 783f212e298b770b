package io.detectorstudio.simulator.trace;

import static io.detectorstudio.simulator.Samples.pressure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.Message;
import io.detectorstudio.simulator.Samples;
import io.detectorstudio.simulator.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {

    @TempDir
    Path dir;

    @Test
    void aTraceWrittenAndReplayedGivesTheSameFinalInstances() throws Exception {
        Session.Config config = Session.Config.of(Samples.model(Samples.MOTOR)).withStart(1_767_225_600_000L);
        Session original = new Session(config);
        Path file = dir.resolve("t.jsonl");
        try (TraceWriter writer = new TraceWriter(file)) {
            original.setTraceSink(writer);
            Random r = new Random(9);
            for (int i = 0; i < 200; i++) {
                original.send(List.of(pressure("M" + r.nextInt(4), 40 + r.nextInt(60)),
                        pressure("N" + r.nextInt(4), 40 + r.nextInt(60))));
                if (i % 50 == 49) {
                    ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", "M1");
                    entry.putObject("state").put("stateName", "Dangerous").putArray("variables").addObject()
                            .put("name", "pressureThresholdBreached").put("value", "5");
                    original.update(entry);
                    original.advanceBy(60_000);
                }
            }
        }
        List<TraceReader.Line> lines = new TraceReader().read(file);
        assertThat(lines).hasSize(original.cycleCount());
        assertThat(lines).anyMatch(l -> l.record().path("trigger").path("type").asText().equals("Update"));

        Session replayed = new Session(config);
        assertThat(TraceReplay.replay(lines, file, replayed)).isEqualTo(original.cycleCount());
        assertThat(replayed.instances()).isEqualTo(original.instances());

        // the replay's reader: each record's replay fields as the whole reader reads them, nothing else
        List<TraceReader.Line> replayLines = TraceReader.forReplay().read(file);
        assertThat(replayLines).hasSameSizeAs(lines);
        List<String> fields = List.of("seq", "time", "detectorModelName", "keyValue", "trigger", "state");
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode whole = lines.get(i).record().deepCopy();
            whole.retain(fields);
            assertThat(lines.get(i).record().has("evaluations")).isTrue();
            assertThat(replayLines.get(i).record()).as("line " + (i + 1)).isEqualTo(whole);
            assertThat(replayLines.get(i).line()).isEqualTo(lines.get(i).line());
        }
        Session replayedFromFields = new Session(config);
        assertThat(TraceReplay.replay(replayLines, file, replayedFromFields)).isEqualTo(original.cycleCount());
        assertThat(replayedFromFields.instances()).isEqualTo(original.instances());
    }

    @Test
    void replayHandlesTimersThatFireWithoutAMessage() throws Exception {
        Session.Config config = Session.Config.of(Samples.model(Samples.HEARTBEAT));
        Session original = new Session(config);
        Path file = dir.resolve("h.jsonl");
        try (TraceWriter writer = new TraceWriter(file)) {
            original.setTraceSink(writer);
            original.send(Samples.heartbeat());
            original.advanceBy(100_000);
            original.send(new Message(Samples.HEARTBEAT_INPUT, "x", Samples.heartbeat().payload(), null));
            original.advanceBy(1_000_000);
            original.send(Samples.heartbeat());
        }
        Session replayed = new Session(config);
        TraceReplay.replay(new TraceReader().read(file), file, replayed);
        assertThat(replayed.instances()).isEqualTo(original.instances());
        assertThat(replayed.cycleCount()).isEqualTo(4);
    }

    @Test
    void badLinesAreReportedWithFileLineAndColumn() throws IOException {
        String good = "{\"seq\":1,\"time\":\"2026-01-01T00:00:00Z\",\"detectorModelName\":\"m\","
                + "\"trigger\":{\"type\":\"Timer\",\"timerName\":\"t\"},\"state\":{\"stateName\":\"S\"}}";
        String[][] cases = {
                {"{\"seq\": 1,", ":2:", "not JSON"},
                {"[1]", ":2:1: $: ", "one JSON object"},
                {good.replace("\"Timer\"", "\"Teleport\""), ":2:82: $.trigger.type: ", "Message, Timer or Update"},
                {good.replace("\"2026-01-01T00:00:00Z\"", "\"yesterday\""), ":2:17: $.time: ", "ISO-8601"},
                // an instant, but beyond what a clock in milliseconds holds
                {good.replace("\"2026-01-01T00:00:00Z\"", "\"+300000000-01-01T00:00:00Z\""), ":2:17: $.time: ", "ISO-8601"},
                {good.replace(",\"timerName\":\"t\"", ""), ":2:74: $.trigger: ", "needs timerName"},
                {good.replace("}}", "},\"evaluations\":[{\"result\":tru}]}"), ":2:", "not JSON"}, // in a skipped field
        };
        for (String[] c : cases) {
            Path file = dir.resolve("bad.jsonl");
            Files.writeString(file, good + "\n" + c[0] + "\n");
            for (TraceReader reader : List.of(new TraceReader(), TraceReader.forReplay())) {
                assertThatThrownBy(() -> reader.read(file)).as(c[0])
                        .hasMessageStartingWith(file + c[1]).hasMessageContaining(c[2]);
            }
        }
    }

    @Test
    void aTraceOfAnotherModelIsRefusedAtItsLine() throws Exception {
        Path file = dir.resolve("other.jsonl");
        Session heartbeat = new Session(Session.Config.of(Samples.model(Samples.HEARTBEAT)));
        try (TraceWriter writer = new TraceWriter(file)) {
            heartbeat.setTraceSink(writer);
            heartbeat.send(Samples.heartbeat());
        }
        Session motor = new Session(Session.Config.of(Samples.model(Samples.MOTOR)));
        List<TraceReader.Line> lines = new TraceReader().read(file);
        assertThatThrownBy(() -> TraceReplay.replay(lines, file, motor))
                .hasMessageStartingWith(file + ":1:1: $.detectorModelName: ").hasMessageContaining("DeviceHeartBeat");
    }
}
