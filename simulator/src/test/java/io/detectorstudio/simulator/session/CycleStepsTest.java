package io.detectorstudio.simulator.session;

import static io.detectorstudio.simulator.Samples.pressure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.simulator.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleStepsTest {

    private static List<String> stepsOfLowReadingInDangerous(String evaluation) {
        ObjectNode model = Samples.model(Samples.MOTOR);
        model.put("evaluationMethod", evaluation);
        Session s = new Session(Session.Config.of(model));
        s.send(pressure("A", 80));
        s.send(pressure("A", 60));
        return s.currentSubSteps().stream()
                .map(st -> st.group() + ":" + st.kind() + ":" + st.eventName() + (st.fired() ? "!" : "")).toList();
    }

    @Test
    void batchEvaluatesEveryConditionOfTheGroupBeforeAnyAction() {
        assertThat(stepsOfLowReadingInDangerous("BATCH")).containsExactly(
                "onInput:CONDITION:Overpressurized",
                "onInput:CONDITION:Pressure Okay!",
                "transition:CONDITION:BackToNormal",
                "onInput:ACTION:Pressure Okay");
    }

    @Test
    void serialRunsEachEventsActionsRightAfterItsCondition() {
        assertThat(stepsOfLowReadingInDangerous("SERIAL")).containsExactly(
                "onInput:CONDITION:Overpressurized",
                "onInput:CONDITION:Pressure Okay!",
                "onInput:ACTION:Pressure Okay",
                "transition:CONDITION:BackToNormal");
    }

    @Test
    void aTransitionRunsItsActionsThenOnExitThenTheNewStatesOnEnter() {
        ObjectNode model = Samples.model(Samples.MOTOR);
        Session s = new Session(Session.Config.of(model));
        s.send(pressure("A", 80));
        s.send(pressure("A", 60));
        s.send(pressure("A", 60));
        s.send(pressure("A", 60)); // counter 1: back to Normal
        assertThat(s.currentSubSteps()).extracting(st -> st.group() + ":" + st.kind() + ":" + st.stateName())
                .containsExactly("onInput:CONDITION:Dangerous", "onInput:CONDITION:Dangerous",
                        "transition:CONDITION:Dangerous", "onInput:ACTION:Dangerous",
                        "onExit:CONDITION:Dangerous", "onExit:ACTION:Dangerous",
                        "onEnter:CONDITION:Normal", "onEnter:ACTION:Normal");
    }
}
