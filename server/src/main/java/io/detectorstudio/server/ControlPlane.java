package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.data.ServiceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The iotevents operations a deployment needs (semantics §D.1), one registry a resource family:
 * {@link InputRegistry}, {@link DetectorModelRegistry} (every version), {@link TagRegistry}; this class wires them,
 * loads them, and answers what spans them (input routings, whether an ARN names a resource). The registry lives in
 * memory, owned by the engine thread (every method runs in an {@link EngineHost.Tx}); each change is written to the
 * database in the same group commit as the engine change it causes, and the answer goes out once both are durable.
 */
final class ControlPlane {

    static final String ARN_PREFIX = "arn:aws:iotevents:us-east-1:123456789012:";

    private final TagRegistry tags;
    private final InputRegistry inputs;
    private final DetectorModelRegistry models;

    ControlPlane(ModelAnalysis analysis) {
        tags = new TagRegistry(this::resourceExists);
        inputs = new InputRegistry(tags);
        models = new DetectorModelRegistry(analysis, inputs, tags);
    }

    void load(Connection c) throws SQLException {
        inputs.load(c);
        models.load(c);
        tags.load(c);
    }

    InputRegistry inputs() {
        return inputs;
    }

    DetectorModelRegistry models() {
        return models;
    }

    TagRegistry tags() {
        return tags;
    }

    ApiResponse listInputRoutings(JsonNode body, RoutedModels routed) {
        RequestCheck.check(body, "ListInputRoutingsRequest");
        JsonNode identifier = body.path("inputIdentifier").path("iotEventsInputIdentifier");
        if (identifier.isMissingNode()) {
            throw Errors.unsupported("only iotEventsInputIdentifier is emulated (no IoT SiteWise here)");
        }
        String inputName = identifier.path("inputName").asText();
        inputs.require(inputName);
        List<String> names = new ArrayList<>();
        for (String name : models.names()) {
            if (routed.reads(name, inputName)) {
                names.add(name);
            }
        }
        Integer maxResults = body.has("maxResults") ? body.get("maxResults").asInt() : null;
        var page = Paging.page(names, n -> n, body.path("nextToken").asText(null), maxResults);
        ObjectNode out = Store.JSON.createObjectNode();
        ArrayNode resources = out.putArray("routedResources");
        page.items().forEach(n -> resources.addObject().put("name", n).put("arn", ARN_PREFIX + "detectorModel/" + n));
        page.putNextToken(out);
        return ApiResponse.ok(out);
    }

    /** Whether a model reads an input (§C.1), answered by the engine. */
    @FunctionalInterface
    interface RoutedModels {
        boolean reads(String model, String input);
    }

    private boolean resourceExists(String arn) {
        return arn.startsWith(ARN_PREFIX + "input/") && inputs.contains(arn.substring((ARN_PREFIX + "input/").length()))
                || arn.startsWith(ARN_PREFIX + "detectorModel/")
                && models.contains(arn.substring((ARN_PREFIX + "detectorModel/").length()));
    }

    static ServiceException alreadyExists(String kind, String name, String arn) {
        return new ResourceAlreadyExists(kind + " " + name + " already exists", name, arn);
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
