package io.detectorstudio.app.gui;

import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.simulator.session.Breakpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The outline of the open model ({@link OutlineEntry}): selecting a line selects its state or transition and
 * opens its properties; its context menu sets breakpoints while simulating.
 */
final class OutlineView {

    private final TreeView<String> tree = new TreeView<>();
    private final Map<TreeItem<String>, OutlineEntry> entries = new HashMap<>();

    /**
     * @param selected    called with the chosen line
     * @param breakpoints the menu entries for a line's breakpoints (none while not simulating)
     */
    OutlineView(Consumer<OutlineEntry> selected, Function<List<Breakpoint>, List<MenuItem>> breakpoints) {
        tree.setShowRoot(true);
        tree.setId("outline");
        tree.setContextMenu(new ContextMenu());
        tree.setOnContextMenuRequested(e -> {
            OutlineEntry entry = entries.get(tree.getSelectionModel().getSelectedItem());
            tree.getContextMenu().getItems().setAll(entry == null ? List.of() : breakpoints.apply(entry.breakpoints()));
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            OutlineEntry entry = item == null ? null : entries.get(item);
            if (entry != null) {
                selected.accept(entry);
            }
        });
    }

    TreeView<String> tree() {
        return tree;
    }

    void show(DetectorModel model) {
        entries.clear();
        tree.setRoot(item(OutlineEntry.of(model)));
    }

    private TreeItem<String> item(OutlineEntry entry) {
        TreeItem<String> item = new TreeItem<>(entry.label());
        item.setExpanded(true);
        entries.put(item, entry);
        entry.children().forEach(c -> item.getChildren().add(item(c)));
        return item;
    }
}
