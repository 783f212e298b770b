package io.detectorstudio.app.gui.sim;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds text a user cannot read whole: visible labels (cells, headers, buttons…) drawn shortened with "…". */
public final class CutTexts {

    private CutTexts() {
    }

    /** Every visible label under {@code root} whose text is drawn shortened, as "text → shown" (FX thread). */
    public static List<String> in(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                // the label's own text node (an icon is a Text too, but not the label's text)
                if (c instanceof Text t && c.isVisible() && c.getStyleClass().contains("text")
                        && !t.getText().equals(l.getText())) {
                    out.add(l.getText() + " → " + t.getText());
                }
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
