package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ActionRef;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.UnknownAction;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** One action: the form of its type ({@link ActionForms}); an unknown action is shown as its JSON, read only. */
public final class ActionPanel extends PropertyPanel {
    private final ActionRef ref;
    private final String key;
    private final Form form = new Form();

    public ActionPanel(ModelDocument document, Consumer<PropertyTarget> navigate, ActionRef ref) {
        super(document, navigate);
        form.draftTo(document::draft);
        this.ref = ref;
        Action action = ref.resolve(document.model()).orElseThrow();
        this.key = action.key();
        String eventName = ref.event().resolve(document.model()).map(e -> e.eventName()).orElse("event");
        title(key + " action", "Event " + eventName, new PropertyTarget.Event(ref.event()));
        if (ActionForms.build(form, document, ref, action)) {
            getChildren().add(form.node());
        } else {
            Label why = new Label("'" + key + "' is not an action the API defines (it is kept as written; "
                    + "validate reports it). Remove it and add one of the 13 action types instead.");
            why.setWrapText(true);
            TextArea json = new TextArea(((UnknownAction) action).json().toPrettyString());
            json.setEditable(false);
            json.setId("unknown-action-json");
            getChildren().addAll(why, json);
        }
    }

    public Form form() {
        return form;
    }

    /** The action type this panel was built for. */
    public String key() {
        return key;
    }

    @Override
    public PropertyTarget target() {
        return new PropertyTarget.Action(ref);
    }

    @Override
    public boolean refresh() {
        Optional<Action> now = ref.resolve(document.model());
        if (now.isEmpty() || !now.get().key().equals(key)) {
            return false;
        }
        form.refresh();
        return true;
    }
}
