package io.detectorstudio.engine.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

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

/** docs/diagnostics.md and {@link DiagnosticCode} say the same, and no code names a diagnostic by its text. */
class DiagnosticCodesDocumentedTest {

    private static final Path DOC = Path.of("../docs/diagnostics.md");
    private static final Pattern CODE = Pattern.compile("`(DS-[A-Z0-9-]+)`");
    private static final Pattern LITERAL = Pattern.compile("\"DS-[A-Z0-9-]+\"");

    /** One documented code: its type column (null in tables without one) and its meaning (the last column). */
    private record Row(String type, String meaning) {
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
                Row previous = rows.put(m.group(1), new Row(cells.length == 3 ? cells[1].trim() : null,
                        cells[cells.length - 1].trim()));
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
    void codesAreUniqueAndStable() {
        assertThat(Arrays.stream(DiagnosticCode.values()).collect(Collectors.groupingBy(DiagnosticCode::code,
                Collectors.counting())).values()).allMatch(n -> n == 1);
        assertThat(DiagnosticCode.of("DS-SHAPE-LENGTH")).contains(DiagnosticCode.SHAPE_LENGTH);
        assertThat(DiagnosticCode.of("DS-NO-SUCH")).isEmpty();
    }
}
