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
import java.util.List;

/**
 * The action a new "Add action" item creates: names get a usable default, targets (ARNs, URLs, table names) stay
 * empty so the form flags them as required until filled in.
 */
public final class NewActions {
    /** The 13 API action keys, in the order the API documents them. */
    public static final List<String> KEYS = List.of(SetVariableAction.KEY, SetTimerAction.KEY, ResetTimerAction.KEY,
            ClearTimerAction.KEY, SnsAction.KEY, IotTopicPublishAction.KEY, LambdaAction.KEY, IotEventsAction.KEY,
            SqsAction.KEY, FirehoseAction.KEY, DynamoDbAction.KEY, DynamoDbV2Action.KEY, IotSiteWiseAction.KEY);

    private NewActions() {
    }

    public static Action create(String key) {
        return switch (key) {
            case SetVariableAction.KEY -> new SetVariableAction("myVariable", "0");
            case SetTimerAction.KEY -> new SetTimerAction("myTimer", null, "60");
            case ResetTimerAction.KEY -> new ResetTimerAction("myTimer");
            case ClearTimerAction.KEY -> new ClearTimerAction("myTimer");
            case SnsAction.KEY -> new SnsAction("", null);
            case IotTopicPublishAction.KEY -> new IotTopicPublishAction("", null);
            case LambdaAction.KEY -> new LambdaAction("", null);
            case IotEventsAction.KEY -> new IotEventsAction("", null);
            case SqsAction.KEY -> new SqsAction("", null, null);
            case FirehoseAction.KEY -> new FirehoseAction("", null, null);
            case DynamoDbAction.KEY -> new DynamoDbAction(null, "", "", null, null, null, null, null, "", null);
            case DynamoDbV2Action.KEY -> new DynamoDbV2Action("", null);
            case IotSiteWiseAction.KEY -> new IotSiteWiseAction(null, null, null, "", null);
            default -> throw new IllegalArgumentException("not an action key: " + key);
        };
    }
}
