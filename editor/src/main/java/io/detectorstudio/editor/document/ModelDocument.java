package io.detectorstudio.editor.document;

import io.detectorstudio.editor.command.CommandStack;
import io.detectorstudio.editor.command.ValueChange;
import io.detectorstudio.editor.diagram.DiagramDocument;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.editor.graph.StateMarkers;
import io.detectorstudio.editor.layout.DiagramLayout;
import io.detectorstudio.editor.layout.ElkLayouter;
import io.detectorstudio.editor.layout.LayoutSidecar;
import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.io.ModelWriter;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The open detector model: the immutable {@link DetectorModel}, its input definitions and its diagram (layout) as
 * one {@link Content} value. Every change is a {@link ValueChange} of that value on {@link #commands()}, so undo,
 * redo, groups and the dirty flag cover model, inputs and layout alike. As a {@link DiagramDocument} the canvas
 * edits the real model: renaming a state renames its references, a new transition is a {@link TransitionEvent} in
 * the source state's onInput, deleting a state drops the transitions into it.
 *
 * <p>Saving writes the file's own bytes while the model equals the one read (so an unedited save is byte-identical),
 * otherwise the edited model written over the original request tree ({@link LoadedModel#withModel}), which keeps
 * unknown members, key order and number formatting of the parts not edited.
 */
public final class ModelDocument implements DiagramDocument {

    /** Everything a command swaps: model, inputs and the placed diagram derived from the model. */
    public record Content(DetectorModel model, List<Input> inputs, DiagramGraph graph) {
        public Content {
            inputs = List.copyOf(inputs);
        }
    }

    /** What {@link #copy} hands to {@link #paste}: states with their content and their positions. */
    record Clip(List<State> states, Map<String, Point> positions) {
    }

    private final CommandStack commands = new CommandStack();
    private final ReadOnlyObjectWrapper<Content> content;
    private final ReadOnlyObjectWrapper<DetectorModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DiagramGraph> graph = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Input>> inputs = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Content> draft = new ReadOnlyObjectWrapper<>();
    private Content[] capturing;
    private final LoadedModel original;
    private final DetectorModel originalModel;
    private final byte[] originalBytes;

    /**
     * @param loaded        the model as read (its request tree is what edits are written over)
     * @param inputs        the input definitions that go with it (may be empty)
     * @param layout        the saved layout, or null; when it does not place every state ELK arranges the diagram
     * @param originalBytes the file's bytes when {@code loaded} is the request-shaped file itself, else null
     */
    public ModelDocument(LoadedModel loaded, List<Input> inputs, DiagramLayout layout, byte[] originalBytes) {
        this.original = loaded;
        this.originalModel = loaded.model();
        this.originalBytes = originalBytes == null ? null : originalBytes.clone();
        DiagramGraph unplaced = ModelGraphs.derive(originalModel, DiagramGraph.EMPTY);
        DiagramGraph placed = layout != null && layout.covers(unplaced) ? layout.applyTo(unplaced)
                : ElkLayouter.arrange(unplaced);
        this.content = new ReadOnlyObjectWrapper<>();
        this.content.addListener((obs, old, now) -> {
            model.set(now.model());
            this.inputs.set(now.inputs());
            graph.set(now.graph());
            draft.set(null); // a real change: whatever was being typed is committed or gone
        });
        this.content.set(new Content(originalModel, inputs, placed));
    }

    /** Reads a model file (any shape {@link ModelLoader} knows; the first model) with its inputs and sidecar layout. */
    public static ModelDocument open(Path file) throws IOException, ModelReadException, LayoutSidecar.LayoutException {
        byte[] bytes = Files.readAllBytes(file);
        ModelFile read = new ModelLoader().load(file, bytes);
        LoadedModel loaded = read.model(null);
        DiagramLayout layout = LayoutSidecar.read(LayoutSidecar.sidecarFor(file)).orElse(null);
        List<Input> inputs = read.inputs().stream().map(LoadedInput::input).toList();
        boolean request = read.shape() == io.detectorstudio.engine.io.ModelShape.REQUEST;
        return new ModelDocument(loaded, inputs, layout, request ? bytes : null);
    }

    // ---- observation ----

    public ReadOnlyObjectProperty<Content> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DetectorModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public DetectorModel model() {
        return model.get();
    }

    public ReadOnlyObjectProperty<List<Input>> inputsProperty() {
        return inputs.getReadOnlyProperty();
    }

    public List<Input> inputs() {
        return inputs.get();
    }

    @Override
    public ReadOnlyObjectProperty<DiagramGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    @Override
    public CommandStack commands() {
        return commands;
    }

    // ---- model edits (each one undo step; no-ops never reach the history) ----

    /** Applies {@code change} to the model as one command; false when it changed nothing. */
    public boolean edit(String description, UnaryOperator<DetectorModel> change) {
        Content before = content.get();
        DetectorModel after = change.apply(before.model());
        return swap(description, new Content(after, before.inputs(), ModelGraphs.derive(after, before.graph())));
    }

    /** Applies {@code change} to the input definitions as one command. */
    public boolean editInputs(String description, UnaryOperator<List<Input>> change) {
        Content before = content.get();
        return swap(description, new Content(before.model(), change.apply(before.inputs()), before.graph()));
    }

    private boolean swap(String description, Content after) {
        Content before = content.get();
        if (capturing != null) {
            capturing[0] = after.equals(before) ? null : after;
            return false; // nothing happened: callers do not follow up (navigate, select) on a draft
        }
        if (after.equals(before)) {
            return false;
        }
        commands.execute(new ValueChange<>(description, before, after, content::set));
        return true;
    }

    // ---- drafts: what is being typed, not committed yet ----

    /**
     * Runs {@code edits} (the commit of a field being typed in) without committing: the content they would give
     * becomes {@link #draftProperty()} (null when they change nothing), for problems to be checked as the user types.
     * The draft goes with the next real change.
     */
    public void draft(Runnable edits) {
        Content[] captured = {null};
        capturing = captured;
        try {
            edits.run();
        } finally {
            capturing = null;
        }
        draft.set(captured[0]);
    }

    /** True while {@link #draft} runs the edits: a panel must not react to a refused edit then (nothing was refused). */
    public boolean isDrafting() {
        return capturing != null;
    }

    /** The content with the text being typed applied, or null when nothing uncommitted differs. */
    public ReadOnlyObjectProperty<Content> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    // ---- saving ----

    /** The model JSON to save: the original bytes while unedited, else the edit written over the original tree. */
    public byte[] modelBytes() {
        if (originalBytes != null && model().equals(originalModel)) {
            return originalBytes.clone();
        }
        return new ModelWriter().requestJson(original.withModel(model())).getBytes(StandardCharsets.UTF_8);
    }

    /** The current model as a request tree over the original (for validation and the engine). */
    public LoadedModel loadedModel() {
        return loadedModel(model());
    }

    /** {@code model} (e.g. a draft's) as a request tree over the original. */
    public LoadedModel loadedModel(DetectorModel model) {
        return original.withModel(model);
    }

    /** Writes the model JSON and its layout sidecar (atomically) and marks the history position as saved. */
    public void save(Path target, double zoom) throws IOException {
        AtomicFiles.write(target, modelBytes());
        AtomicFiles.write(LayoutSidecar.sidecarFor(target),
                LayoutSidecar.format(DiagramLayout.of(graph.get(), zoom)).getBytes(StandardCharsets.UTF_8));
        commands.markSaved();
    }

    // ---- DiagramDocument ----

    @Override
    public String addState(Point topLeft) {
        Content before = content.get();
        String name = DiagramGraph.uniqueName("State", before.graph()::hasState);
        DetectorModel after = ModelEdits.addStates(before.model(), List.of(new State(name, null, null, null)));
        DiagramGraph hint = before.graph().withState(new DiagramState(name, topLeft, false, StateMarkers.NONE));
        swap("Add State " + name, new Content(after, before.inputs(), ModelGraphs.derive(after, hint)));
        return name;
    }

    /** The new transition fires always ({@code condition "true"}) until its condition is edited. */
    @Override
    public String addTransition(String from, String to) {
        Optional<State> source = model().state(from);
        if (source.isEmpty() || model().state(to).isEmpty()) {
            return null;
        }
        String event = ModelEdits.uniqueEventName(source.get(), "to_" + to);
        edit("Add Transition", m -> ModelEdits.addTransition(m, from, new TransitionEvent(event, "true", List.of(), to)));
        List<io.detectorstudio.editor.graph.DiagramTransition> added = graph.get().transitions(from, event);
        return added.get(added.size() - 1).key();
    }

    /**
     * The graph loses the same transitions first, so the keys of same-named transitions after a removed one
     * ({@code from/event#3} becoming {@code #2}) move together with their saved routes.
     */
    @Override
    public void remove(Set<String> states, Set<String> transitionKeys) {
        Content before = content.get();
        DetectorModel after = ModelEdits.remove(before.model(), states, transitionKeys);
        DiagramGraph hint = before.graph().without(states, transitionKeys);
        swap("Delete", new Content(after, before.inputs(), ModelGraphs.derive(after, hint)));
    }

    @Override
    public boolean renameState(String oldName, String newName) {
        String name = newName.strip();
        Content before = content.get();
        if (name.isEmpty() || before.model().state(name).isPresent() || before.model().state(oldName).isEmpty()) {
            return false;
        }
        DetectorModel after = ModelEdits.renameState(before.model(), oldName, name);
        DiagramGraph hint = before.graph().withRenamedState(oldName, name);
        return swap("Rename " + oldName, new Content(after, before.inputs(), ModelGraphs.derive(after, hint)));
    }

    @Override
    public void previewPositions(Map<String, Point> positions) {
        Content now = content.get();
        content.set(new Content(now.model(), now.inputs(), now.graph().withPositions(positions)));
    }

    @Override
    public void commitMove(String description, DiagramGraph beforeDrag) {
        Content now = content.get();
        if (!now.graph().equals(beforeDrag)) {
            commands.record(new ValueChange<>(description, new Content(now.model(), now.inputs(), beforeDrag), now,
                    content::set));
        }
    }

    @Override
    public void applyLayout(DiagramGraph arranged) {
        Content before = content.get();
        swap("Arrange", new Content(before.model(), before.inputs(), ModelGraphs.derive(before.model(), arranged)));
    }

    @Override
    public Object copy(Set<String> states) {
        Map<String, Point> positions = new LinkedHashMap<>();
        List<State> copied = new ArrayList<>();
        for (State s : model().states()) {
            if (states.contains(s.stateName())) {
                copied.add(s);
                graph.get().state(s.stateName()).ifPresent(d -> positions.put(s.stateName(), d.position()));
            }
        }
        return new Clip(copied, positions);
    }

    /**
     * Pasted states keep their names unless taken ({@code name_copy}, {@code name_copy2}…); transitions among them
     * follow the new names, transitions to a state that exists neither in the clip nor in the model are dropped.
     */
    @Override
    public Set<String> paste(Object clip, Point offset) {
        if (!(clip instanceof Clip copied) || copied.states().isEmpty()) {
            return Set.of();
        }
        Content before = content.get();
        Set<String> taken = new HashSet<>();
        before.model().states().forEach(s -> taken.add(s.stateName()));
        Map<String, String> names = new LinkedHashMap<>();
        for (State s : copied.states()) {
            String name = taken.contains(s.stateName())
                    ? DiagramGraph.uniqueName(s.stateName() + "_copy", taken::contains) : s.stateName();
            taken.add(name);
            names.put(s.stateName(), name);
        }
        List<State> added = new ArrayList<>();
        DiagramGraph hint = before.graph();
        for (State s : copied.states()) {
            State renamed = ModelEdits.renamedIn(s, names);
            List<TransitionEvent> kept = renamed.transitionEvents().stream()
                    .filter(t -> taken.contains(t.nextState())).toList();
            if (kept.size() != renamed.transitionEvents().size()) {
                renamed = ModelEdits.withEvents(renamed, State.EventList.TRANSITIONS, kept);
            }
            added.add(renamed);
            Point at = copied.positions().getOrDefault(s.stateName(), new Point(0, 0)).plus(offset.x(), offset.y());
            hint = hint.withState(new DiagramState(renamed.stateName(), at, false, StateMarkers.NONE));
        }
        DetectorModel after = ModelEdits.addStates(before.model(), added);
        swap("Paste", new Content(after, before.inputs(), ModelGraphs.derive(after, hint)));
        return new LinkedHashSet<>(names.values());
    }
}
