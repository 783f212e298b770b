package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramState;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;

/**
 * The in-place name editor over a state (F2 / double-click): Enter or leaving the field renames (the document
 * refuses a blank or taken name), Escape cancels. While it is open the canvas's keys are the field's.
 */
final class InlineRename {
    private final DiagramDocument document;
    private final ObjectProperty<DiagramSelection> selection;
    private final DiagramViewport viewport;
    private final Pane overlay;
    private TextField renameField;

    InlineRename(DiagramDocument document, ObjectProperty<DiagramSelection> selection, DiagramViewport viewport,
            Pane overlay) {
        this.document = document;
        this.selection = selection;
        this.viewport = viewport;
        this.overlay = overlay;
    }

    boolean isOpen() {
        return renameField != null;
    }

    void start(String stateName) {
        DiagramState s = document.graphProperty().get().state(stateName).orElse(null);
        if (s == null) {
            return;
        }
        cancel();
        TextField field = new TextField(s.name());
        field.getStyleClass().add("rename-field");
        Point2D at = viewport.toViewport(s.position().x(), s.position().y() + s.height() / 2 - 14);
        field.relocate(at.getX(), at.getY());
        field.setPrefWidth(Math.max(140, s.width() * viewport.zoom()));
        field.setOnAction(e -> {
            String newName = field.getText();
            cancel();
            if (document.renameState(stateName, newName)) {
                selection.set(DiagramSelection.ofStates(Set.of(newName.strip())));
            }
            viewport.pane().requestFocus();
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel();
                viewport.pane().requestFocus();
                e.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is && renameField == field) {
                field.fireEvent(new ActionEvent());
            }
        });
        renameField = field;
        overlay.getChildren().add(field);
        field.requestFocus();
        field.selectAll();
    }

    private void cancel() {
        if (renameField != null) {
            TextField field = renameField;
            renameField = null;
            overlay.getChildren().remove(field);
        }
    }
}
