package io.detectorstudio.editor.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.ModelGraphReader;
import io.detectorstudio.editor.graph.Point;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.TransitionEvent;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Diagram operations edit the real model, undo exactly, and an unedited save is byte-identical. */
class ModelDocumentTest {
    private ModelDocument doc;
    private DetectorModel loaded;
    private DiagramGraph loadedGraph;

    static Path bundled(String name) throws Exception {
        return Path.of(ModelDocumentTest.class.getResource("/models/" + name).toURI());
    }

    @BeforeEach
    void open() throws Exception {
        doc = ModelDocument.open(bundled("devguide__motorDetectorModel.json"));
        loaded = doc.model();
        loadedGraph = doc.graphProperty().get();
    }

    private void assertUndoRestoresAndRedoReapplies() {
        DetectorModel edited = doc.model();
        DiagramGraph editedGraph = doc.graphProperty().get();
        assertThat(doc.commands().isDirty()).isTrue();
        doc.commands().undo();
        assertThat(doc.model()).isEqualTo(loaded);
        assertThat(doc.graphProperty().get()).isEqualTo(loadedGraph);
        assertThat(doc.commands().isDirty()).isFalse();
        doc.commands().redo();
        assertThat(doc.model()).isEqualTo(edited);
        assertThat(doc.graphProperty().get()).isEqualTo(editedGraph);
    }

    @Test
    void addStateAddsAnEmptyStateToTheModelWhereDropped() {
        String name = doc.addState(new Point(500, 300));
        assertThat(name).isEqualTo("State");
        assertThat(doc.model().state("State")).contains(new State("State", null, null, null));
        assertThat(doc.graphProperty().get().state("State").orElseThrow().position()).isEqualTo(new Point(500, 300));
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void addTransitionAddsATransitionEventToTheSourceStatesOnInput() {
        String key = doc.addTransition("Normal", "Normal");
        assertThat(key).isEqualTo("Normal/to_Normal");
        List<TransitionEvent> transitions = doc.model().state("Normal").orElseThrow().transitionEvents();
        assertThat(transitions).hasSize(2);
        assertThat(transitions.get(1)).isEqualTo(new TransitionEvent("to_Normal", "true", List.of(), "Normal"));
        assertThat(doc.graphProperty().get().transition(key)).isPresent();
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void renamingAStateRenamesNextStateReferencesAndTheInitialState() {
        Point at = loadedGraph.state("Normal").orElseThrow().position();
        assertThat(doc.renameState("Normal", "Calm")).isTrue();
        DetectorModel m = doc.model();
        assertThat(m.detectorModelDefinition().initialStateName()).isEqualTo("Calm");
        assertThat(m.state("Calm")).isPresent();
        assertThat(m.state("Normal")).isEmpty();
        assertThat(m.state("Dangerous").orElseThrow().transitionEvents().get(0).nextState()).isEqualTo("Calm");
        DiagramState calm = doc.graphProperty().get().state("Calm").orElseThrow();
        assertThat(calm.position()).isEqualTo(at);
        assertThat(calm.initial()).isTrue();
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void renameToATakenOrBlankNameChangesNothing() {
        assertThat(doc.renameState("Normal", "Dangerous")).isFalse();
        assertThat(doc.renameState("Normal", "  ")).isFalse();
        assertThat(doc.commands().canUndoProperty().get()).isFalse();
    }

    @Test
    void deletingAStateRemovesTransitionsIntoItAndMovesTheInitialState() {
        doc.remove(Set.of("Normal"), Set.of());
        DetectorModel m = doc.model();
        assertThat(m.states()).extracting(State::stateName).containsExactly("Dangerous");
        assertThat(m.state("Dangerous").orElseThrow().transitionEvents()).isEmpty();
        assertThat(m.detectorModelDefinition().initialStateName()).isEqualTo("Dangerous");
        assertThat(doc.graphProperty().get().transitions()).isEmpty();
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void deletingATransitionRemovesOnlyThatTransitionEvent() {
        doc.remove(Set.of(), Set.of("Dangerous/BackToNormal"));
        assertThat(doc.model().state("Dangerous").orElseThrow().transitionEvents()).isEmpty();
        assertThat(doc.model().state("Normal").orElseThrow().transitionEvents()).hasSize(1);
        assertThat(doc.model().state("Dangerous").orElseThrow().onInput().events()).hasSize(2);
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void repeatedTransitionNamesAreAddressedByNumberAndDeletingOneKeepsTheOthersRoutes() throws Exception {
        ModelDocument isa = ModelDocument.open(bundled("devguide__AWS_IoTEvents_Blueprints_ISA_Alarm.json"));
        DiagramGraph before = isa.graphProperty().get();
        assertThat(before.transitions()).hasSize(31).allSatisfy(t -> assertThat(t.route()).isNotEmpty());
        assertThat(EventRef.ofTransitionKey(isa.model(), "Shelved/unshelve#3"))
                .contains(new EventRef("Shelved", State.EventList.TRANSITIONS, 2));
        assertThat(EventRef.ofTransitionKey(isa.model(), "Shelved/unshelve#5")).isEmpty();

        isa.remove(Set.of(), Set.of("Shelved/unshelve#2"));
        assertThat(isa.model().state("Shelved").orElseThrow().transitionEvents())
                .extracting(TransitionEvent::nextState).containsExactly("RTN_Unacknowledged", "Unacknowledged", "Normal");
        DiagramGraph after = isa.graphProperty().get();
        assertThat(after.transitions(before.transition("Shelved/unshelve").orElseThrow().from(), "unshelve"))
                .extracting(DiagramTransition::key, DiagramTransition::to, DiagramTransition::route)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Shelved/unshelve", "RTN_Unacknowledged",
                                before.transition("Shelved/unshelve").orElseThrow().route()),
                        org.assertj.core.groups.Tuple.tuple("Shelved/unshelve#2", "Unacknowledged",
                                before.transition("Shelved/unshelve#3").orElseThrow().route()),
                        org.assertj.core.groups.Tuple.tuple("Shelved/unshelve#3", "Normal",
                                before.transition("Shelved/unshelve#4").orElseThrow().route()));
        isa.commands().undo();
        assertThat(isa.graphProperty().get()).isEqualTo(before);
    }

    @Test
    void reorderingSameNamedTransitionsKeepsEachRouteWithItsEdge() throws Exception {
        ModelDocument isa = ModelDocument.open(bundled("devguide__AWS_IoTEvents_Blueprints_ISA_Alarm.json"));
        DiagramGraph before = isa.graphProperty().get();
        isa.edit("Move down", m -> ModelEdits.editEventList(m, "Shelved", State.EventList.TRANSITIONS,
                list -> ModelEdits.move(list, 0, 3)));
        DiagramTransition moved = isa.graphProperty().get().transition("Shelved/unshelve#4").orElseThrow();
        assertThat(moved.to()).isEqualTo("RTN_Unacknowledged");
        assertThat(moved.route()).isEqualTo(before.transition("Shelved/unshelve").orElseThrow().route());
    }

    @Test
    void movingIsOneStepThatChangesOnlyTheLayout() {
        DiagramGraph before = doc.graphProperty().get();
        doc.previewPositions(Map.of("Normal", new Point(10, 10)));
        doc.previewPositions(Map.of("Normal", new Point(90, 70)));
        doc.commitMove("Move", before);
        assertThat(doc.model()).isEqualTo(loaded);
        assertThat(doc.graphProperty().get().state("Normal").orElseThrow().position()).isEqualTo(new Point(90, 70));
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void pasteCopiesStateContentRenamingClashesAndTheirTransitions() {
        Object clip = doc.copy(Set.of("Normal", "Dangerous"));
        Set<String> created = doc.paste(clip, new Point(30, 30));
        assertThat(created).containsExactly("Normal_copy", "Dangerous_copy");
        State copy = doc.model().state("Dangerous_copy").orElseThrow();
        assertThat(copy.onExit()).isEqualTo(loaded.state("Dangerous").orElseThrow().onExit());
        assertThat(copy.transitionEvents().get(0).nextState()).isEqualTo("Normal_copy");
        assertThat(doc.model().state("Normal_copy").orElseThrow().transitionEvents().get(0).nextState())
                .isEqualTo("Dangerous_copy");
        assertThat(doc.model().detectorModelDefinition().initialStateName()).isEqualTo("Normal");
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void aGroupOfEditsIsOneUndoStep() {
        doc.commands().beginGroup("Two edits");
        doc.edit("key", m -> m.withKey("motor"));
        doc.edit("description", m -> m.withDetectorModelDescription("a motor"));
        doc.commands().endGroup();
        assertThat(doc.model().key()).isEqualTo("motor");
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void aNoOpEditIsNotRecorded() {
        assertThat(doc.edit("same", m -> m)).isFalse();
        assertThat(doc.commands().canUndoProperty().get()).isFalse();
    }

    @Test
    void savingAnEditWritesItOverTheOriginalTreeAndSavingMarksClean(@TempDir Path dir) throws Exception {
        doc.edit("Evaluation method", m -> m.withEvaluationMethod("SERIAL"));
        Path target = dir.resolve("motor.json");
        doc.save(target, 1.0);
        assertThat(doc.commands().isDirty()).isFalse();
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(bundled("devguide__motorDetectorModel.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("evaluationMethod", "SERIAL");
        assertThat(json.readTree(target.toFile())).isEqualTo(expected);
        assertThat(Files.exists(dir.resolve("motor.layout.json"))).isTrue();
        ModelDocument reopened = ModelDocument.open(target);
        assertThat(reopened.model()).isEqualTo(doc.model());
        assertThat(reopened.graphProperty().get().positions()).isEqualTo(doc.graphProperty().get().positions());
    }

    @Test
    void undoingBackToTheLoadedModelSavesTheOriginalBytes() throws Exception {
        doc.renameState("Normal", "Calm");
        doc.commands().undo();
        assertThat(doc.modelBytes()).isEqualTo(Files.readAllBytes(bundled("devguide__motorDetectorModel.json")));
    }

    static Stream<Path> corpusModels() {
        return SharedCorpus.files("corpus/models", ".json").stream();
    }

    @ParameterizedTest
    @MethodSource("corpusModels")
    void everyCorpusModelSavesByteIdenticalWhenUneditedAndDrawsLikeTheReader(Path file) throws Exception {
        ModelDocument opened = ModelDocument.open(file);
        assertThat(opened.modelBytes()).isEqualTo(Files.readAllBytes(file));
        // the edit path with nothing edited writes the same JSON as the original tree
        assertThat(new io.detectorstudio.engine.io.ModelWriter().requestJson(opened.loadedModel()))
                .isEqualTo(new io.detectorstudio.engine.io.ModelWriter().requestJson(
                        new io.detectorstudio.engine.io.ModelLoader().load(file).model(null)));
        DiagramGraph read = ModelGraphReader.read(file);
        DiagramGraph derived = opened.graphProperty().get();
        assertThat(derived.states()).extracting(DiagramState::name, DiagramState::initial, DiagramState::markers)
                .containsExactlyElementsOf(read.states().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.name(), s.initial(), s.markers())).toList());
        assertThat(derived.transitions()).extracting(DiagramTransition::key, DiagramTransition::to)
                .containsExactlyElementsOf(read.transitions().stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.key(), t.to())).toList());
    }
}
