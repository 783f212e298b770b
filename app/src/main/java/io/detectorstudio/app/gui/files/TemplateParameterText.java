package io.detectorstudio.app.gui.files;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.CFN_PARAMETER_DEFAULT;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The studio's form of {@code --parameter NAME=VALUE} (issue 14 item 8): CloudFormation template parameters and
 * pseudo-parameters written one {@code NAME=VALUE} a line, as the File ▸ Template parameters dialog takes them.
 * Blank lines and lines starting with {@code #} are skipped; a line that is not {@code NAME=VALUE}, or a name given
 * twice, is an error naming its line — nothing given is dropped silently.
 */
public final class TemplateParameterText {

    /** The warning the loader gives for a parameter that was not given (its message starts with the name). */
    private static final String NOT_GIVEN = " was not given";

    /** The values read, in the order given, and what was wrong (empty when the text is usable). */
    public record Parsed(Map<String, String> values, List<String> errors) {
        public Parsed {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            errors = List.copyOf(errors);
        }
    }

    private TemplateParameterText() {
    }

    public static Parsed parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? "" : line.substring(0, equals).strip();
            if (name.isEmpty()) {
                errors.add("line " + (i + 1) + ": \"" + line + "\" is not NAME=VALUE (e.g. AWS::Region=eu-west-1)");
            } else if (values.putIfAbsent(name, line.substring(equals + 1).strip()) != null) {
                errors.add("line " + (i + 1) + ": " + name + " is given twice");
            }
        }
        return new Parsed(values, errors);
    }

    /** The text {@link #parse} reads back as {@code values}. */
    public static String format(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        return out.toString();
    }

    /** The parameters whose default was used, from the loader's {@code DS-CFN-PARAMETER-DEFAULT} warnings. */
    public static List<String> defaulted(List<Diagnostic> problems) {
        List<String> names = new ArrayList<>();
        for (Diagnostic d : problems) {
            int end = d.message().indexOf(NOT_GIVEN);
            if (d.code().equals(CFN_PARAMETER_DEFAULT.code()) && end > 0) {
                names.add(d.message().substring(0, end));
            }
        }
        return names;
    }
}
