package io.detectorstudio.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.AssetPropertyValue;
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
import io.detectorstudio.engine.model.ModelEvent;
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
import java.util.List;

/**
 * Writes the typed model as request-shaped JSON in the member order of the API shapes (the service model), leaving
 * out absent members. {@link #detectorModel(DetectorModel, ObjectNode)} lays an edited model over the tree it was
 * read from so unknown fields, key order and number formatting of unchanged values survive.
 */
public final class ModelTreeWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ModelTreeReader reader = new ModelTreeReader();

    /** The model in canonical API member order. */
    public ObjectNode detectorModel(DetectorModel model) {
        ObjectNode out = NODES.objectNode();
        put(out, "detectorModelName", model.detectorModelName());
        if (model.detectorModelDefinition() != null) {
            out.set("detectorModelDefinition", definition(model.detectorModelDefinition()));
        }
        put(out, "detectorModelDescription", model.detectorModelDescription());
        put(out, "key", model.key());
        put(out, "roleArn", model.roleArn());
        tags(out, model.tags());
        put(out, "evaluationMethod", model.evaluationMethod());
        return out;
    }

    /**
     * The edited model written over {@code original} (the tree it was read from): members the model does not know
     * keep their place and bytes, unchanged values keep their original node (so {@code 20.0} stays {@code 20.0}),
     * changed values take the canonical form, new members are appended in API order.
     */
    public ObjectNode detectorModel(DetectorModel edited, ObjectNode original) {
        ObjectNode baseline = detectorModel(reader.detectorModel(original));
        return (ObjectNode) TreeMerge.merge(original, baseline, detectorModel(edited));
    }

    /** The edited input written over the tree it was read from (as {@link #detectorModel(DetectorModel, ObjectNode)}). */
    public ObjectNode input(Input edited, ObjectNode original) {
        ObjectNode baseline = input(reader.input(original));
        return (ObjectNode) TreeMerge.merge(original, baseline, input(edited));
    }

    public ObjectNode input(Input input) {
        ObjectNode out = NODES.objectNode();
        put(out, "inputName", input.inputName());
        put(out, "inputDescription", input.inputDescription());
        ArrayNode attributes = out.putObject("inputDefinition").putArray("attributes");
        input.attributes().forEach(a -> put(attributes.addObject(), "jsonPath", a.jsonPath()));
        tags(out, input.tags());
        return out;
    }

    public ObjectNode definition(DetectorModelDefinition definition) {
        ObjectNode out = NODES.objectNode();
        ArrayNode states = out.putArray("states");
        definition.states().forEach(s -> states.add(state(s)));
        put(out, "initialStateName", definition.initialStateName());
        return out;
    }

    private ObjectNode state(State state) {
        ObjectNode out = NODES.objectNode();
        put(out, "stateName", state.stateName());
        if (state.onInput() != null) {
            ObjectNode onInput = out.putObject("onInput");
            events(onInput, "events", state.onInput().events());
            events(onInput, "transitionEvents", state.onInput().transitionEvents());
        }
        if (state.onEnter() != null) {
            events(out.putObject("onEnter"), "events", state.onEnter().events());
        }
        if (state.onExit() != null) {
            events(out.putObject("onExit"), "events", state.onExit().events());
        }
        return out;
    }

    private void events(ObjectNode parent, String member, List<? extends ModelEvent> events) {
        ArrayNode array = parent.putArray(member);
        for (ModelEvent event : events) {
            ObjectNode e = array.addObject();
            put(e, "eventName", event.eventName());
            put(e, "condition", event.condition());
            ArrayNode actions = e.putArray("actions");
            event.actions().forEach(a -> actions.add(action(a)));
            if (event instanceof TransitionEvent t) {
                put(e, "nextState", t.nextState());
            }
        }
    }

    /** One action object ({@code {"setVariable": {...}}}); an {@link UnknownAction} is written as it was read. */
    public JsonNode action(Action action) {
        if (action instanceof UnknownAction unknown) {
            return unknown.json();
        }
        ObjectNode wrapper = NODES.objectNode();
        ObjectNode a = wrapper.putObject(action.key());
        if (action instanceof SetVariableAction s) {
            put(a, "variableName", s.variableName());
            put(a, "value", s.value());
        } else if (action instanceof SetTimerAction s) {
            put(a, "timerName", s.timerName());
            if (s.seconds() != null) {
                a.put("seconds", s.seconds());
            }
            put(a, "durationExpression", s.durationExpression());
        } else if (action instanceof ResetTimerAction s) {
            put(a, "timerName", s.timerName());
        } else if (action instanceof ClearTimerAction s) {
            put(a, "timerName", s.timerName());
        } else if (action instanceof SnsAction s) {
            put(a, "targetArn", s.targetArn());
            payload(a, s.payload());
        } else if (action instanceof IotTopicPublishAction s) {
            put(a, "mqttTopic", s.mqttTopic());
            payload(a, s.payload());
        } else if (action instanceof LambdaAction s) {
            put(a, "functionArn", s.functionArn());
            payload(a, s.payload());
        } else if (action instanceof IotEventsAction s) {
            put(a, "inputName", s.inputName());
            payload(a, s.payload());
        } else if (action instanceof SqsAction s) {
            put(a, "queueUrl", s.queueUrl());
            if (s.useBase64() != null) {
                a.put("useBase64", s.useBase64());
            }
            payload(a, s.payload());
        } else if (action instanceof FirehoseAction s) {
            put(a, "deliveryStreamName", s.deliveryStreamName());
            put(a, "separator", s.separator());
            payload(a, s.payload());
        } else if (action instanceof DynamoDbAction s) {
            put(a, "hashKeyType", s.hashKeyType());
            put(a, "hashKeyField", s.hashKeyField());
            put(a, "hashKeyValue", s.hashKeyValue());
            put(a, "rangeKeyType", s.rangeKeyType());
            put(a, "rangeKeyField", s.rangeKeyField());
            put(a, "rangeKeyValue", s.rangeKeyValue());
            put(a, "operation", s.operation());
            put(a, "payloadField", s.payloadField());
            put(a, "tableName", s.tableName());
            payload(a, s.payload());
        } else if (action instanceof DynamoDbV2Action s) {
            put(a, "tableName", s.tableName());
            payload(a, s.payload());
        } else if (action instanceof IotSiteWiseAction s) {
            put(a, "entryId", s.entryId());
            put(a, "assetId", s.assetId());
            put(a, "propertyId", s.propertyId());
            put(a, "propertyAlias", s.propertyAlias());
            propertyValue(a, s.propertyValue());
        }
        return wrapper;
    }

    private static void payload(ObjectNode action, Payload payload) {
        if (payload != null) {
            ObjectNode p = action.putObject("payload");
            put(p, "contentExpression", payload.contentExpression());
            put(p, "type", payload.type());
        }
    }

    private static void propertyValue(ObjectNode action, AssetPropertyValue value) {
        if (value == null) {
            return;
        }
        ObjectNode out = action.putObject("propertyValue");
        if (value.value() != null) {
            ObjectNode v = out.putObject("value");
            put(v, "stringValue", value.value().stringValue());
            put(v, "integerValue", value.value().integerValue());
            put(v, "doubleValue", value.value().doubleValue());
            put(v, "booleanValue", value.value().booleanValue());
        }
        if (value.timestamp() != null) {
            ObjectNode t = out.putObject("timestamp");
            put(t, "timeInSeconds", value.timestamp().timeInSeconds());
            put(t, "offsetInNanos", value.timestamp().offsetInNanos());
        }
        put(out, "quality", value.quality());
    }

    private static void tags(ObjectNode parent, List<Tag> tags) {
        if (!tags.isEmpty()) {
            ArrayNode array = parent.putArray("tags");
            tags.forEach(t -> {
                ObjectNode tag = array.addObject();
                put(tag, "key", t.key());
                put(tag, "value", t.value());
            });
        }
    }

    private static void put(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
