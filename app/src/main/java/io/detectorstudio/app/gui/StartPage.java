package io.detectorstudio.app.gui;

import io.detectorstudio.app.gui.files.ModelTemplates;
import io.detectorstudio.app.gui.files.RecentFiles;
import io.detectorstudio.app.gui.files.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** What the window shows with no model: new model from a template, recent files, the samples with their README line. */
final class StartPage extends ScrollPane {

    StartPage(List<RecentFiles.Entry> recent, List<Samples.Sample> samples, Consumer<Path> open, Consumer<ModelTemplates> create) {
        setId("start-page");
        setFitToWidth(true);
        Label title = new Label("Detector Studio");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label hint = new Label("Open a detector model (Ctrl+O), a folder (Ctrl+Shift+O), or drop a file here.");
        VBox templates = section("New model");
        for (ModelTemplates t : ModelTemplates.all()) {
            Hyperlink link = new Hyperlink(t.title());
            link.setId("template-" + t.name().toLowerCase());
            link.setOnAction(e -> create.accept(t));
            templates.getChildren().add(new HBox(6, link, dim(t.description())));
        }
        VBox recentBox = section("Recent");
        recent.stream().filter(r -> Files.exists(r.file())).forEach(r -> {
            Hyperlink link = new Hyperlink(r.title());
            link.getStyleClass().add("recent-entry");
            link.setOnAction(e -> open.accept(r.file()));
            recentBox.getChildren().add(new HBox(6, link, dim(r.where())));
        });
        if (recentBox.getChildren().size() == 1) {
            recentBox.getChildren().add(dim("Nothing opened yet"));
        }
        VBox sampleBox = section("Samples");
        for (Samples.Sample s : samples) {
            Hyperlink link = new Hyperlink(s.name());
            link.setId("sample-" + s.name());
            link.setOnAction(e -> open.accept(s.model()));
            sampleBox.getChildren().add(new HBox(6, link, dim(s.description())));
        }
        VBox page = new VBox(14, title, hint, templates, recentBox, sampleBox);
        page.setPadding(new Insets(24));
        setContent(page);
    }

    private static VBox section(String name) {
        Label l = new Label(name);
        l.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        return new VBox(2, l);
    }

    private static Label dim(String text) {
        Label l = new Label(text);
        l.setOpacity(0.7);
        l.setPadding(new Insets(4, 0, 0, 0));
        return l;
    }
}
