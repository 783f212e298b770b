package io.detectorstudio.editor.properties;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * An ordered list of the model (events, actions, attributes) with add / remove / move up / move down / open.
 * Ids: {@code <id>} for the list, {@code <id>-remove}, {@code <id>-up}, {@code <id>-down}, {@code <id>-open}.
 */
public final class ListEditor extends VBox {
    private final ListView<String> list = new ListView<>();
    private final Supplier<List<String>> labels;

    public ListEditor(String title, String id, Supplier<List<String>> labels, Node add, IntConsumer remove,
                      BiConsumer<Integer, Integer> move, IntConsumer open) {
        super(4);
        this.labels = labels;
        list.setId(id);
        list.setPrefHeight(120);
        Button removeButton = button("Remove", id + "-remove", () -> remove.accept(selected()));
        Button up = button("↑", id + "-up", () -> moveSelected(move, -1));
        Button down = button("↓", id + "-down", () -> moveSelected(move, +1));
        HBox buttons = new HBox(4, add, removeButton, up, down);
        if (open != null) {
            buttons.getChildren().add(button("Open", id + "-open", () -> open.accept(selected())));
            list.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && selected() >= 0) {
                    open.accept(selected());
                }
            });
            list.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER && selected() >= 0) {
                    open.accept(selected());
                }
            });
        }
        removeButton.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        Label heading = new Label(title);
        heading.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(heading, list, buttons);
        refresh();
    }

    public ListView<String> list() {
        return list;
    }

    /** Re-reads the labels, keeping the selected index where it still exists. */
    public void refresh() {
        int keep = selected();
        List<String> now = labels.get();
        if (!now.equals(list.getItems())) {
            list.getItems().setAll(now);
        }
        if (keep >= 0 && keep < now.size()) {
            list.getSelectionModel().select(keep);
        }
    }

    private int selected() {
        return list.getSelectionModel().getSelectedIndex();
    }

    private void moveSelected(BiConsumer<Integer, Integer> move, int by) {
        int from = selected();
        int to = from + by;
        if (from < 0 || to < 0 || to >= list.getItems().size()) {
            return;
        }
        move.accept(from, to);
        list.getSelectionModel().select(to);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
