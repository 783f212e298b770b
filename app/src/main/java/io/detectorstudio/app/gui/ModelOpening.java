package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What opening a file or folder reads, on a worker: the folder's files ({@link ProjectFiles}), its
 * {@code model.json} or first model, and the project of a model file from another folder. No JavaFX.
 */
final class ModelOpening {

    /** What was read: the model (null: the folder holds none) and the project to show (null: keep the tree). */
    record Opened(ModelWorkspace workspace, ProjectFiles project) {
    }

    /** A model or folder that could not be read: which file, and why (the cause). */
    static final class CannotOpen extends Exception {
        private final transient Path file;

        CannotOpen(Path file, Exception cause) {
            super(cause.getMessage(), cause);
            this.file = file;
        }

        Path file() {
            return file;
        }
    }

    private ModelOpening() {
    }

    /**
     * Reads {@code file} (with values for a CloudFormation template's {@code parameters}); a folder is scanned and its
     * {@code model.json} (else its first model) read. A model outside {@code currentRoot} brings its own folder's
     * project.
     */
    static Opened read(Path file, Path currentRoot, Map<String, String> parameters) throws CannotOpen {
        Path folder = Files.isDirectory(file) ? file.toAbsolutePath() : null;
        ProjectFiles files = null;
        Path target = file;
        if (folder != null) {
            try {
                files = ProjectFiles.scan(folder);
            } catch (IOException e) {
                throw new CannotOpen(file, e);
            }
            Path model = file.resolve("model.json");
            target = Files.isRegularFile(model) ? model : files.models().isEmpty() ? null : files.models().get(0);
            if (target == null) {
                return new Opened(null, files);
            }
        }
        ModelWorkspace read;
        try {
            read = ModelWorkspace.open(target, parameters);
        } catch (Exception e) {
            throw new CannotOpen(target, e);
        }
        if (files == null && (currentRoot == null || !target.toAbsolutePath().startsWith(currentRoot))) {
            files = scanQuietly(ProjectFiles.folderOf(target));
        }
        return new Opened(read, files);
    }

    /** The project in {@code folder}; null when it cannot be listed (the tree then stays as it is). */
    static ProjectFiles scanQuietly(Path folder) {
        try {
            return ProjectFiles.scan(folder);
        } catch (IOException e) {
            return null;
        }
    }
}
