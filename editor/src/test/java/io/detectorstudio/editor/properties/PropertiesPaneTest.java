package io.detectorstudio.editor.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.diagram.DiagramSelection;
import io.detectorstudio.editor.document.ActionRef;
import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.Attribute;
import io.detectorstudio.engine.model.ClearTimerAction;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.DynamoDbAction;
import io.detectorstudio.engine.model.DynamoDbV2Action;
import io.detectorstudio.engine.model.FirehoseAction;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.IotEventsAction;
import io.detectorstudio.engine.model.IotSiteWiseAction;
import io.detectorstudio.engine.model.IotTopicPublishAction;
import io.detectorstudio.engine.model.LambdaAction;
import io.detectorstudio.engine.model.ModelEvent;
import io.detectorstudio.engine.model.Payload;
import io.detectorstudio.engine.model.ResetTimerAction;
import io.detectorstudio.engine.model.SetTimerAction;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.SnsAction;
import io.detectorstudio.engine.model.SqsAction;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PropertiesPaneTest {
    private static final EventRef DANGEROUS_INPUT_0 = new EventRef("Dangerous", State.EventList.ON_INPUT, 0);
    private static final EventRef NORMAL_TRANSITION = new EventRef("Normal", State.EventList.TRANSITIONS, 0);
    private ModelDocument doc;
    private PropertiesPane pane;
    private DetectorModel loaded;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Path.of(getClass().getResource("/models/devguide__motorDetectorModel.json").toURI());
        LoadedModel model = new ModelLoader().load(file).model(null);
        Input pressure = new Input("PressureInput", null, List.of(new Attribute("sensorData.pressure"),
                new Attribute("motorid")), List.of());
        doc = new ModelDocument(model, List.of(pressure), null, null);
        loaded = doc.model();
        pane = new PropertiesPane(doc);
        stage.setScene(new Scene(pane, 640, 760));
        stage.show();
    }

    private ModelEvent event(EventRef ref) {
        return ref.resolve(doc.model()).orElseThrow();
    }

    private void replaceText(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }

    @Test
    void editingAStatesEventConditionChangesTheModelAndUndoRestoresIt(FxRobot robot) {
        robot.interact(() -> pane.show(new PropertyTarget.State("Dangerous")));
        robot.clickOn(robot.lookup("#onInput .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#onInput-open");
        assertThat(pane.targetProperty().get()).isEqualTo(new PropertyTarget.Event(DANGEROUS_INPUT_0));

        replaceText(robot, "#event-condition", "$input.PressureInput.sensorData.pressure > 80");
        robot.type(KeyCode.ENTER);
        assertThat(event(DANGEROUS_INPUT_0).condition()).isEqualTo("$input.PressureInput.sensorData.pressure > 80");
        assertThat(doc.commands().undoDescription()).isEqualTo("Edit condition");

        robot.interact(() -> doc.commands().undo());
        assertThat(doc.model()).isEqualTo(loaded);
        assertThat(robot.lookup("#event-condition").queryAs(ExpressionEditor.class).getText())
                .isEqualTo("$input.PressureInput.sensorData.pressure > 70");
    }

    @Test
    void aConditionWithASyntaxErrorIsDecorated(FxRobot robot) {
        robot.interact(() -> pane.show(new PropertyTarget.Event(DANGEROUS_INPUT_0)));
        replaceText(robot, "#event-condition", "$input.PressureInput.sensorData.pressure >");
        WaitForAsyncUtils.waitForFxEvents();
        ExpressionEditor field = robot.lookup("#event-condition").queryAs(ExpressionEditor.class);
        assertThat(field.getDiagnostics()).isNotEmpty();
        assertThat(robot.lookup("#event-condition-problem").queryAs(Label.class).getText())
                .isEqualTo(field.getDiagnostics().get(0).message());
        assertThat(event(DANGEROUS_INPUT_0).condition()).isEqualTo("$input.PressureInput.sensorData.pressure > 70");
    }

    @Test
    void theAddActionMenuAddsTheChosenActionAndOpensIt(FxRobot robot) {
        robot.interact(() -> pane.show(new PropertyTarget.Event(DANGEROUS_INPUT_0)));
        robot.clickOn("#add-action");
        robot.clickOn("#add-action-sns");
        List<Action> actions = event(DANGEROUS_INPUT_0).actions();
        assertThat(actions).hasSize(2);
        assertThat(actions.get(1)).isEqualTo(new SnsAction("", null));
        assertThat(pane.panel()).isInstanceOf(ActionPanel.class);
        assertThat(((ActionPanel) pane.panel()).key()).isEqualTo("sns");
        robot.interact(() -> doc.commands().undo());
        assertThat(doc.model()).isEqualTo(loaded);
    }

    @Test
    void addingEachActionTypeProducesItsRecordAndItsOwnForm(FxRobot robot) {
        Map<String, Class<? extends Action>> types = Map.ofEntries(
                Map.entry("setVariable", SetVariableAction.class), Map.entry("setTimer", SetTimerAction.class),
                Map.entry("resetTimer", ResetTimerAction.class), Map.entry("clearTimer", ClearTimerAction.class),
                Map.entry("sns", SnsAction.class), Map.entry("iotTopicPublish", IotTopicPublishAction.class),
                Map.entry("lambda", LambdaAction.class), Map.entry("iotEvents", IotEventsAction.class),
                Map.entry("sqs", SqsAction.class), Map.entry("firehose", FirehoseAction.class),
                Map.entry("dynamoDB", DynamoDbAction.class), Map.entry("dynamoDBv2", DynamoDbV2Action.class),
                Map.entry("iotSiteWise", IotSiteWiseAction.class));
        Map<String, String> firstField = Map.ofEntries(Map.entry("setVariable", "variableName"),
                Map.entry("setTimer", "timerName"), Map.entry("resetTimer", "timerName"),
                Map.entry("clearTimer", "timerName"), Map.entry("sns", "targetArn"),
                Map.entry("iotTopicPublish", "mqttTopic"), Map.entry("lambda", "functionArn"),
                Map.entry("iotEvents", "inputName"), Map.entry("sqs", "queueUrl"),
                Map.entry("firehose", "deliveryStreamName"), Map.entry("dynamoDB", "hashKeyField"),
                Map.entry("dynamoDBv2", "tableName"), Map.entry("iotSiteWise", "propertyAlias"));
        assertThat(types.keySet()).containsExactlyInAnyOrderElementsOf(NewActions.KEYS);
        for (String key : NewActions.KEYS) {
            robot.interact(() -> pane.show(new PropertyTarget.Event(DANGEROUS_INPUT_0)));
            MenuButton menu = robot.lookup("#add-action").queryAs(MenuButton.class);
            robot.interact(() -> menu.getItems().stream().filter(i -> ("add-action-" + key).equals(i.getId()))
                    .findFirst().orElseThrow().fire());
            List<Action> actions = event(DANGEROUS_INPUT_0).actions();
            Action added = actions.get(actions.size() - 1);
            assertThat(added).as(key).isInstanceOf(types.get(key)).isEqualTo(NewActions.create(key));
            assertThat(((ActionPanel) pane.panel()).key()).isEqualTo(key);
            assertThat(robot.lookup("#" + key + "-" + firstField.get(key)).tryQuery()).as(key).isPresent();
        }
        assertThat(event(DANGEROUS_INPUT_0).actions()).hasSize(14);
    }

    @Test
    void editingAnActionFieldIsOneUndoStep(FxRobot robot) {
        ActionRef ref = new ActionRef(new EventRef("Normal", State.EventList.ON_ENTER, 0), 0);
        robot.interact(() -> pane.show(new PropertyTarget.Action(ref)));
        replaceText(robot, "#setVariable-value", "$variable.pressureThresholdBreached + 1");
        robot.type(KeyCode.ENTER);
        assertThat(ref.resolve(doc.model())).contains(new SetVariableAction("pressureThresholdBreached",
                "$variable.pressureThresholdBreached + 1"));
        robot.interact(() -> doc.commands().undo());
        assertThat(doc.model()).isEqualTo(loaded);
    }

    @Test
    void anInvalidArnShowsAValidationDecoration(FxRobot robot) {
        ActionRef ref = new ActionRef(new EventRef("Dangerous", State.EventList.ON_ENTER, 0), 0);
        robot.interact(() -> pane.show(new PropertyTarget.Action(ref)));
        TextField arn = robot.lookup("#sns-targetArn").queryAs(TextField.class);
        WaitForAsyncUtils.waitForFxEvents();
        ActionPanel panel = (ActionPanel) pane.panel();
        assertThat(panel.form().validation().getHighestMessage(arn)).isEmpty();

        replaceText(robot, "#sns-targetArn", "arn:aws:sqs:us-east-1:123456789012:notATopic");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.form().validation().getHighestMessage(arn)).hasValueSatisfying(
                m -> assertThat(m.getText()).contains("is not an SNS topic ARN"));
        assertThat(Decorator.getDecorations(arn)).isNotEmpty();

        robot.type(KeyCode.ENTER); // an invalid value is still the user's to commit; validate reports it too
        assertThat(ref.resolve(doc.model())).contains(new SnsAction("arn:aws:sqs:us-east-1:123456789012:notATopic", null));
        replaceText(robot, "#sns-targetArn", "arn:aws:sns:eu-west-1:123456789012:alarms");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.form().validation().getHighestMessage(arn)).isEmpty();
    }

    @Test
    void aClearedRequiredFieldIsDecorated(FxRobot robot) {
        ActionRef ref = new ActionRef(new EventRef("Normal", State.EventList.ON_ENTER, 0), 0);
        robot.interact(() -> pane.show(new PropertyTarget.Action(ref)));
        replaceText(robot, "#setVariable-variableName", "x");
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#setVariable-variableName").queryAs(TextField.class);
        assertThat(((ActionPanel) pane.panel()).form().validation().getHighestMessage(name))
                .hasValueSatisfying(m -> assertThat(m.getText()).contains("variableName is required"));
    }

    @Test
    void theNextStateChooserChangesTheTransition(FxRobot robot) {
        robot.interact(() -> pane.show(new PropertyTarget.Event(NORMAL_TRANSITION)));
        @SuppressWarnings("unchecked") ComboBox<String> chooser = robot.lookup("#event-next-state").queryAs(ComboBox.class);
        assertThat(chooser.getItems()).containsExactly("Normal", "Dangerous");
        robot.clickOn(chooser);
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && "Normal".equals(c.getText())).queryAs(javafx.scene.Node.class));
        assertThat(((io.detectorstudio.engine.model.TransitionEvent) event(NORMAL_TRANSITION)).nextState())
                .isEqualTo("Normal");
        assertThat(doc.graphProperty().get().transition("Normal/Overpressurized").orElseThrow().to()).isEqualTo("Normal");
        robot.interact(() -> doc.commands().undo());
        assertThat(doc.model()).isEqualTo(loaded);
        assertThat(chooser.getValue()).isEqualTo("Dangerous");
    }

    @Test
    void thePayloadPreviewShowsThePayloadEvaluatedAgainstTheSamples(FxRobot robot) {
        ActionRef ref = new ActionRef(new EventRef("Dangerous", State.EventList.ON_ENTER, 0), 0);
        robot.interact(() -> pane.show(new PropertyTarget.Action(ref)));
        TextArea samples = robot.lookup("#sns-payload-samples").queryAs(TextArea.class);
        assertThat(samples.getText()).contains("\"pressureThresholdBreached\"").contains("\"PressureInput\"");
        robot.clickOn("#sns-payload-custom");
        assertThat(ref.resolve(doc.model())).contains(new SnsAction(
                "arn:aws:sns:us-east-1:123456789012:underPressureAction", new Payload("'{}'", "JSON")));
        robot.interact(() -> samples.setText("{\"variables\": {\"pressureThresholdBreached\": 3},"
                + " \"inputs\": {\"PressureInput\": {\"motorid\": \"m-1\", \"sensorData\": {\"pressure\": 80}}}}"));
        String content = "'{\"motor\": \"${$input.PressureInput.motorid}\", \"breaches\": "
                + "${$variable.pressureThresholdBreached}}'";
        robot.interact(() -> robot.lookup("#sns-payload-contentExpression").queryAs(ExpressionEditor.class).setText(content));
        Label preview = robot.lookup("#sns-payload-preview").queryAs(Label.class);
        assertThat(preview.getText()).isEqualTo("{\n  \"motor\" : \"m-1\",\n  \"breaches\" : 3\n}");

        robot.clickOn("#sns-payload-contentExpression");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(ref.resolve(doc.model()).map(a -> ((SnsAction) a).payload()))
                .contains(new Payload(content, "JSON"));
        robot.interact(() -> robot.lookup("#sns-payload-type").queryAs(ComboBox.class).setValue("STRING"));
        assertThat(preview.getText()).isEqualTo("{\"motor\": \"m-1\", \"breaches\": 3}");
        assertThat(((SnsAction) ref.resolve(doc.model()).orElseThrow()).payload().type()).isEqualTo("STRING");
    }

    @Test
    void eventsReorderAddAndRemoveAsSingleSteps(FxRobot robot) {
        robot.interact(() -> pane.show(new PropertyTarget.State("Dangerous")));
        robot.clickOn(robot.lookup("#onInput .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#onInput-down");
        List<String> names = doc.model().state("Dangerous").orElseThrow().onInput().events().stream()
                .map(ModelEvent::eventName).toList();
        assertThat(names).containsExactly("Pressure Okay", "Overpressurized");
        robot.interact(() -> doc.commands().undo());
        assertThat(doc.model()).isEqualTo(loaded);

        // onExit is below the fold of the small test window: fire its buttons directly
        robot.interact(() -> robot.lookup("#onExit-add").queryButton().fire());
        assertThat(pane.targetProperty().get())
                .isEqualTo(new PropertyTarget.Event(new EventRef("Dangerous", State.EventList.ON_EXIT, 1)));
        assertThat(doc.model().state("Dangerous").orElseThrow().onExit().events()).hasSize(2);
        robot.interact(() -> pane.show(new PropertyTarget.State("Dangerous")));
        robot.interact(() -> robot.lookup("#onExit").queryListView().getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#onExit-remove").queryButton().fire());
        assertThat(doc.model().state("Dangerous").orElseThrow().onExit().events()).extracting(ModelEvent::eventName)
                .containsExactly("event");
    }

    @Test
    void theModelPanelEditsTheModelMembers(FxRobot robot) {
        robot.interact(() -> robot.lookup("#model-evaluation").queryAs(ComboBox.class).setValue("SERIAL"));
        assertThat(doc.model().evaluationMethod()).isEqualTo("SERIAL");
        replaceText(robot, "#model-key", "motor");
        robot.type(KeyCode.ENTER);
        assertThat(doc.model().key()).isEqualTo("motor");
        replaceText(robot, "#model-role", "arn:aws:iam::123:role/x");
        WaitForAsyncUtils.waitForFxEvents();
        TextField role = robot.lookup("#model-role").queryAs(TextField.class);
        assertThat(((ModelPanel) pane.panel()).form().validation().getHighestMessage(role)).isPresent();
        robot.interact(() -> doc.commands().undo());
        robot.interact(() -> doc.commands().undo());
        assertThat(doc.model()).isEqualTo(loaded);
    }

    @Test
    void theDiagramSelectionPicksThePanelAndUndoOfAnOpenedEventFallsBackToItsState(FxRobot robot) {
        SimpleObjectProperty<DiagramSelection> selection = new SimpleObjectProperty<>(DiagramSelection.NONE);
        robot.interact(() -> pane.follow(selection));
        robot.interact(() -> selection.set(new DiagramSelection(Set.of(), Set.of("Normal/Overpressurized"))));
        assertThat(pane.targetProperty().get()).isEqualTo(new PropertyTarget.Event(NORMAL_TRANSITION));
        robot.interact(() -> selection.set(DiagramSelection.ofStates(Set.of("Dangerous"))));
        assertThat(pane.panel()).isInstanceOf(StatePanel.class);

        robot.clickOn("#transitions-add");
        assertThat(pane.panel()).isInstanceOf(EventPanel.class);
        robot.interact(() -> doc.commands().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.targetProperty().get()).isEqualTo(new PropertyTarget.State("Dangerous"));
        robot.interact(() -> selection.set(DiagramSelection.NONE));
        assertThat(pane.panel()).isInstanceOf(ModelPanel.class);
    }

    @Test
    void theInputsPanelAddsAttributesWithCheckedJsonPaths(FxRobot robot) {
        robot.interact(() -> pane.show(PropertyTarget.INPUTS));
        robot.clickOn("#input-0-new-attribute").write("sensorData.`motor speed`");
        robot.clickOn("#input-0-attributes-add");
        assertThat(doc.inputs().get(0).attributePaths())
                .containsExactly("sensorData.pressure", "motorid", "sensorData.`motor speed`");
        robot.clickOn("#input-0-new-attribute").write("bad path!");
        WaitForAsyncUtils.waitForFxEvents();
        TextField path = robot.lookup("#input-0-new-attribute").queryAs(TextField.class);
        assertThat(((InputsPanel) pane.panel()).validation().getHighestMessage(path)).isPresent();
        robot.clickOn("#input-0-attributes-add");
        assertThat(doc.inputs().get(0).attributes()).hasSize(3);
        robot.interact(() -> doc.commands().undo());
        assertThat(doc.inputs().get(0).attributes()).hasSize(2);
    }

    @Test
    void typingIsADraftUntilCommittedAndARefusedDraftNeverRevertsTheText(FxRobot robot) {
        robot.interact(() -> pane.show(new PropertyTarget.State("Normal")));
        robot.clickOn("#state-name");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Dangerous"); // taken: renaming to it is refused, but only when committed
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#state-name").queryAs(TextField.class).getText()).isEqualTo("Dangerous");
        assertThat(doc.model()).isEqualTo(loaded);
        robot.type(KeyCode.BACK_SPACE);
        robot.write("Zone");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.draftProperty().get().model().state("DangerouZone")).as("the draft follows the text").isPresent();
        assertThat(doc.commands().isDirty()).isFalse();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.model().state("DangerouZone")).isPresent();
        assertThat(doc.draftProperty().get()).isNull();
    }
}
