package io.detectorstudio.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.LongAdder;

/** The counters the health endpoint reports: requests, errors, messages, actions, replayed records, checkpoints. */
public final class Metrics {

    final LongAdder requests = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder messages = new LongAdder();
    final LongAdder actions = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final LongAdder checkpoints = new LongAdder();

    ObjectNode json() {
        ObjectNode o = Store.JSON.createObjectNode();
        o.put("requests", requests.sum());
        o.put("clientErrors", clientErrors.sum());
        o.put("serverErrors", serverErrors.sum());
        o.put("messages", messages.sum());
        o.put("actions", actions.sum());
        o.put("replayedLogRecords", replayed.sum());
        o.put("checkpoints", checkpoints.sum());
        return o;
    }
}
