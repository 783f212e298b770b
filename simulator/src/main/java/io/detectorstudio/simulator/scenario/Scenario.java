package io.detectorstudio.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.runtime.EngineOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed scenario file (shared/contracts/scenario.md): its models ({@code model} is the first; {@code models} all of
 * them, with the versions their files state or null), its inputs, a start time, engine options and the steps. Each step keeps its JSON so that failures can print what was written.
 */
public record Scenario(Path file, String name, ObjectNode model, List<ObjectNode> models, List<String> versions,
                       List<String> inputNames, boolean keyed, long startMillis, EngineOptions options, List<Step> steps) {

    /** One step: its kind ({@code message}, {@code messages}, {@code advance}, {@code update}, {@code expect},
     * {@code expectActions}) and its value. */
    public record Step(int index, String kind, JsonNode value) {
    }
}
