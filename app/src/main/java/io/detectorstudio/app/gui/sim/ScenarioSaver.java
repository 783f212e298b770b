package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.detectorstudio.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes a simulation's history as a scenario file (scenario.md). */
final class ScenarioSaver {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioSaver() {
    }

    /**
     * Saves the session's history as a scenario at {@code target}; the model is referenced by a path relative to
     * the scenario when it is saved on disk ({@code modelFile} not null), else embedded. With companions the
     * scenario has {@code models}: this model, then {@code companionFiles} (the companions' files, in the
     * session's order) by relative path.
     */
    static void save(SimulationViewModel simulation, Path target, Path modelFile, List<Path> companionFiles,
                     String name) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        var config = simulation.session().config();
        JsonNode modelRef = modelFile == null ? config.model() : TextNode.valueOf(relative(dir, modelFile.toAbsolutePath()));
        if (!config.companions().isEmpty()) {
            ArrayNode models = PRETTY.createArrayNode().add(modelRef);
            companionFiles.forEach(f -> models.add(relative(dir, f.toAbsolutePath())));
            modelRef = models;
        }
        ObjectNode scenario = simulation.recordScenario(name, modelRef);
        AtomicFiles.write(target, (PRETTY.writeValueAsString(scenario) + "\n").getBytes(StandardCharsets.UTF_8));
        simulation.statusProperty().set("Saved scenario " + target.getFileName());
    }

    private static String relative(Path from, Path to) {
        return from.relativize(to).toString().replace('\\', '/');
    }
}
