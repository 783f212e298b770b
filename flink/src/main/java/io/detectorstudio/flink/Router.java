package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.runtime.ModelRunner;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * §C.1 routing: a message goes to every model that reads its input, keyed by the model's key value; a keyed model's
 * message without the key is not delivered (reported, as the engine logs it). Ticks stop here: they have already
 * moved the watermark.
 */
final class Router extends RichFlatMapFunction<Envelope, Routed> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProjectModels models;
    private transient List<ModelRunner> runners;

    Router(ProjectModels models) {
        this.models = models;
    }

    @Override
    public void open(OpenContext context) {
        runners = models.runners();
    }

    @Override
    public void flatMap(Envelope e, Collector<Routed> out) throws Exception {
        if (e.tick) {
            return;
        }
        JsonNode payload = null;
        boolean routed = false;
        for (ModelRunner runner : runners) {
            if (!runner.reads(e.inputName)) {
                continue;
            }
            routed = true;
            payload = payload == null ? JSON.readTree(e.payload) : payload;
            String key = runner.keyOf(payload);
            if (runner.keyed() && key == null) {
                System.err.println("run: ERROR " + runner.modelName() + (e.messageId == null ? "" : " message "
                        + e.messageId) + ": the message on input '" + e.inputName + "' has no key attribute: not delivered");
                continue;
            }
            out.collect(new Routed(runner.modelName(), key == null ? "" : key, e));
        }
        if (!routed && !models.declares(e.inputName)) {
            System.err.println("messages: line " + e.line + ": ResourceNotFoundException: no detector model uses input '"
                    + e.inputName + "'");
        }
    }
}
