package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ActionRef;
import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.document.ModelEdits;
import io.detectorstudio.editor.expression.ModelSymbols;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.ModelEvent;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/**
 * An event or transition event: name, condition, (for a transition) the next state chosen from the model's states,
 * and its actions with add (one menu item per action type, ids {@code add-action-<key>}), remove, reorder, open.
 */
public final class EventPanel extends PropertyPanel {
    private final EventRef ref;
    private final Form form = new Form();
    private final ListEditor actions;
    private ComboBox<String> nextState;

    public EventPanel(ModelDocument document, Consumer<PropertyTarget> navigate, EventRef ref) {
        super(document, navigate);
        form.draftTo(document::draft);
        this.ref = ref;
        boolean transition = ref.list() == State.EventList.TRANSITIONS;
        String structure = transition ? "TransitionEvent" : "Event";
        title((transition ? "Transition of " : "Event of ") + ref.stateName(), "State " + ref.stateName(),
                new PropertyTarget.State(ref.stateName()));
        form.text("Name", "event-name", TextInputs.plain(), FieldRules.member(structure, "eventName"), true, false,
                () -> event().map(ModelEvent::eventName).orElse(null),
                v -> edit("Rename event", e -> ModelEdits.withEventName(e, v)));
        form.text("Condition", "event-condition", TextInputs.expression(FieldKind.EXPRESSION, ModelSymbols.from(document.model(), document.inputs())),
                FieldRules.member(structure, "condition").and(FieldRules.syntax(FieldKind.EXPRESSION)),
                transition, !transition,
                () -> event().map(ModelEvent::condition).orElse(null),
                v -> edit("Edit condition", e -> ModelEdits.withCondition(e, v)));
        if (transition) {
            nextState = form.choice("Next state", "event-next-state", stateNames(),
                    () -> event().map(e -> ((TransitionEvent) e).nextState()).orElse(null),
                    v -> edit("Next state " + v, e -> ((TransitionEvent) e).withNextState(v)));
        }
        getChildren().add(form.node());
        MenuButton add = new MenuButton("Add");
        add.setId("add-action");
        for (String key : NewActions.KEYS) {
            MenuItem item = new MenuItem(key);
            item.setId("add-action-" + key);
            item.setOnAction(e -> addAction(key));
            add.getItems().add(item);
        }
        actions = new ListEditor("Actions", "actions",
                () -> event().map(e -> e.actions().stream().map(ActionLabels::label).toList()).orElse(List.of()), add,
                i -> editActions("Remove action", l -> l.remove((int) i)),
                (from, to) -> editActions("Move action", l -> ModelEdits.move(l, from, to)),
                i -> navigate.accept(new PropertyTarget.Action(new ActionRef(ref, i))));
        getChildren().add(actions);
    }

    /** Adds an action of type {@code key} with its defaults and opens it. */
    public void addAction(String key) {
        int index = event().map(e -> e.actions().size()).orElse(-1);
        if (index >= 0 && editActions("Add " + key + " action", l -> l.add(NewActions.create(key)))) {
            navigate.accept(new PropertyTarget.Action(new ActionRef(ref, index)));
        }
    }

    private List<String> stateNames() {
        return document.model().states().stream().map(State::stateName).toList();
    }

    private Optional<ModelEvent> event() {
        return ref.resolve(document.model());
    }

    private boolean edit(String description, UnaryOperator<ModelEvent> change) {
        return document.edit(description, m -> ref.update(m, change));
    }

    private boolean editActions(String description, Consumer<List<Action>> change) {
        return edit(description, e -> {
            List<Action> list = new ArrayList<>(e.actions());
            change.accept(list);
            return ModelEdits.withActions(e, list);
        });
    }

    public Form form() {
        return form;
    }

    @Override
    public PropertyTarget target() {
        return new PropertyTarget.Event(ref);
    }

    @Override
    public boolean refresh() {
        if (event().isEmpty()) {
            return false;
        }
        if (nextState != null && !nextState.getItems().equals(stateNames())) {
            nextState.getItems().setAll(stateNames());
        }
        form.refresh();
        actions.refresh();
        return true;
    }
}
