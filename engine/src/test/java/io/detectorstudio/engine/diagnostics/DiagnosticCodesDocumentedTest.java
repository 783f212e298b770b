package io.detectorstudio.engine.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/diagnostics.md and {@link DiagnosticCode} say the same (code, type, meaning, message template), no code names
 * a diagnostic by its text, and messages are built from the templates.
 */
class DiagnosticCodesDocumentedTest {

    private static final Path DOC = Path.of("../docs/diagnostics.md");
    private static final Pattern CODE = Pattern.compile("`(DS-[A-Z0-9-]+)`");
    private static final Pattern LITERAL = Pattern.compile("\"DS-[A-Z0-9-]+\"");

    /** One documented code: its type column (null in tables without one), its meaning and its message template. */
    private record Row(String type, String meaning, String template) {
    }

    private static Map<String, Row> documented() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            if (!line.startsWith("| `DS-")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
            Matcher m = CODE.matcher(cells[0]);
            while (m.find()) {
                String template = cells[cells.length - 1].trim();
                assertThat(template).as("%s: the message column is a ``code span``", m.group(1))
                        .startsWith("``").endsWith("``");
                Row previous = rows.put(m.group(1), new Row(cells.length == 4 ? cells[1].trim() : null,
                        cells[cells.length - 2].trim(), template.substring(2, template.length() - 2)));
                assertThat(previous).as("%s documented twice", m.group(1)).isNull();
            }
        }
        return rows;
    }

    @Test
    void everyCodeIsDocumentedWithItsMeaningAndTypeAndNothingElseIs() throws IOException {
        Map<String, Row> documented = documented();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::code).toList());
        for (DiagnosticCode code : DiagnosticCode.values()) {
            Row row = documented.get(code.code());
            assertThat(row.meaning()).as(code.code()).isEqualTo(code.meaning());
            assertThat(row.template()).as(code.code()).isEqualTo(code.template());
            if (row.type() != null) {
                assertThat(row.type()).as(code.code()).isEqualTo(code.category().type());
            }
            assertThat(Category.of(code.code())).isEqualTo(code.category());
        }
    }

    @Test
    void noMainSourceSpellsACodeOutsideTheEnum() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        if (!f.getFileName().toString().equals("DiagnosticCode.java")
                                && LITERAL.matcher(Files.readString(f)).find()) {
                            offenders.add(f.toString());
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("files naming a diagnostic code by its text instead of DiagnosticCode").isEmpty();
    }

    @Test
    void aMessageFillsTheTemplateAndNeedsExactlyItsArguments() {
        assertThat(DiagnosticCode.STATE_NEXT_UNKNOWN.message("Alarm", "Normal, Acked"))
                .isEqualTo("next state 'Alarm' does not exist; states: Normal, Acked");
        assertThat(DiagnosticCode.TIMER_SHORT.message(60)).isEqualTo("timers shorter than 60 s are not accurate in the"
                + " service; use 60 or more");
        // text that looks like a replacement group or a placeholder is taken literally
        assertThat(DiagnosticCode.ACTION_TARGET.message("$1 {1}", "an SNS topic ARN")).isEqualTo("'$1 {1}' is not an SNS topic ARN");
        assertThat(DiagnosticCode.TIMER_BOTH.message()).doesNotContain("{");
        assertThatThrownBy(() -> DiagnosticCode.STATE_NEXT_UNKNOWN.message("Alarm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DS-STATE-NEXT-UNKNOWN takes 2");
    }

    @Test
    void everyTemplateUsesItsPlaceholdersFromZeroWithoutGaps() {
        Pattern placeholder = Pattern.compile("\\{(\\d)}");
        for (DiagnosticCode code : DiagnosticCode.values()) {
            java.util.Set<Integer> used = placeholder.matcher(code.template()).results()
                    .map(r -> Integer.parseInt(r.group(1))).collect(Collectors.toSet());
            for (int i = 0; i < used.size(); i++) {
                assertThat(used).as("%s: {%d}", code.code(), i).contains(i);
            }
        }
    }

    @Test
    void codesAreUniqueAndStable() {
        assertThat(Arrays.stream(DiagnosticCode.values()).collect(Collectors.groupingBy(DiagnosticCode::code,
                Collectors.counting())).values()).allMatch(n -> n == 1);
        assertThat(DiagnosticCode.of("DS-SHAPE-LENGTH")).contains(DiagnosticCode.SHAPE_LENGTH);
        assertThat(DiagnosticCode.of("DS-NO-SUCH")).isEmpty();
    }
}
