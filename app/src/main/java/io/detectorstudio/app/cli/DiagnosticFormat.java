package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.diagnostics.Category;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.nio.file.Path;

/** The two output forms of a diagnostic fixed by shared/contracts/cli.md. */
final class DiagnosticFormat {

    private DiagnosticFormat() {
    }

    /** {@code FILE:LINE:COL: error|warning|info CODE JSONPATH: message} */
    static String text(Path file, Diagnostic d) {
        return file + ":" + d.line() + ":" + d.column() + ": " + d.severity().word() + " " + d.code() + " "
                + d.path() + ": " + d.message();
    }

    static ObjectNode json(Diagnostic d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("severity", d.severity().word());
        o.put("code", d.code());
        o.put("type", Category.of(d.code()).type());
        o.put("message", d.message());
        o.put("path", d.path());
        o.put("line", d.line());
        o.put("column", d.column());
        o.put("endLine", d.endLine());
        o.put("endColumn", d.endColumn());
        return o;
    }
}
