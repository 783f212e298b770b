package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.data.IotEventsData;
import java.util.concurrent.CompletableFuture;

/**
 * Each operation of both APIs: data-plane calls go to the engine's {@code IotEventsData} (changes as log records),
 * control-plane calls to {@link ControlPlane}'s registries and {@link ModelAnalysis} — all on the engine thread.
 */
final class Operations {

    private final EngineHost host;
    private final ControlPlane control;
    private final ModelAnalysis analysis;
    private final Metrics metrics;

    Operations(EngineHost host, ControlPlane control, ModelAnalysis analysis, Metrics metrics) {
        this.host = host;
        this.control = control;
        this.analysis = analysis;
        this.metrics = metrics;
    }

    CompletableFuture<ApiResponse> call(ApiRequest r) {
        JsonNode body = r.body();
        return switch (r.operation()) {
            case "BatchPutMessage" -> {
                // shape check and payload decoding here, on the request's thread; the engine thread only runs it
                IotEventsData.PreparedBatch prepared = IotEventsData.prepareBatchPutMessage(body);
                ObjectNode record = Store.JSON.createObjectNode().put("op", "put");
                record.set("request", body);
                // the log keeps the body as received (no second serialisation on the journal's thread)
                Journal.Request logged = r.bodyBytes() == null ? null
                        : new Journal.Request(r.bodyBytes(), Store.messageIdsOfRequest(body));
                yield host.call(tx -> ApiResponse.ok(tx.apply(record, prepared, logged)));
            }
            case "BatchUpdateDetector" -> change("update", body);
            case "BatchDeleteDetector" -> change("delete", body);
            case "DescribeDetector" -> host.call(tx -> ApiResponse.ok(
                    tx.data().describeDetector(r.path("detectorModelName"), r.query("keyValue"))));
            case "ListDetectors" -> {
                Integer max = r.queryInt("maxResults");
                yield host.call(tx -> ApiResponse.ok(tx.data().listDetectors(r.path("detectorModelName"),
                        r.query("stateName"), r.query("nextToken"), max)));
            }
            case "CreateInput" -> host.call(tx -> control.inputs().createInput(tx, body));
            case "DescribeInput" -> host.call(tx -> control.inputs().describeInput(r.path("inputName")));
            case "ListInputs" -> {
                Integer max = r.queryInt("maxResults");
                yield host.call(tx -> control.inputs().listInputs(r.query("nextToken"), max));
            }
            case "UpdateInput" -> host.call(tx -> control.inputs().updateInput(tx, r.path("inputName"), body));
            case "DeleteInput" -> host.call(tx -> control.inputs().deleteInput(tx, r.path("inputName")));
            case "CreateDetectorModel" -> host.call(tx -> control.models().createDetectorModel(tx, body));
            case "UpdateDetectorModel" -> host.call(tx -> control.models().updateDetectorModel(tx,
                    r.path("detectorModelName"), body));
            case "DescribeDetectorModel" -> host.call(tx -> control.models().describeDetectorModel(r.path("detectorModelName"),
                    r.query("version")));
            case "ListDetectorModels" -> {
                Integer max = r.queryInt("maxResults");
                yield host.call(tx -> control.models().listDetectorModels(r.query("nextToken"), max));
            }
            case "ListDetectorModelVersions" -> {
                Integer max = r.queryInt("maxResults");
                yield host.call(tx -> control.models().listDetectorModelVersions(r.path("detectorModelName"),
                        r.query("nextToken"), max));
            }
            case "DeleteDetectorModel" -> host.call(tx -> control.models().deleteDetectorModel(tx,
                    r.path("detectorModelName")));
            case "ListInputRoutings" -> host.call(tx -> control.listInputRoutings(body, tx.engine()::reads));
            case "ListTagsForResource" -> host.call(tx -> control.tags().listTags(r.query("resourceArn")));
            case "TagResource" -> host.call(tx -> control.tags().tagResource(tx, r.query("resourceArn"), body));
            case "UntagResource" -> host.call(tx -> control.tags().untagResource(tx, r.query("resourceArn"),
                    r.queryAll("tagKeys")));
            case "StartDetectorModelAnalysis" -> host.call(tx -> ApiResponse.ok(analysis.start(body,
                    control.inputs().requests())));
            case "DescribeDetectorModelAnalysis" -> host.call(tx -> ApiResponse.ok(analysis.describe(r.path("analysisId"))));
            case "GetDetectorModelAnalysisResults" -> {
                Integer max = r.queryInt("maxResults");
                yield host.call(tx -> ApiResponse.ok(analysis.results(r.path("analysisId"), r.query("nextToken"), max)));
            }
            case "Health" -> host.call(tx -> {
                ObjectNode health = Store.JSON.createObjectNode().put("status", "ok");
                health.set("counters", metrics.json());
                return ApiResponse.ok(health);
            });
            default -> CompletableFuture.failedFuture(Errors.unsupported(r.operation()
                    + " is not emulated by detector-studio serve (alarm models and logging options are not part of it)"));
        };
    }

    private CompletableFuture<ApiResponse> change(String op, JsonNode body) {
        ObjectNode record = Store.JSON.createObjectNode().put("op", op);
        record.set("request", body);
        return host.call(tx -> ApiResponse.ok(tx.apply(record)));
    }
}
