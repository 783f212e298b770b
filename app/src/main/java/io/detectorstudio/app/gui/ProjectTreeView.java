package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The project tree: a binding of {@link ProjectTreeViewModel} (groups of files, the open model selected);
 * double-clicking a file activates it; the context menu holds the project actions of the table.
 */
final class ProjectTreeView {

    private final TreeView<Path> tree = new TreeView<>();
    private final ProjectTreeViewModel model;

    ProjectTreeView(ProjectTreeViewModel model, WorkbenchActions actions) {
        this.model = model;
        tree.setId("project");
        tree.setShowRoot(true);
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName() == null ? p.toString() : p.getFileName().toString());
            }
        });
        tree.setOnMouseClicked(e -> {
            TreeItem<Path> item = tree.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && item != null && item.isLeaf() && Files.isRegularFile(item.getValue())) {
                model.activate(item.getValue());
            }
        });
        tree.setContextMenu(new ContextMenu(actions.get("open-folder").menuItem(),
                actions.get("run-scenarios").menuItem()));
        model.filesProperty().addListener((obs, old, now) -> rebuild(now));
        model.openModelProperty().addListener((obs, old, now) -> selectOpenModel());
    }

    TreeView<Path> tree() {
        return tree;
    }

    private void rebuild(ProjectFiles files) {
        if (files == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<Path> root = new TreeItem<>(files.root());
        root.setExpanded(true);
        for (ProjectTreeViewModel.Group g : model.groups()) {
            TreeItem<Path> group = new TreeItem<>(Path.of(g.title()));
            group.setExpanded(true);
            g.files().forEach(f -> group.getChildren().add(new TreeItem<>(f)));
            root.getChildren().add(group);
        }
        tree.setRoot(root);
        selectOpenModel();
    }

    /** Selects the open model's line (if it is in the project). */
    private void selectOpenModel() {
        Path open = model.openModelProperty().get();
        if (tree.getRoot() == null || open == null) {
            return;
        }
        for (TreeItem<Path> group : tree.getRoot().getChildren()) {
            for (TreeItem<Path> file : group.getChildren()) {
                if (file.getValue().toAbsolutePath().normalize().equals(open.normalize())) {
                    tree.getSelectionModel().select(file);
                    return;
                }
            }
        }
    }
}
