package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.expr.CompiledExpression;
import java.util.List;

/**
 * An action of the model prepared once when the model is loaded: its expressions compiled against the model's
 * symbol table, its variable slot resolved, its literal fields kept as they are (semantics §A.4 decides which
 * fields are expressions). {@link ActionRunner} performs them.
 */
sealed interface CompiledAction {

    /** The action's key in the model ({@code setVariable}, {@code sns}, …). */
    String type();

    record SetVariable(String variableName, int slot, CompiledExpression value, String valueText)
            implements CompiledAction {
        @Override
        public String type() {
            return "setVariable";
        }
    }

    /** Exactly one of {@code seconds} and {@code duration} is set (StructureCheck reports both). */
    record SetTimer(String timerName, Long seconds, CompiledExpression duration) implements CompiledAction {
        @Override
        public String type() {
            return "setTimer";
        }
    }

    record ResetTimer(String timerName) implements CompiledAction {
        @Override
        public String type() {
            return "resetTimer";
        }
    }

    record ClearTimer(String timerName) implements CompiledAction {
        @Override
        public String type() {
            return "clearTimer";
        }
    }

    /**
     * An action that sends something out (sns, iotTopicPublish, lambda, iotEvents, sqs, firehose, dynamoDB,
     * dynamoDBv2, iotSiteWise) or one the engine does not know.
     *
     * @param literalFields the fields shown as written (no payload); shared, never modified
     * @param evaluatedFields fields whose value is an expression or a {@code ${…}} template
     * @param content the custom payload's contentExpression, or null for the default payload (§C.11)
     * @param payloadType JSON or STRING for a custom payload
     * @param defaultPayload whether the action sends the default payload (§C.11) when it has no custom one
     *                       (false for iotSiteWise, which sends a property value and no payload)
     * @param structured whether its delivered form is structured and checked when it runs (dynamoDB, dynamoDBv2,
     *                   iotSiteWise)
     * @param forwards whether it sends its payload as a new message (iotEvents, §C.10)
     */
    record External(String type, ObjectNode literalFields, List<EvaluatedField> evaluatedFields,
                    CompiledExpression content, String payloadType, String inputName,
                    boolean defaultPayload, boolean structured, boolean forwards) implements CompiledAction {
    }

    /**
     * A field evaluated per action; {@code path} leads to it from the action object ({@code propertyValue},
     * {@code quality} for SiteWise's nested members), {@code name} is the path joined by dots.
     */
    record EvaluatedField(String name, List<String> path, CompiledExpression expression, boolean template) { }

    /**
     * An action whose key is no action type ({@code snss}): the service rejects such a model, so the engine never
     * performs it and emits nothing for it (validate reports DS-ACTION-UNKNOWN).
     */
    record Unknown(String type) implements CompiledAction { }

    /** An action object with no action key, or one the engine cannot read. */
    record Malformed(String type, String why) implements CompiledAction { }
}
