package io.detectorstudio.engine.diagnostics;

/**
 * The analysis result types of the service (semantics §D.2), so a diagnostic can be shown as the service's
 * {@code GetDetectorModelAnalysisResults} would type it. Each {@link DiagnosticCode} names its own.
 */
public enum Category {
    SUPPORTED_ACTIONS("supported-actions"), SERVICE_LIMITS("service-limits"), STRUCTURE("structure"),
    EXPRESSION_SYNTAX("expression-syntax"), DATA_TYPE("data-type"), REFERENCED_DATA("referenced-data"),
    REFERENCED_RESOURCE("referenced-resource"), FILE("file");

    private final String type;

    Category(String type) {
        this.type = type;
    }

    /** The service's name for it ({@code data-type}, …); {@code file} for problems of the file itself. */
    public String type() {
        return type;
    }

    /** The category of a stable code ({@link DiagnosticCode}); an unknown code is a structure finding. */
    public static Category of(String code) {
        return DiagnosticCode.of(code).map(DiagnosticCode::category).orElse(STRUCTURE);
    }
}
