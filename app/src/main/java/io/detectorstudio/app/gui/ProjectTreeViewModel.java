package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The project shown on the left: the files of the opened folder by kind ({@link ProjectFiles}, scanned off the FX
 * thread by the workbench), the model of it that is open, and what activating (double-clicking) a file does — a
 * model opens, a scenario is stepped through, a trace replayed; input definitions open with their model. No JavaFX
 * scene types.
 */
final class ProjectTreeViewModel {

    enum Kind { MODEL, INPUT, SCENARIO, TRACE }

    /** One group of the tree: its title ("Models (3)") and files. */
    record Group(String title, List<Path> files) {
    }

    private final ReadOnlyObjectWrapper<ProjectFiles> files = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Path> openModel = new SimpleObjectProperty<>();
    private Consumer<Path> onModel = p -> { };
    private Consumer<Path> onScenario = p -> { };
    private Consumer<Path> onTrace = p -> { };

    /** The project's files; null when no folder is shown (an untitled model). */
    ReadOnlyObjectProperty<ProjectFiles> filesProperty() {
        return files.getReadOnlyProperty();
    }

    /** The open model's file (absolute), which the tree selects; null when none or untitled. */
    ObjectProperty<Path> openModelProperty() {
        return openModel;
    }

    void show(ProjectFiles project) {
        files.set(project);
    }

    void clear() {
        files.set(null);
    }

    /** The project folder, or null. */
    Path root() {
        return files.get() == null ? null : files.get().root();
    }

    /** Whether {@code file} lies in the project shown. */
    boolean contains(Path file) {
        return root() != null && file.toAbsolutePath().startsWith(root());
    }

    List<Path> scenarios() {
        return files.get() == null ? List.of() : files.get().scenarios();
    }

    List<Group> groups() {
        ProjectFiles p = files.get();
        if (p == null) {
            return List.of();
        }
        return List.of(group("Models", p.models()), group("Inputs", p.inputs()), group("Scenarios", p.scenarios()),
                group("Traces", p.traces()));
    }

    private static Group group(String name, List<Path> files) {
        return new Group(name + " (" + files.size() + ")", files);
    }

    static Kind kindOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".scenario.json")) {
            return Kind.SCENARIO;
        }
        if (name.endsWith(".jsonl")) {
            return Kind.TRACE;
        }
        Path parent = file.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("inputs")
                ? Kind.INPUT : Kind.MODEL;
    }

    void onActivate(Consumer<Path> model, Consumer<Path> scenario, Consumer<Path> trace) {
        this.onModel = model;
        this.onScenario = scenario;
        this.onTrace = trace;
    }

    /** The user activated {@code file} in the tree. */
    void activate(Path file) {
        switch (kindOf(file)) {
            case MODEL -> onModel.accept(file);
            case SCENARIO -> onScenario.accept(file);
            case TRACE -> onTrace.accept(file);
            case INPUT -> { } // opens with its model
        }
    }
}
