package io.detectorstudio.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log of changes: a BatchPutMessage body logged as received comes back as the request it was. */
class JournalTest {

    private static final String BODY = "{\"messages\":[{\"messageId\":\"m1\",\"inputName\":\"PressureInput\","
            + "\"payload\":\"eyJtb3RvcmlkIjoiQSIsInNlbnNvckRhdGEiOnsicHJlc3N1cmUiOjgwfX0=\"}]}";

    @Test
    void aBodyLoggedAsReceivedIsReplayedAsItsRequestBesideRecordsOfADatabaseWrittenBeforeTheColumn(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("state.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = old.createStatement()) { // the log as the first release wrote it
            s.execute("CREATE TABLE log(seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, record TEXT NOT NULL, ids TEXT)");
            s.execute("INSERT INTO log VALUES (1, 1000, '{\"op\":\"update\",\"request\":{\"detectors\":[]},\"t\":1000}', NULL)");
        }
        try (Journal journal = new Journal(db, true)) {
            ObjectNode request = (ObjectNode) Store.JSON.readTree(BODY);
            ObjectNode record = Store.JSON.createObjectNode().put("op", "put").put("t", 2000L);
            record.set("request", request);
            journal.append(2, record, new Journal.Request(BODY.getBytes(StandardCharsets.UTF_8),
                    Store.messageIdsOfRequest(request)), List.of()).get(10, TimeUnit.SECONDS);

            Connection c = journal.connectionForStartup();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT record FROM log WHERE seq = 2")) {
                r.next();
                assertFalse(r.getString(1).contains("messages"), "the record itself holds no second copy");
            }
            List<ObjectNode> log = Store.readLog(c, 0);
            assertEquals(2, log.size());
            assertEquals("update", log.get(0).path("op").asText());
            assertEquals(Store.JSON.readTree("{\"detectors\":[]}"), log.get(0).path("request"));
            assertEquals("put", log.get(1).path("op").asText());
            assertEquals(2000, log.get(1).path("t").asLong());
            assertEquals(request, log.get(1).path("request"));
            assertEquals(java.util.Map.of("PressureInput\u0000m1", 2000L), Store.recentMessageIds(c, 2, 0));
        }
    }
}
