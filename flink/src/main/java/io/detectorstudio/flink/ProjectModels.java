package io.detectorstudio.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.runtime.EngineOptions;
import io.detectorstudio.engine.runtime.ModelRunner;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every model of a project, as the job ships them to its operators: the CreateDetectorModel requests as JSON text
 * (serializable), compiled into {@link ModelRunner}s where they run. A later model with the name of an earlier one
 * is left out (the first wins, as a project cannot hold two models of one name).
 */
public final class ProjectModels implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> requests;
    /** detectorModelVersion by model name, where the file states one (a Describe export) */
    private final Map<String, String> versions;
    private final Set<String> declaredInputs;
    private final boolean retainInputValues;

    public ProjectModels(List<ObjectNode> requests, Set<String> declaredInputs, boolean retainInputValues) {
        this(requests, Map.of(), declaredInputs, retainInputValues);
    }

    public ProjectModels(List<ObjectNode> requests, Map<String, String> versions, Set<String> declaredInputs,
                         boolean retainInputValues) {
        Map<String, String> byName = new LinkedHashMap<>();
        requests.forEach(r -> byName.putIfAbsent(r.path("detectorModelName").asText(), r.toString()));
        this.requests = List.copyOf(byName.values());
        this.versions = new java.util.HashMap<>(versions);
        this.declaredInputs = Set.copyOf(declaredInputs);
        this.retainInputValues = retainInputValues;
    }

    /** Models from files or project folders, with input definitions (files or folders) that declare inputs. */
    public static ProjectModels load(List<Path> models, List<Path> inputs, boolean retainInputValues)
            throws ModelReadException {
        List<ObjectNode> requests = new ArrayList<>();
        Map<String, String> versions = new java.util.HashMap<>();
        ModelLoader loader = new ModelLoader();
        for (Path path : models) {
            for (LoadedModel m : loader.loadAll(path).stream().flatMap(f -> f.models().stream()).toList()) {
                requests.add(m.request());
                if (m.version() != null) {
                    versions.putIfAbsent(m.name(), m.version());
                }
            }
        }
        Set<String> declared = new java.util.HashSet<>();
        for (Path path : inputs) {
            try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    String name = JSON.readTree(file.toFile()).path("inputName").asText("");
                    if (!name.isEmpty()) {
                        declared.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ProjectModels(requests, versions, declared, retainInputValues);
    }

    public List<ModelRunner> runners() {
        EngineOptions options = EngineOptions.DEFAULTS.withRetainInputValues(retainInputValues);
        List<ModelRunner> runners = new ArrayList<>();
        for (String request : requests) {
            try {
                ObjectNode tree = (ObjectNode) JSON.readTree(request);
                runners.add(new ModelRunner(tree, version(tree.path("detectorModelName").asText()), options));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // it was written from a tree
            }
        }
        return runners;
    }

    public List<ObjectNode> requests() {
        return requests.stream().map(r -> {
            try {
                return (ObjectNode) JSON.readTree(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The model's detectorModelVersion where its file states one, else null ("1"). */
    public String version(String model) {
        return versions.get(model);
    }

    boolean declares(String input) {
        return declaredInputs.contains(input);
    }

    public boolean retainInputValues() {
        return retainInputValues;
    }
}
