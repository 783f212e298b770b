package io.detectorstudio.editor.expression;

import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;

/**
 * The completion list under the caret. It never takes keyboard focus (the list is not focus traversable), so
 * typing keeps going to the text; the editor forwards Up/Down/Enter/Tab/Esc to it.
 */
final class CompletionPopup {

    private final Popup popup = new Popup();
    private final ListView<Completion> list = new ListView<>();
    private CompletionResult result = CompletionResult.none(0);

    CompletionPopup(Consumer<Completion> onChoose) {
        list.setFocusTraversable(false);
        list.getStyleClass().addAll("root", "expr-completion-list"); // "root": the theme's lookups in the popup
        list.getStylesheets().add(ExpressionStyles.STYLESHEET);
        list.setPrefWidth(420);
        list.setCellFactory(v -> new CompletionCell());
        list.setOnMouseClicked(e -> {
            Completion chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                onChoose.accept(chosen);
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
    }

    void show(Node owner, Bounds caretOnScreen, CompletionResult result) {
        this.result = result;
        // shown first: a hidden popup has no owner to inherit the theme's looked-up colours from, and filling the
        // list lays its cells out (scrollTo applies their CSS) — unresolved lookups, ClassCastExceptions in the log
        if (!popup.isShowing()) {
            popup.show(owner, caretOnScreen.getMinX(), caretOnScreen.getMaxY() + 2);
        }
        list.getItems().setAll(result.items());
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        list.setPrefHeight(Math.min(result.items().size(), 10) * 26 + 4);
    }

    void hide() {
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    CompletionResult result() {
        return result;
    }

    Completion selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    void move(int by) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int next = Math.floorMod(list.getSelectionModel().getSelectedIndex() + by, size);
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - 4));
    }

    ListView<Completion> list() {
        return list;
    }

    private static final class CompletionCell extends ListCell<Completion> {
        private final Label label = new Label();
        private final Label detail = new Label();
        private final Region gap = new Region();
        private final HBox box = new HBox(8, label, gap, detail);

        CompletionCell() {
            HBox.setHgrow(gap, Priority.ALWAYS);
            detail.getStyleClass().add("expr-completion-detail");
        }

        @Override
        protected void updateItem(Completion item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            label.setText(item.label());
            detail.setText(item.detail());
            getStyleClass().removeIf(c -> c.startsWith("expr-completion-kind-"));
            getStyleClass().add("expr-completion-kind-" + item.kind().name().toLowerCase(java.util.Locale.ROOT));
            setGraphic(box);
        }
    }
}
