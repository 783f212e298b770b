package io.detectorstudio.engine.diagnostics;

/**
 * The analysis result types of the service (semantics §D.2), so a diagnostic can be shown as the service's
 * {@code GetDetectorModelAnalysisResults} would type it. Derived from the stable code's family.
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

    public static Category of(String code) {
        if (code.startsWith("DS-EXPR-")) {
            return EXPRESSION_SYNTAX;
        } else if (code.startsWith("DS-TYPE-")) {
            return DATA_TYPE;
        } else if (code.equals("DS-REF-INPUT-UNKNOWN")) {
            return REFERENCED_RESOURCE;
        } else if (code.startsWith("DS-REF-") || code.equals("DS-VARIABLE-BEFORE-SET")) {
            return REFERENCED_DATA;
        } else if (code.startsWith("DS-QUOTA-") || code.equals("DS-TIMER-SHORT")) {
            return SERVICE_LIMITS;
        } else if (code.startsWith("DS-READ") || code.startsWith("DS-CFN-")) {
            return FILE;
        }
        return STRUCTURE;
    }
}
