package io.detectorstudio.editor.properties;

import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.ClearTimerAction;
import io.detectorstudio.engine.model.DynamoDbAction;
import io.detectorstudio.engine.model.DynamoDbV2Action;
import io.detectorstudio.engine.model.FirehoseAction;
import io.detectorstudio.engine.model.IotEventsAction;
import io.detectorstudio.engine.model.IotSiteWiseAction;
import io.detectorstudio.engine.model.IotTopicPublishAction;
import io.detectorstudio.engine.model.LambdaAction;
import io.detectorstudio.engine.model.ResetTimerAction;
import io.detectorstudio.engine.model.SetTimerAction;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.SnsAction;
import io.detectorstudio.engine.model.SqsAction;
import io.detectorstudio.engine.model.UnknownAction;

/** One line per action for the actions list: the key and its main field. */
final class ActionLabels {

    private ActionLabels() {
    }

    static String label(Action a) {
        String detail;
        if (a instanceof SetVariableAction x) {
            detail = x.variableName() + " = " + x.value();
        } else if (a instanceof SetTimerAction x) {
            detail = x.timerName() + " (" + (x.durationExpression() != null ? x.durationExpression() : x.seconds() + " s") + ")";
        } else if (a instanceof ResetTimerAction x) {
            detail = x.timerName();
        } else if (a instanceof ClearTimerAction x) {
            detail = x.timerName();
        } else if (a instanceof SnsAction x) {
            detail = x.targetArn();
        } else if (a instanceof IotTopicPublishAction x) {
            detail = x.mqttTopic();
        } else if (a instanceof LambdaAction x) {
            detail = x.functionArn();
        } else if (a instanceof IotEventsAction x) {
            detail = x.inputName();
        } else if (a instanceof SqsAction x) {
            detail = x.queueUrl();
        } else if (a instanceof FirehoseAction x) {
            detail = x.deliveryStreamName();
        } else if (a instanceof DynamoDbAction x) {
            detail = x.tableName();
        } else if (a instanceof DynamoDbV2Action x) {
            detail = x.tableName();
        } else if (a instanceof IotSiteWiseAction x) {
            detail = x.propertyAlias() != null ? x.propertyAlias() : x.assetId() + "/" + x.propertyId();
        } else {
            detail = "unknown action '" + ((UnknownAction) a).key() + "'";
        }
        return a.key() + ": " + detail;
    }
}
