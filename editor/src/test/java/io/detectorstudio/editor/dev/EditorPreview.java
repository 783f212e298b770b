package io.detectorstudio.editor.dev;

import io.detectorstudio.editor.diagram.DiagramEditorPane;
import io.detectorstudio.editor.diagram.DiagramSelection;
import io.detectorstudio.editor.diagram.GraphDocument;
import io.detectorstudio.editor.export.DiagramExport;
import java.nio.file.Path;
import java.util.Set;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Developer tool (not shipped): opens a model in the diagram editor, for screenshots under Xvfb.
 * {@code java -cp <test classpath> io.detectorstudio.editor.dev.EditorPreview model.json [selectedState]}
 */
public final class EditorPreview {
    private EditorPreview() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** Nested so that the main class does not extend Application (runs from the plain classpath). */
    public static final class Window extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        var args = getParameters().getRaw();
        GraphDocument document = new GraphDocument(DiagramExport.placed(Path.of(args.get(0))));
        DiagramEditorPane pane = new DiagramEditorPane(document);
        stage.setTitle("Detector Studio — " + Path.of(args.get(0)).getFileName());
        stage.setScene(new Scene(pane, 1400, 860));
        stage.show();
        Platform.runLater(() -> {
            pane.fitToWindow();
            if (args.size() > 1) {
                pane.select(DiagramSelection.ofStates(Set.of(args.get(1))));
            }
        });
    }

    }
}
