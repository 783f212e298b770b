package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.AssetPropertyTimestamp;
import io.detectorstudio.engine.model.AssetPropertyValue;
import io.detectorstudio.engine.model.AssetPropertyVariant;
import io.detectorstudio.engine.model.Attribute;
import io.detectorstudio.engine.model.ClearTimerAction;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.DetectorModelDefinition;
import io.detectorstudio.engine.model.DynamoDbAction;
import io.detectorstudio.engine.model.DynamoDbV2Action;
import io.detectorstudio.engine.model.Event;
import io.detectorstudio.engine.model.FirehoseAction;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.IotEventsAction;
import io.detectorstudio.engine.model.IotSiteWiseAction;
import io.detectorstudio.engine.model.IotTopicPublishAction;
import io.detectorstudio.engine.model.LambdaAction;
import io.detectorstudio.engine.model.OnEnterLifecycle;
import io.detectorstudio.engine.model.OnExitLifecycle;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the typed model from a request-shaped JSON tree. Lenient by design: a member of the wrong JSON type reads
 * as absent ({@code null}, empty list) and an action object that is not exactly one known key becomes an
 * {@link UnknownAction}; reporting those is the validator's job, so reading never fails.
 */
public final class ModelTreeReader {

    /** A CreateDetectorModel (or UpdateDetectorModel) request. */
    public DetectorModel detectorModel(JsonNode request) {
        JsonNode definition = request.path("detectorModelDefinition");
        return new DetectorModel(text(request, "detectorModelName"),
                definition.isObject() ? definition(definition) : null,
                text(request, "detectorModelDescription"), text(request, "key"), text(request, "roleArn"),
                list(request.get("tags"), ModelTreeReader::tag), text(request, "evaluationMethod"));
    }

    /** A CreateInput request. */
    public Input input(JsonNode request) {
        return new Input(text(request, "inputName"), text(request, "inputDescription"),
                list(request.path("inputDefinition").get("attributes"), a -> new Attribute(text(a, "jsonPath"))),
                list(request.get("tags"), ModelTreeReader::tag));
    }

    public DetectorModelDefinition definition(JsonNode definition) {
        return new DetectorModelDefinition(list(definition.get("states"), this::state),
                text(definition, "initialStateName"));
    }

    State state(JsonNode state) {
        JsonNode onInput = state.get("onInput");
        JsonNode onEnter = state.get("onEnter");
        JsonNode onExit = state.get("onExit");
        return new State(text(state, "stateName"),
                isObject(onInput) ? new OnInputLifecycle(list(onInput.get("events"), this::event),
                        list(onInput.get("transitionEvents"), this::transition)) : null,
                isObject(onEnter) ? new OnEnterLifecycle(list(onEnter.get("events"), this::event)) : null,
                isObject(onExit) ? new OnExitLifecycle(list(onExit.get("events"), this::event)) : null);
    }

    Event event(JsonNode event) {
        return new Event(text(event, "eventName"), text(event, "condition"), list(event.get("actions"), this::action));
    }

    TransitionEvent transition(JsonNode event) {
        return new TransitionEvent(text(event, "eventName"), text(event, "condition"),
                list(event.get("actions"), this::action), text(event, "nextState"));
    }

    /** The typed action, or {@link UnknownAction} when the object is not exactly one known key with an object value. */
    public Action action(JsonNode action) {
        if (!action.isObject() || action.size() != 1 || !action.elements().next().isObject()) {
            return unknown(action);
        }
        String key = action.fieldNames().next();
        JsonNode a = action.get(key);
        return switch (key) {
            case SetVariableAction.KEY -> new SetVariableAction(text(a, "variableName"), text(a, "value"));
            case SetTimerAction.KEY -> new SetTimerAction(text(a, "timerName"), integer(a.get("seconds")),
                    text(a, "durationExpression"));
            case ResetTimerAction.KEY -> new ResetTimerAction(text(a, "timerName"));
            case ClearTimerAction.KEY -> new ClearTimerAction(text(a, "timerName"));
            case SnsAction.KEY -> new SnsAction(text(a, "targetArn"), payload(a));
            case IotTopicPublishAction.KEY -> new IotTopicPublishAction(text(a, "mqttTopic"), payload(a));
            case LambdaAction.KEY -> new LambdaAction(text(a, "functionArn"), payload(a));
            case IotEventsAction.KEY -> new IotEventsAction(text(a, "inputName"), payload(a));
            case SqsAction.KEY -> new SqsAction(text(a, "queueUrl"), bool(a.get("useBase64")), payload(a));
            case FirehoseAction.KEY -> new FirehoseAction(text(a, "deliveryStreamName"), text(a, "separator"),
                    payload(a));
            case DynamoDbAction.KEY -> new DynamoDbAction(text(a, "hashKeyType"), text(a, "hashKeyField"),
                    text(a, "hashKeyValue"), text(a, "rangeKeyType"), text(a, "rangeKeyField"),
                    text(a, "rangeKeyValue"), text(a, "operation"), text(a, "payloadField"), text(a, "tableName"),
                    payload(a));
            case DynamoDbV2Action.KEY -> new DynamoDbV2Action(text(a, "tableName"), payload(a));
            case IotSiteWiseAction.KEY -> new IotSiteWiseAction(text(a, "entryId"), text(a, "assetId"),
                    text(a, "propertyId"), text(a, "propertyAlias"), propertyValue(a.get("propertyValue")));
            default -> unknown(action);
        };
    }

    private static UnknownAction unknown(JsonNode action) {
        return new UnknownAction(action.isObject() && action.size() > 0 ? action.fieldNames().next() : "", action);
    }

    private static Payload payload(JsonNode action) {
        JsonNode p = action.get("payload");
        return isObject(p) ? new Payload(text(p, "contentExpression"), text(p, "type")) : null;
    }

    private static AssetPropertyValue propertyValue(JsonNode v) {
        if (!isObject(v)) {
            return null;
        }
        JsonNode value = v.get("value");
        JsonNode timestamp = v.get("timestamp");
        return new AssetPropertyValue(
                isObject(value) ? new AssetPropertyVariant(text(value, "stringValue"), text(value, "integerValue"),
                        text(value, "doubleValue"), text(value, "booleanValue")) : null,
                isObject(timestamp) ? new AssetPropertyTimestamp(text(timestamp, "timeInSeconds"),
                        text(timestamp, "offsetInNanos")) : null,
                text(v, "quality"));
    }

    private static Tag tag(JsonNode tag) {
        return new Tag(text(tag, "key"), text(tag, "value"));
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    /** The member as text when it is a scalar ({@code 20.0} reads as {@code "20.0"}), else {@code null}. */
    private static String text(JsonNode parent, String member) {
        JsonNode node = parent.get(member);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Integer integer(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }

    private static Boolean bool(JsonNode node) {
        return node != null && node.isBoolean() ? node.booleanValue() : null;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            out.add(element.apply(node)); // every element, so list indices stay the JSON indices
        }
        return out;
    }
}
