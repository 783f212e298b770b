package io.detectorstudio.engine.analysis;

import io.detectorstudio.engine.expr.ExpressionChecker;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.StaticType;
import io.detectorstudio.engine.expr.SymbolEnvironment;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.JsonPaths;
import io.detectorstudio.engine.model.LocatedEvent;
import io.detectorstudio.engine.model.SetTimerAction;
import io.detectorstudio.engine.model.SetVariableAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a model defines, for the expression checker and the editor's completion: inputs with their attribute
 * paths, variables with the types their setVariable values give them (inferred to a fixpoint, since one variable's
 * value may read another), timers, states.
 */
public final class ModelSymbols {

    private ModelSymbols() {
    }

    /**
     * @param inputs the input definitions, or null when none are known (input names are then not checked)
     */
    public static SymbolEnvironment of(DetectorModel model, List<Input> inputs) {
        Map<String, List<List<String>>> inputPaths = null;
        if (inputs != null) {
            inputPaths = new LinkedHashMap<>();
            for (Input input : inputs) {
                // several definitions of one input (e.g. a directory of variants) contribute all their attributes
                List<List<String>> paths = inputPaths.computeIfAbsent(input.inputName(), n -> new ArrayList<>());
                input.attributePaths().forEach(p -> paths.add(JsonPaths.segments(p)));
            }
        }
        Set<String> states = new LinkedHashSet<>();
        Set<String> timers = new LinkedHashSet<>();
        List<SetVariableAction> assignments = new ArrayList<>();
        if (model.detectorModelDefinition() != null) {
            model.detectorModelDefinition().states().forEach(s -> states.add(s.stateName()));
            for (LocatedEvent located : model.detectorModelDefinition().events()) {
                for (Action action : located.event().actions()) {
                    if (action instanceof SetVariableAction set && set.variableName() != null) {
                        assignments.add(set);
                    } else if (action instanceof SetTimerAction timer && timer.timerName() != null) {
                        timers.add(timer.timerName());
                    }
                }
            }
        }
        return new SymbolEnvironment(inputPaths, inferVariables(assignments, inputPaths, timers, states), timers,
                states);
    }

    /**
     * Every variable's type: the join of the types of the values assigned to it (values whose type is not known
     * yet are left out), iterated until nothing changes.
     */
    private static Map<String, StaticType> inferVariables(List<SetVariableAction> assignments,
                                                          Map<String, List<List<String>>> inputs, Set<String> timers,
                                                          Set<String> states) {
        Map<String, StaticType> types = new LinkedHashMap<>();
        Map<String, StaticType> assigned = new LinkedHashMap<>();
        for (SetVariableAction a : assignments) {
            types.put(a.variableName(), StaticType.UNKNOWN);
        }
        for (int round = 0; round < 10; round++) {
            assigned.clear();
            ExpressionChecker checker = new ExpressionChecker(new SymbolEnvironment(inputs, types, timers, states));
            for (SetVariableAction a : assignments) {
                StaticType t = a.value() == null ? StaticType.UNKNOWN
                        : checker.typeOf(Parser.parse(a.value()).expr());
                StaticType previous = assigned.get(a.variableName());
                // UNKNOWN acts as "no information yet" here, so `x = 0` and `x = $variable.x + 3` give Integer
                assigned.put(a.variableName(), previous == null || previous == StaticType.UNKNOWN ? t
                        : t == StaticType.UNKNOWN ? previous : previous.join(t));
            }
            if (assigned.equals(types)) {
                break;
            }
            types = new LinkedHashMap<>(assigned);
        }
        return types;
    }
}
