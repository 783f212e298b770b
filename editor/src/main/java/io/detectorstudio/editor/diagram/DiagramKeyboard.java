package io.detectorstudio.editor.diagram;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The editor's keys: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, Ctrl+C / Ctrl+V copy and paste, Ctrl+A selects
 * every state, {@link DiagramKeys} zoom (Fit, 100 %), Del / Backspace delete, F2 renames the one selected state.
 * Nothing while the in-place name editor is open: the keys are its own then.
 */
final class DiagramKeyboard implements EventHandler<KeyEvent> {
    private final DiagramEditorPane editor;
    private final InlineRename rename;

    DiagramKeyboard(DiagramEditorPane editor, InlineRename rename) {
        this.editor = editor;
        this.rename = rename;
    }

    @Override
    public void handle(KeyEvent e) {
        if (rename.isOpen()) {
            return;
        }
        DiagramSelection selection = editor.selectionProperty().get();
        boolean shortcut = e.isShortcutDown();
        if (shortcut && e.getCode() == KeyCode.Z) {
            if (e.isShiftDown()) editor.redo(); else editor.undo();
        } else if (shortcut && e.getCode() == KeyCode.Y) {
            editor.redo();
        } else if (shortcut && e.getCode() == KeyCode.C) {
            editor.copySelection();
        } else if (shortcut && e.getCode() == KeyCode.V) {
            editor.paste();
        } else if (shortcut && e.getCode() == KeyCode.A) {
            editor.select(DiagramSelection.ofStates(editor.document().graphProperty().get().positions().keySet()));
        } else if (DiagramKeys.ACTUAL_SIZE.match(e) || shortcut && e.getCode() == KeyCode.NUMPAD0) {
            editor.zoomTo100();
        } else if (DiagramKeys.FIT.match(e)) {
            editor.fitToWindow();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            editor.deleteSelection();
        } else if (e.getCode() == KeyCode.F2 && selection.states().size() == 1) {
            rename.start(selection.states().iterator().next());
        } else {
            return;
        }
        e.consume();
    }
}
