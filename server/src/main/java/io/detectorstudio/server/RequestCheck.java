package io.detectorstudio.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.validation.FindingSink;
import io.detectorstudio.engine.validation.ServiceModel;
import io.detectorstudio.engine.validation.ShapeCheck;
import java.util.ArrayList;
import java.util.List;

/** A control-plane request body against its shape in the service model; any error rejects it (400). */
final class RequestCheck {

    private static final ShapeCheck CONTROL_PLANE = new ShapeCheck(ServiceModel.controlPlane());

    private RequestCheck() {
    }

    static void check(JsonNode body, String shape) {
        List<String> problems = new ArrayList<>();
        CONTROL_PLANE.check(body, shape, "$", new FindingSink() {
            @Override
            public void report(Severity severity, String code, String path, String message) {
                if (severity == Severity.ERROR) {
                    problems.add(path + ": " + message);
                }
            }

            @Override
            public void reportInString(Severity severity, String code, String path, int start, int end, String message) {
                report(severity, code, path, message);
            }
        });
        if (!problems.isEmpty()) {
            throw Errors.invalidRequest(String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        }
    }
}
