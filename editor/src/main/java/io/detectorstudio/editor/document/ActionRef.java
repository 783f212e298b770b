package io.detectorstudio.editor.document;

import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.DetectorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Action {@code index} of the event at {@code event}. */
public record ActionRef(EventRef event, int index) {

    public Optional<Action> resolve(DetectorModel model) {
        return event.resolve(model).flatMap(e -> index >= 0 && index < e.actions().size()
                ? Optional.of(e.actions().get(index)) : Optional.empty());
    }

    /** The model with this action replaced by {@code change(action)}; unchanged when it does not exist. */
    public DetectorModel update(DetectorModel model, UnaryOperator<Action> change) {
        if (resolve(model).isEmpty()) {
            return model;
        }
        return event.update(model, e -> {
            List<Action> actions = new ArrayList<>(e.actions());
            actions.set(index, change.apply(actions.get(index)));
            return ModelEdits.withActions(e, actions);
        });
    }
}
