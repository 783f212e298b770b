package io.detectorstudio.app.gui;

import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.diagram.GraphDocument;
import io.detectorstudio.editor.export.DiagramExport;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.validation.Validator;
import java.nio.file.Path;
import java.util.List;

/** One opened model file: what was read, its diagram document and its problems. Built off the FX thread. */
record ModelWorkspace(Path file, ModelFile modelFile, LoadedModel model, GraphDocument diagram,
                      List<Diagnostic> problems) {

    static ModelWorkspace open(Path file) throws Exception {
        ModelFile modelFile = new ModelLoader().load(file);
        LoadedModel model = modelFile.models().isEmpty() ? null : modelFile.models().get(0);
        if (model == null) {
            throw new io.detectorstudio.engine.io.ModelReadException("the file holds no detector model", 1, 1);
        }
        List<Diagnostic> problems = new Validator().validate(modelFile, model, modelFile.inputs(), false);
        GraphDocument diagram = new GraphDocument(DiagramExport.placed(file));
        return new ModelWorkspace(file, modelFile, model, diagram, problems);
    }

    DiagramEditorPane newEditor() {
        return new DiagramEditorPane(diagram);
    }
}
