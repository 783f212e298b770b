package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.diagram.DiagramSelection;
import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.engine.model.DetectorModel;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ScrollPane;

/**
 * Shows the panel for the current {@link PropertyTarget}: the model, a state, an event or transition, an action or
 * the input definitions. {@link #follow} ties it to the diagram's selection (one state → its panel, one transition
 * → its transition event, nothing or several → the model); panels navigate further themselves (an event opened
 * in the state panel, an action in the event panel, the back link). After every change of the document the
 * panel re-reads its values in place; when its target is gone (an undo removed it) the nearest existing parent
 * is shown.
 */
public final class PropertiesPane extends ScrollPane {
    private final ModelDocument document;
    private final ReadOnlyObjectWrapper<PropertyTarget> target = new ReadOnlyObjectWrapper<>(PropertyTarget.MODEL);
    private PropertyPanel panel;
    private boolean rebuildPending;

    public PropertiesPane(ModelDocument document) {
        this.document = document;
        setFitToWidth(true);
        setId("properties");
        document.modelProperty().addListener((obs, old, now) -> refresh());
        document.inputsProperty().addListener((obs, old, now) -> refresh());
        show(PropertyTarget.MODEL);
    }

    public ModelDocument document() {
        return document;
    }

    public ReadOnlyObjectProperty<PropertyTarget> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** The panel shown now. */
    public PropertyPanel panel() {
        return panel;
    }

    /** Shows {@code wanted}, or its nearest existing parent when it does not exist (any more). */
    public void show(PropertyTarget wanted) {
        PropertyTarget shown = existing(wanted, document.model());
        panel = create(shown);
        target.set(shown);
        setContent(panel);
    }

    /** Shows the diagram's selection whenever it changes. */
    public void follow(ObservableValue<DiagramSelection> selection) {
        selection.addListener((obs, old, now) -> {
            PropertyTarget wanted = targetFor(now, document.model());
            if (!wanted.equals(target.get()) && !isInside(target.get(), wanted)) {
                show(wanted);
            }
        });
    }

    /** One state → the state, one transition → its transition event, anything else → the model. */
    public static PropertyTarget targetFor(DiagramSelection selection, DetectorModel model) {
        if (selection == null) {
            return PropertyTarget.MODEL;
        }
        if (selection.states().size() == 1 && selection.transitions().isEmpty()) {
            return new PropertyTarget.State(selection.states().iterator().next());
        }
        if (selection.transitions().size() == 1 && selection.states().isEmpty()) {
            Optional<EventRef> ref = EventRef.ofTransitionKey(model, selection.transitions().iterator().next());
            if (ref.isPresent()) {
                return new PropertyTarget.Event(ref.get());
            }
        }
        return PropertyTarget.MODEL;
    }

    private void refresh() {
        if (panel == null || rebuildPending || panel.refresh()) {
            return;
        }
        // rebuild after the change has finished: replacing the panel moves the focus, which may commit a field
        rebuildPending = true;
        Platform.runLater(() -> {
            rebuildPending = false;
            show(panel.target());
        });
    }

    private PropertyPanel create(PropertyTarget t) {
        if (t instanceof PropertyTarget.State s) {
            return new StatePanel(document, this::show, s.name());
        }
        if (t instanceof PropertyTarget.Event e) {
            return new EventPanel(document, this::show, e.ref());
        }
        if (t instanceof PropertyTarget.Action a) {
            return new ActionPanel(document, this::show, a.ref());
        }
        if (t instanceof PropertyTarget.Inputs) {
            return new InputsPanel(document, this::show);
        }
        return new ModelPanel(document, this::show);
    }

    static PropertyTarget existing(PropertyTarget t, DetectorModel model) {
        if (t instanceof PropertyTarget.Action a) {
            return a.ref().resolve(model).isPresent() ? t : existing(new PropertyTarget.Event(a.ref().event()), model);
        }
        if (t instanceof PropertyTarget.Event e) {
            return e.ref().resolve(model).isPresent() ? t
                    : existing(new PropertyTarget.State(e.ref().stateName()), model);
        }
        if (t instanceof PropertyTarget.State s) {
            return model.state(s.name()).isPresent() ? t : PropertyTarget.MODEL;
        }
        return t;
    }

    /** True when {@code shown} is an event/action inside the {@code selected} state (keep the deeper view). */
    private static boolean isInside(PropertyTarget shown, PropertyTarget selected) {
        if (selected instanceof PropertyTarget.State s) {
            if (shown instanceof PropertyTarget.Event e) {
                return e.ref().stateName().equals(s.name());
            }
            if (shown instanceof PropertyTarget.Action a) {
                return a.ref().event().stateName().equals(s.name());
            }
        }
        if (selected instanceof PropertyTarget.Event se && shown instanceof PropertyTarget.Action a) {
            return a.ref().event().equals(se.ref());
        }
        return false;
    }
}
