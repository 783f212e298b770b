package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.validation.ServiceModel;
import io.detectorstudio.engine.validation.ShapeCheck;
import java.util.List;

/** A control-plane request body against its shape in the service model; any error rejects it (400). */
final class RequestCheck {

    private static final ShapeCheck CONTROL_PLANE = new ShapeCheck(ServiceModel.controlPlane());

    private RequestCheck() {
    }

    static void check(JsonNode body, String shape) {
        List<String> problems = CONTROL_PLANE.requestErrors(body, shape);
        if (!problems.isEmpty()) {
            throw Errors.invalidRequest(String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        }
    }
}
