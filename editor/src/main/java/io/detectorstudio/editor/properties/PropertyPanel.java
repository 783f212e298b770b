package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ModelDocument;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One panel of the properties pane: built for one target, refreshed in place after every change. */
public abstract class PropertyPanel extends VBox {
    protected final ModelDocument document;
    protected final Consumer<PropertyTarget> navigate;

    protected PropertyPanel(ModelDocument document, Consumer<PropertyTarget> navigate) {
        super(8);
        this.document = document;
        this.navigate = navigate;
        setPadding(new Insets(10));
        getStyleClass().add("property-panel");
    }

    /** What this panel shows. */
    public abstract PropertyTarget target();

    /** Re-reads the model; false when the target no longer exists (the pane then shows its parent). */
    public abstract boolean refresh();

    /** A title line, with a link back to the parent target when there is one. */
    protected void title(String text, String backText, PropertyTarget back) {
        Label title = new Label(text);
        title.getStyleClass().add("property-title");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        if (back == null) {
            getChildren().add(title);
            return;
        }
        Hyperlink link = new Hyperlink("‹ " + backText);
        link.setId("back");
        link.setOnAction(e -> navigate.accept(back));
        getChildren().add(new VBox(2, new HBox(link), title));
    }
}
