package io.detectorstudio.engine.validation;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.INTERNAL;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.LocatedJson;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.SourceRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs every check on a model and returns located diagnostics: the service-model shapes, the structural rules,
 * and every {@link ModelCheck} registered through {@link ServiceLoader} (expression syntax, model analysis).
 */
public final class Validator {

    private final List<ModelCheck> checks = new ArrayList<>();

    public Validator() {
        checks.add(new StructureCheck());
        ServiceLoader.load(ModelCheck.class).forEach(checks::add);
    }

    public List<Diagnostic> validate(ModelFile file, LoadedModel model, List<LoadedInput> inputs, boolean inputsGiven) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : file.readDiagnostics()) {
            out.add(locate(d, file.source()));
        }
        LocatingSink sink = new LocatingSink(file.source(), model, out);
        new ShapeCheck(ServiceModel.controlPlane())
                .check(model.request(), "CreateDetectorModelRequest", "$", sink);
        ValidationContext context = new ValidationContext(model.request(), inputs, inputsGiven);
        for (ModelCheck check : checks) {
            try {
                check.check(context, sink);
            } catch (RuntimeException e) {
                sink.report(Severity.ERROR, INTERNAL.code(), "$",
                        INTERNAL.message(check.getClass().getSimpleName(), e));
            }
        }
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }

    private static Diagnostic locate(Diagnostic d, LocatedJson source) {
        SourceRange r = source.rangeOf(d.path());
        return d.withLocation(r.line(), r.column(), r.endLine(), r.endColumn());
    }

    /** Maps request-shape paths to the file's paths and attaches line:column. */
    private static final class LocatingSink implements FindingSink {
        private final LocatedJson source;
        private final LoadedModel model;
        private final List<Diagnostic> out;

        LocatingSink(LocatedJson source, LoadedModel model, List<Diagnostic> out) {
            this.source = source;
            this.model = model;
            this.out = out;
        }

        @Override
        public void report(Severity severity, String code, String path, String message) {
            String filePath = nearestLocated(model.filePath().apply(path));
            SourceRange r = source.rangeOf(filePath);
            out.add(new Diagnostic(severity, code, message, model.filePath().apply(path),
                    r.line(), r.column(), r.endLine(), r.endColumn()));
        }

        @Override
        public void reportInString(Severity severity, String code, String path, int start, int end, String message) {
            String filePath = model.filePath().apply(path);
            SourceRange r = source.rangeOf(filePath) == SourceRange.UNKNOWN
                    ? source.rangeOf(nearestLocated(filePath))
                    : source.rangeInString(filePath, start, end);
            out.add(new Diagnostic(severity, code, message, filePath, r.line(), r.column(), r.endLine(), r.endColumn()));
        }

        /** A missing member has no location of its own: point at the closest enclosing value that exists. */
        private String nearestLocated(String path) {
            String p = path;
            while (source.rangeOf(p) == SourceRange.UNKNOWN && p.length() > 1) {
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                if (cut <= 0) {
                    return "$";
                }
                p = p.substring(0, cut);
            }
            return p;
        }
    }
}
