package io.detectorstudio.app.gui.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of an opened folder (a sample or a project) by kind: models, input definitions (in an {@code inputs}
 * folder), scenarios ({@code *.scenario.json}) and traces ({@code *.jsonl}). Layout sidecars, bindings files
 * ({@code bindings.yaml}, {@code *.bindings.json}: docs/bindings.md) and READMEs are left
 * out. Walks at most four levels deep.
 */
public record ProjectFiles(Path root, List<Path> models, List<Path> inputs, List<Path> scenarios, List<Path> traces) {

    public static ProjectFiles scan(Path root) throws IOException {
        List<Path> models = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        List<Path> scenarios = new ArrayList<>();
        List<Path> traces = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 4)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString().toLowerCase();
                Path parent = f.getParent();
                boolean inInputs = parent != null && parent.getFileName() != null
                        && parent.getFileName().toString().equals("inputs");
                if (name.endsWith(".scenario.json")) {
                    scenarios.add(f);
                } else if (name.endsWith(".jsonl")) {
                    traces.add(f);
                } else if (name.endsWith(".layout.json") || name.startsWith(".")
                        || name.matches("(.*\\.)?bindings\\.(json|ya?ml)")) {
                    continue;
                } else if (inInputs && name.endsWith(".json")) {
                    inputs.add(f);
                } else if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
                    models.add(f);
                }
            }
        }
        return new ProjectFiles(root, models, inputs, scenarios, traces);
    }

    /** The folder a model file belongs to: its parent, or the parent's parent when the model sits in a sub-folder. */
    public static Path folderOf(Path model) {
        Path parent = model.toAbsolutePath().getParent();
        return parent == null ? model.toAbsolutePath() : parent;
    }
}
