package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.model.DetectorModel;
import java.util.function.UnaryOperator;

/**
 * One detector model read from a file, in CreateDetectorModel request shape.
 *
 * @param name     the detector model name (may be empty when the file does not give one)
 * @param request  the request-shaped JSON; for a file already in request shape this IS the file's tree, so writing
 *                 it back reproduces keys, key order, number formatting and unknown fields
 * @param filePath maps a JSON path in {@code request} to the path of the same value in the file
 *                 ({@code $.detectorModelDefinition} → {@code $.detectorModel.detectorModelDefinition} for a
 *                 Describe response, PascalCase properties for CloudFormation)
 * @param version  the model's version when the file says it (a Describe response or console export:
 *                 {@code detectorModelConfiguration.detectorModelVersion}), else null
 */
public record LoadedModel(String name, ObjectNode request, UnaryOperator<String> filePath, String version) {

    public LoadedModel(String name, ObjectNode request, UnaryOperator<String> filePath) {
        this(name, request, filePath, null);
    }

    /** The typed view of {@link #request()} (lenient: see {@link ModelTreeReader}). */
    public DetectorModel model() {
        return new ModelTreeReader().detectorModel(request);
    }

    /**
     * This model after an edit: the request is the edited model written over this one's tree (unknown members,
     * key order and untouched number formatting kept, see {@link ModelTreeWriter#detectorModel(DetectorModel,
     * ObjectNode)}), the name follows the edit, and the file-path mapping is kept.
     */
    public LoadedModel withModel(DetectorModel edited) {
        ObjectNode tree = new ModelTreeWriter().detectorModel(edited, request);
        String newName = edited.detectorModelName() == null ? name : edited.detectorModelName();
        return new LoadedModel(newName, tree, filePath, version);
    }
}
