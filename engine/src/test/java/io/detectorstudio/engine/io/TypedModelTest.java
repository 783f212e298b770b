package io.detectorstudio.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.AssetPropertyTimestamp;
import io.detectorstudio.engine.model.AssetPropertyValue;
import io.detectorstudio.engine.model.AssetPropertyVariant;
import io.detectorstudio.engine.model.ClearTimerAction;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.DetectorModelDefinition;
import io.detectorstudio.engine.model.DynamoDbAction;
import io.detectorstudio.engine.model.DynamoDbV2Action;
import io.detectorstudio.engine.model.Event;
import io.detectorstudio.engine.model.ExpressionField;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.FirehoseAction;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.IotEventsAction;
import io.detectorstudio.engine.model.IotSiteWiseAction;
import io.detectorstudio.engine.model.IotTopicPublishAction;
import io.detectorstudio.engine.model.LambdaAction;
import io.detectorstudio.engine.model.LocatedEvent;
import io.detectorstudio.engine.model.OnInputLifecycle;
import io.detectorstudio.engine.model.Payload;
import io.detectorstudio.engine.model.ResetTimerAction;
import io.detectorstudio.engine.model.SetTimerAction;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.SnsAction;
import io.detectorstudio.engine.model.SqsAction;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.model.Tag;
import io.detectorstudio.engine.model.TransitionEvent;
import io.detectorstudio.engine.model.UnknownAction;
import io.detectorstudio.engine.testing.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed model: reading every real model, lookups with JSON paths, canonical writing, edits over an original. */
class TypedModelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ModelLoader loader = new ModelLoader();
    private final ModelTreeReader reader = new ModelTreeReader();
    private final ModelTreeWriter writer = new ModelTreeWriter();

    static Stream<Path> allModels() throws Exception {
        List<Path> files = new ArrayList<>(RoundTripTest.bundledModels().toList());
        files.addAll(SharedCorpus.files("corpus/models", ".json"));
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("allModels")
    void everyModelReadsWritesCanonicallyAndReadsBackEqual(Path file) throws Exception {
        ModelFile read = loader.load(file);
        LoadedModel loaded = read.models().get(0);
        DetectorModel model = loaded.model();

        assertThat(model.detectorModelName()).isEqualTo(loaded.request().path("detectorModelName").asText(null));
        assertThat(model.states()).hasSize(loaded.request().path("detectorModelDefinition").path("states").size());
        assertThat(model.state(model.detectorModelDefinition().initialStateName())).isPresent();
        assertThat(reader.detectorModel(writer.detectorModel(model))).isEqualTo(model);
    }

    @ParameterizedTest
    @MethodSource("allModels")
    void everyExpressionFieldPathPointsAtItsTextAndHasASourceRange(Path file) throws Exception {
        ModelFile read = loader.load(file);
        LoadedModel loaded = read.models().get(0);
        List<ExpressionField> fields = loaded.model().expressionFields();

        assertThat(fields).isNotEmpty();
        for (ExpressionField field : fields) {
            assertThat(loaded.request().at(pointer(field.path())).asText()).as(field.path()).isEqualTo(field.text());
            assertThat(read.source().ranges()).as(field.path()).containsKey(loaded.filePath().apply(field.path()));
        }
    }

    @ParameterizedTest
    @MethodSource("allModels")
    void writingAnUnchangedModelOverItsOriginalGivesTheOriginalBack(Path file) throws Exception {
        ObjectNode original = loader.load(file).models().get(0).request();
        ObjectNode written = writer.detectorModel(reader.detectorModel(original), original);

        assertThat(written).isEqualTo(original);
        assertSameKeyOrder(original, written, "$");
    }

    @Test
    void lookupsGiveStatesEventsAndFieldKindsWithPaths() throws Exception {
        DetectorModel model = bundled("devguide__motorDetectorModel.json").model();

        assertThat(model.state("Dangerous")).isPresent();
        assertThat(model.state("Nowhere")).isEmpty();
        LocatedEvent first = model.events().get(0);
        assertThat(first.path()).isEqualTo("$.detectorModelDefinition.states[0].onEnter.events[0]");
        assertThat(first.stateName()).isEqualTo("Normal");
        assertThat(model.events()).anySatisfy(e -> {
            assertThat(e.list()).isEqualTo(State.EventList.TRANSITIONS);
            assertThat(((TransitionEvent) e.event()).nextState()).isEqualTo("Dangerous");
        });
        assertThat(model.expressionFields()).contains(new ExpressionField(
                "$.detectorModelDefinition.states[0].onEnter.events[0].condition", "true", FieldKind.EXPRESSION));
    }

    @Test
    void allThirteenActionTypesWriteAndReadBack() {
        Payload json = new Payload("{\"a\": ${$input.in.x}}", "JSON");
        List<Action> actions = List.of(
                new SetVariableAction("v", "$input.in.x + 1"),
                new SetTimerAction("t", 60, null),
                new SetTimerAction("t2", null, "$variable.delay"),
                new ResetTimerAction("t"),
                new ClearTimerAction("t"),
                new SnsAction("arn:aws:sns:us-east-1:123456789012:topic", new Payload("'hi'", "STRING")),
                new IotTopicPublishAction("alarms/${$input.in.id}", null),
                new LambdaAction("arn:aws:lambda:us-east-1:123456789012:function:f", null),
                new IotEventsAction("other", json),
                new SqsAction("https://sqs.us-east-1.amazonaws.com/123456789012/q", true, null),
                new FirehoseAction("stream", "\n", null),
                new DynamoDbAction("'STRING'", "'id'", "$input.in.id", null, null, null, "'INSERT'", null,
                        "'Table'", null),
                new DynamoDbV2Action("'Table'", json),
                new IotSiteWiseAction(null, null, null, "'/plant/temp'", new AssetPropertyValue(
                        new AssetPropertyVariant(null, null, "$input.in.x", null),
                        new AssetPropertyTimestamp("$input.in.t", "'0'"), "'GOOD'")));
        DetectorModel model = new DetectorModel("m", new DetectorModelDefinition(List.of(new State("S",
                new OnInputLifecycle(List.of(new Event("all", "true", actions)), List.of()), null, null)), "S"),
                null, "id", null, List.of(new Tag("team", "ops")), "SERIAL");

        ObjectNode tree = writer.detectorModel(model);

        assertThat(reader.detectorModel(tree)).isEqualTo(model);
        assertThat(tree.at("/detectorModelDefinition/states/0/onInput/events/0/actions/1/setTimer/seconds").isInt())
                .isTrue();
        List<ExpressionField> fields = model.expressionFields();
        String action = "$.detectorModelDefinition.states[0].onInput.events[0].actions";
        assertThat(fields).contains(
                new ExpressionField(action + "[6].iotTopicPublish.mqttTopic", "alarms/${$input.in.id}",
                        FieldKind.TEMPLATE),
                new ExpressionField(action + "[13].iotSiteWise.propertyValue.quality", "'GOOD'",
                        FieldKind.EXPRESSION),
                new ExpressionField(action + "[8].iotEvents.payload.contentExpression", json.contentExpression(),
                        FieldKind.EXPRESSION));
        assertThat(fields).noneMatch(f -> f.path().contains("targetArn") || f.path().contains("timerName"));
    }

    @Test
    void wrongTypesAndUnknownActionsReadLenientlyKeepingIndices() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree("""
                {"detectorModelName": 7, "detectorModelDefinition": {"states": [5, {"stateName": "B",
                  "onInput": {"events": [{"eventName": "e", "condition": "true",
                    "actions": ["x", {"setVarible": {"variableName": "v"}}, {"sns": {}, "sqs": {}}]}]}}],
                  "initialStateName": ["B"]}}""");

        DetectorModel model = reader.detectorModel(tree);

        assertThat(model.detectorModelName()).isEqualTo("7");
        assertThat(model.detectorModelDefinition().initialStateName()).isNull();
        assertThat(model.states()).hasSize(2);
        assertThat(model.states().get(0).stateName()).isNull();
        List<Action> actions = model.states().get(1).onInput().events().get(0).actions();
        assertThat(actions).hasSize(3).allMatch(a -> a instanceof UnknownAction);
        assertThat(actions.get(1).key()).isEqualTo("setVarible");
        assertThat(writer.detectorModel(model).at("/detectorModelDefinition/states/1/onInput/events/0/actions/1"))
                .isEqualTo(tree.at("/detectorModelDefinition/states/1/onInput/events/0/actions/1"));
    }

    @Test
    void anEditKeepsUnknownFieldsKeyOrderAndUntouchedNumbersOfTheOriginal() throws Exception {
        ObjectNode original = (ObjectNode) new LocatingReader().read(("""
                {"x-note": "kept", "detectorModelName": "m", "detectorModelDefinition": {"states": [
                  {"stateName": "A", "onInput": {"events": [], "transitionEvents": [
                    {"eventName": "go", "condition": "$input.i.v > 20.0", "actions": [
                       {"setTimer": {"timerName": "t", "seconds": 60.0, "custom": 1}},
                       {"clearTimer": {"timerName": "t"}}], "nextState": "A"}]}}],
                  "initialStateName": "A"}, "roleArn": "arn:aws:iam::123456789012:role/r"}
                """).getBytes(java.nio.charset.StandardCharsets.UTF_8), false).root();
        DetectorModel model = reader.detectorModel(original);
        State a = model.states().get(0);
        TransitionEvent go = a.transitionEvents().get(0);
        List<Action> actions = new ArrayList<>(go.actions());
        actions.add(0, new ResetTimerAction("t"));
        DetectorModel edited = model.withDetectorModelDefinition(model.detectorModelDefinition().withState(0,
                a.withOnInput(a.onInput().withTransitionEvents(List.of(
                        go.withCondition("$input.i.v > 30").withActions(actions)))))).withKey("id");

        ObjectNode written = writer.detectorModel(edited, original);

        assertThat(fieldNames(written)).containsExactly("x-note", "detectorModelName", "detectorModelDefinition",
                "roleArn", "key");
        JsonNode event = written.at("/detectorModelDefinition/states/0/onInput/transitionEvents/0");
        assertThat(event.get("condition").asText()).isEqualTo("$input.i.v > 30");
        assertThat(event.get("actions").get(0)).isEqualTo(MAPPER.readTree("{\"resetTimer\":{\"timerName\":\"t\"}}"));
        assertThat(event.get("actions").get(1).toString())
                .isEqualTo("{\"setTimer\":{\"timerName\":\"t\",\"seconds\":60.0,\"custom\":1}}");
        assertThat(written.at("/detectorModelDefinition/states/0/onInput").has("events")).isTrue();
    }

    @Test
    void aLoadedModelTakesAnEditAndWritesOnlyTheChange() throws Exception {
        LoadedModel loaded = bundled("devguide__motorDetectorModel.json");
        DetectorModel model = loaded.model();

        LoadedModel renamed = loaded.withModel(model.withDetectorModelName("motor2").withEvaluationMethod("SERIAL"));

        assertThat(renamed.name()).isEqualTo("motor2");
        assertThat(renamed.model()).isEqualTo(model.withDetectorModelName("motor2").withEvaluationMethod("SERIAL"));
        ObjectNode expected = loaded.request().deepCopy();
        expected.put("detectorModelName", "motor2");
        expected.put("evaluationMethod", "SERIAL");
        assertThat(renamed.request()).isEqualTo(expected);
        assertSameKeyOrder(expected, renamed.request(), "$");
    }

    @Test
    void inputsReadAndWriteBackToTheSameTree() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of(getClass().getResource(
                "/inputs/devguide__PressureInput.json").toURI())));
        files.addAll(SharedCorpus.files("corpus/inputs", ".json"));
        for (Path file : files) {
            LoadedInput loaded = loader.load(file).inputs().get(0);
            Input input = loaded.input();
            assertThat(input.inputName()).as(file.toString()).isEqualTo(loaded.name());
            assertThat(input.attributes()).as(file.toString()).isNotEmpty();
            assertThat(reader.input(writer.input(input))).isEqualTo(input);
        }
        Input pressure = loader.load(files.get(0)).inputs().get(0).input();
        assertThat(pressure.attributePaths()).containsExactly("sensorData.pressure", "motorid");
        assertThat(writer.input(pressure)).isEqualTo(loader.load(files.get(0)).inputs().get(0).request());
    }

    private static LoadedModel bundled(String name) throws Exception {
        return new ModelLoader().load(Path.of(TypedModelTest.class.getResource("/models/" + name).toURI()))
                .models().get(0);
    }

    /** {@code $.a.b[1].c} → {@code /a/b/1/c} (the model's member names need no escaping). */
    static JsonPointer pointer(String path) {
        return JsonPointer.compile(path.substring(1).replace('.', '/').replace("[", "/").replace("]", ""));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertSameKeyOrder(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertThat(fieldNames(actual)).as(path).isEqualTo(fieldNames(expected));
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                assertSameKeyOrder(expected.get(name), actual.get(name), path + "." + name);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameKeyOrder(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        }
    }
}
