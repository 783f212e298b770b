package io.detectorstudio.editor.diagram;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** The editor's toolbar: undo/redo (enabled as the history allows), Arrange, Fit, 100 %, Delete and the zoom. */
final class DiagramToolbar {
    private DiagramToolbar() {
    }

    static ToolBar of(DiagramEditorPane editor) {
        Button undo = button("Undo", "Undo (Ctrl+Z)", editor::undo);
        undo.disableProperty().bind(editor.document().commands().canUndoProperty().not());
        Button redo = button("Redo", "Redo (Ctrl+Shift+Z)", editor::redo);
        redo.disableProperty().bind(editor.document().commands().canRedoProperty().not());
        Label zoomLabel = new Label();
        zoomLabel.textProperty().bind(editor.zoomProperty().multiply(100).asString("%.0f%%"));
        return new ToolBar(undo, redo,
                button("Arrange", "Automatic layout (ELK layered)", editor::arrange),
                button("Fit", "Fit to window (" + DiagramKeys.FIT.getDisplayText() + ")", editor::fitToWindow),
                button("100%", "Actual size (" + DiagramKeys.ACTUAL_SIZE.getDisplayText() + ")", editor::zoomTo100),
                button("Delete", "Delete selection (Del)", editor::deleteSelection),
                zoomLabel);
    }

    /** A button that does not take the focus, so the canvas keeps its keys after a click. */
    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
