package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.document.ModelEdits;
import io.detectorstudio.engine.model.Event;
import io.detectorstudio.engine.model.ModelEvent;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Button;

/**
 * A state: its name, whether it is the initial state, and its event lists (onEnter, onInput events, onInput
 * transitions, onExit), each reorderable with add/remove; opening an event shows it. List ids: {@code onEnter},
 * {@code onInput}, {@code transitions}, {@code onExit} (see {@link ListEditor} for the buttons).
 */
public final class StatePanel extends PropertyPanel {
    private final String stateName;
    private final Form form = new Form();
    private final List<ListEditor> lists = new ArrayList<>();

    public StatePanel(ModelDocument document, Consumer<PropertyTarget> navigate, String stateName) {
        super(document, navigate);
        form.draftTo(document::draft);
        this.stateName = stateName;
        title("State " + stateName, "Model", PropertyTarget.MODEL);
        form.text("Name", "state-name", TextInputs.plain(), FieldRules.member("State", "stateName"), true, false,
                () -> stateName, v -> {
                    if (v != null && document.renameState(stateName, v)) {
                        navigate.accept(new PropertyTarget.State(v.strip()));
                    } else if (!document.isDrafting()) {
                        form.refresh(); // refused (blank or taken): show the name it keeps
                    }
                });
        form.check("Initial state", "state-initial", () -> stateName.equals(initialState()), on -> {
            if (on) {
                document.edit("Initial state " + stateName, m -> m.withDetectorModelDefinition(
                        ModelEdits.definition(m).withInitialStateName(stateName)));
            } else {
                form.refresh(); // a model always starts somewhere: pick another state instead
            }
        });
        getChildren().add(form.node());
        addList("On enter", "onEnter", State.EventList.ON_ENTER);
        addList("On input", "onInput", State.EventList.ON_INPUT);
        addList("Transitions", "transitions", State.EventList.TRANSITIONS);
        addList("On exit", "onExit", State.EventList.ON_EXIT);
    }

    private String initialState() {
        return ModelEdits.definition(document.model()).initialStateName();
    }

    private Optional<State> state() {
        return document.model().state(stateName);
    }

    private List<? extends ModelEvent> events(State.EventList list) {
        return state().map(s -> ModelEdits.events(s, list)).orElse(List.of());
    }

    private void addList(String title, String id, State.EventList list) {
        Button add = new Button("Add");
        add.setId(id + "-add");
        add.setOnAction(e -> addEvent(list));
        ListEditor editor = new ListEditor(title, id, () -> events(list).stream().map(StatePanel::label).toList(), add,
                i -> document.edit("Remove event", m -> ModelEdits.editEventList(m, stateName, list, l -> l.remove((int) i))),
                (from, to) -> document.edit("Move event",
                        m -> ModelEdits.editEventList(m, stateName, list, l -> ModelEdits.move(l, from, to))),
                i -> navigate.accept(new PropertyTarget.Event(new EventRef(stateName, list, i))));
        lists.add(editor);
        getChildren().add(editor);
    }

    private void addEvent(State.EventList list) {
        State state = state().orElse(null);
        if (state == null) {
            return;
        }
        boolean transition = list == State.EventList.TRANSITIONS;
        String name = ModelEdits.uniqueEventName(state, transition ? "transition" : "event");
        ModelEvent event = transition ? new TransitionEvent(name, "true", List.of(), stateName)
                : new Event(name, null, List.of());
        int index = events(list).size();
        if (document.edit("Add event " + name, m -> ModelEdits.editEventList(m, stateName, list, l -> l.add(event)))) {
            navigate.accept(new PropertyTarget.Event(new EventRef(stateName, list, index)));
        }
    }

    static String label(ModelEvent e) {
        String name = e.eventName() == null ? "(no name)" : e.eventName();
        String next = e instanceof TransitionEvent t ? " → " + t.nextState() : "";
        return e.condition() == null ? name + next : name + next + "  [" + e.condition() + "]";
    }

    public Form form() {
        return form;
    }

    @Override
    public PropertyTarget target() {
        return new PropertyTarget.State(stateName);
    }

    @Override
    public boolean refresh() {
        if (state().isEmpty()) {
            return false;
        }
        form.refresh();
        lists.forEach(ListEditor::refresh);
        return true;
    }
}
