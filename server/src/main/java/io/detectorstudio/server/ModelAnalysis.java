package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.diagnostics.Category;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The detector-model analysis (semantics §D.2) backed by the {@code validate} checks: StartDetectorModelAnalysis
 * runs it at once (status COMPLETE), results are kept in memory for the process's life (the service keeps them
 * 24 h). Create/UpdateDetectorModel are refused when the analysis finds an ERROR, as the service refuses them.
 */
final class ModelAnalysis {

    private final Map<String, ArrayNode> results = new LinkedHashMap<>();

    /** Throws InvalidRequestException with the first errors when the model would not publish. */
    void rejectErrors(ObjectNode createRequest, Map<String, ObjectNode> inputs) {
        List<Diagnostic> errors = analyse(createRequest, inputs).stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            List<String> lines = new ArrayList<>();
            errors.stream().limit(5).forEach(d -> lines.add(d.path() + ": " + d.message()));
            throw Errors.invalidRequest("Detector model has " + errors.size() + " error(s): "
                    + String.join("; ", lines));
        }
    }

    ObjectNode start(JsonNode body, Map<String, ObjectNode> inputs) {
        RequestCheck.check(body, "StartDetectorModelAnalysisRequest");
        ObjectNode request = Store.JSON.createObjectNode().put("detectorModelName", "analysis")
                .put("roleArn", "arn:aws:iam::123456789012:role/analysis");
        request.set("detectorModelDefinition", body.path("detectorModelDefinition"));
        ArrayNode out = Store.JSON.createArrayNode();
        for (Diagnostic d : analyse(request, inputs)) {
            ObjectNode r = out.addObject();
            r.put("type", Category.of(d.code()).type());
            r.put("level", d.severity() == Severity.ERROR ? "ERROR" : d.severity() == Severity.WARNING ? "WARNING" : "INFO");
            r.put("message", d.message());
            ArrayNode locations = r.putArray("locations");
            if (d.path() != null && d.path().startsWith("$.detectorModelDefinition.")) {
                locations.addObject().put("path", d.path().substring("$.detectorModelDefinition.".length()));
            }
        }
        String id = UUID.randomUUID().toString();
        results.put(id, out);
        if (results.size() > 1000) {
            results.remove(results.keySet().iterator().next());
        }
        return Store.JSON.createObjectNode().put("analysisId", id);
    }

    ObjectNode describe(String id) {
        result(id);
        return Store.JSON.createObjectNode().put("status", "COMPLETE");
    }

    ObjectNode results(String id, String nextToken, Integer maxResults) {
        ArrayNode all = result(id);
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            indexes.add(i);
        }
        var page = Paging.page(indexes, i -> String.format("%06d", i), nextToken, maxResults);
        ObjectNode out = Store.JSON.createObjectNode();
        ArrayNode list = out.putArray("analysisResults");
        page.items().forEach(i -> list.add(all.get(i)));
        page.putNextToken(out);
        return out;
    }

    private ArrayNode result(String id) {
        ArrayNode r = results.get(id);
        if (r == null) {
            throw Errors.notFound("Analysis " + id + " does not exist");
        }
        return r;
    }

    private static List<Diagnostic> analyse(ObjectNode request, Map<String, ObjectNode> inputs) {
        ModelFile file;
        try {
            file = new ModelLoader().load(Path.of("CreateDetectorModel.json"),
                    request.toString().getBytes(StandardCharsets.UTF_8));
        } catch (ModelReadException e) {
            throw Errors.invalidRequest(e.getMessage());
        }
        if (file.models().isEmpty()) {
            throw Errors.invalidRequest("the request holds no detector model definition");
        }
        List<LoadedInput> loaded = new ArrayList<>();
        inputs.forEach((name, r) -> loaded.add(new LoadedInput(name, r)));
        return new Validator().validate(file, file.models().get(0), loaded, true);
    }
}
