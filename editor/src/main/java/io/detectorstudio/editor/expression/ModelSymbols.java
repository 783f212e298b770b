package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.Attribute;
import io.detectorstudio.engine.model.ClearTimerAction;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.ExpressionField;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.LocatedEvent;
import io.detectorstudio.engine.model.ResetTimerAction;
import io.detectorstudio.engine.model.SetTimerAction;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.State;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link CompletionSource} from a detector model and its inputs: declared inputs with their attribute
 * paths, plus inputs and paths the model's expressions already read (so a model opened without its input files
 * still completes); variables from setVariable, timers from setTimer/resetTimer/clearTimer, state names.
 */
public final class ModelSymbols {

    private ModelSymbols() {
    }

    public static CompletionSource from(DetectorModel model, Collection<Input> inputs) {
        Map<String, Set<String>> inputPaths = new LinkedHashMap<>();
        for (Input input : inputs) {
            Set<String> paths = inputPaths.computeIfAbsent(input.inputName(), k -> new LinkedHashSet<>());
            input.attributes().stream().map(Attribute::jsonPath).forEach(paths::add);
        }
        Set<String> variables = new LinkedHashSet<>();
        Set<String> timers = new LinkedHashSet<>();
        for (LocatedEvent located : model.events()) {
            for (Action action : located.event().actions()) {
                if (action instanceof SetVariableAction a) {
                    addName(variables, a.variableName());
                } else if (action instanceof SetTimerAction a) {
                    addName(timers, a.timerName());
                } else if (action instanceof ResetTimerAction a) {
                    addName(timers, a.timerName());
                } else if (action instanceof ClearTimerAction a) {
                    addName(timers, a.timerName());
                }
            }
        }
        for (ExpressionField field : model.expressionFields()) {
            if (field.kind() == FieldKind.EXPRESSION) {
                collectInputReferences(Parser.parse(field.text()).expr(), inputPaths);
            }
        }
        List<CompletionSource.InputSymbol> symbols = new ArrayList<>();
        inputPaths.forEach((name, paths) -> symbols.add(new CompletionSource.InputSymbol(name, List.copyOf(paths))));
        List<String> states = model.states().stream().map(State::stateName).filter(n -> n != null && !n.isBlank())
                .distinct().toList();
        return CompletionSource.of(symbols, List.copyOf(variables), List.copyOf(timers), states);
    }

    private static void addName(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name);
        }
    }

    private static void collectInputReferences(Expr expr, Map<String, Set<String>> inputPaths) {
        expr.forEach(e -> {
            if (e instanceof Expr.InputRef ref) {
                inputPaths.computeIfAbsent(ref.inputName(), k -> new LinkedHashSet<>()).add(pathText(ref.path()));
            }
        });
    }

    /** {@code [sensorData, pressure]} → {@code sensorData.pressure}; indexes as {@code [0]}. */
    private static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }
}
