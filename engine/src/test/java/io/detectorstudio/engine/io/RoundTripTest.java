package io.detectorstudio.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a request-shaped model and writing it back gives the same tree, key order and number formatting. */
class RoundTripTest {

    static Stream<Path> bundledModels() throws URISyntaxException, IOException {
        Path dir = Path.of(RoundTripTest.class.getResource("/models").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Stream<Path> corpusModels() {
        return SharedCorpus.files("corpus/models", ".json").stream();
    }

    @ParameterizedTest
    @MethodSource("bundledModels")
    void bundledModelsRoundTrip(Path file) throws Exception {
        assertRoundTrips(file);
    }

    @ParameterizedTest
    @MethodSource("corpusModels")
    void everyCorpusModelRoundTrips(Path file) throws Exception {
        assertRoundTrips(file);
    }

    private static void assertRoundTrips(Path file) throws Exception {
        ModelFile read = new ModelLoader().load(file);
        assertThat(read.models()).hasSize(1);
        String written = new ModelWriter().requestJson(read.models().get(0));
        JsonNode again = new LocatingReader().read(written.getBytes(StandardCharsets.UTF_8), false).root();
        JsonNode expected = read.shape() == ModelShape.REQUEST ? read.source().root() : read.models().get(0).request();
        assertThat(again).isEqualTo(expected);
        assertThat(keyOrder(again)).isEqualTo(keyOrder(expected));
        assertThat(numbers(again)).isEqualTo(numbers(expected));
    }

    /** Every object's keys in order, depth first, so that a reordering anywhere is seen. */
    static List<String> keyOrder(JsonNode node) {
        List<String> out = new ArrayList<>();
        walk(node, "$", out, false);
        return out;
    }

    static List<String> numbers(JsonNode node) {
        List<String> out = new ArrayList<>();
        walk(node, "$", out, true);
        return out;
    }

    private static void walk(JsonNode node, String path, List<String> out, boolean numbers) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!numbers) {
                    out.add(path + "." + name);
                }
                walk(node.get(name), path + "." + name, out, numbers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", out, numbers);
            }
        } else if (numbers && node.isNumber()) {
            out.add(path + "=" + node.toString());
        }
    }
}
