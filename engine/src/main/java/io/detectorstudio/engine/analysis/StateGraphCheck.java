package io.detectorstudio.engine.analysis;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.STATE_DEAD_END;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.STATE_UNREACHABLE;
import static io.detectorstudio.engine.diagnostics.DiagnosticCode.VARIABLE_BEFORE_SET;

import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.expr.Expr;
import io.detectorstudio.engine.expr.ExpressionOptions;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.io.ModelTreeReader;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.DetectorModelDefinition;
import io.detectorstudio.engine.model.ExpressionField;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.LocatedEvent;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.validation.FindingSink;
import io.detectorstudio.engine.validation.ModelCheck;
import io.detectorstudio.engine.validation.ValidationContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model-analysis checks that need the state graph (semantics §D.2, type {@code structure} and
 * {@code referenced-data}): states unreachable from the initial state, states with no way out that do nothing,
 * and variables read in a state that no path from the initial state could have set before.
 */
public final class StateGraphCheck implements ModelCheck {

    private static final String STATES = "$.detectorModelDefinition.states";

    @Override
    public void check(ValidationContext context, FindingSink sink) {
        DetectorModel model = new ModelTreeReader().detectorModel(context.model());
        DetectorModelDefinition definition = model.detectorModelDefinition();
        if (definition == null || definition.states().isEmpty()) {
            return;
        }
        StateGraph graph = new StateGraph(definition);
        Set<String> reachable = graph.reachable();
        List<State> states = definition.states();
        for (int s = 0; s < states.size(); s++) {
            State state = states.get(s);
            String name = state.stateName();
            if (name == null || !graph.graph().containsVertex(name)) {
                continue;
            }
            String path = STATES + "[" + s + "].stateName";
            if (!reachable.contains(name)) {
                sink.report(Severity.WARNING, STATE_UNREACHABLE.code(), path,
                        STATE_UNREACHABLE.message(name, definition.initialStateName()));
            } else if (states.size() > 1 && graph.isTerminal(name) && state.events().isEmpty()) {
                sink.report(Severity.WARNING, STATE_DEAD_END.code(), path,
                        STATE_DEAD_END.message(name));
            }
        }
        variablesReadBeforeSet(definition, graph, reachable, sink);
    }

    /**
     * A may-be-set analysis over the graph: the variables that some path from the initial state could have set on
     * arriving in each state. A variable read in a state where it cannot be set yet, and that the state does not
     * set itself, is always undefined there.
     */
    private void variablesReadBeforeSet(DetectorModelDefinition definition, StateGraph graph, Set<String> reachable,
                                        FindingSink sink) {
        Map<String, Set<String>> setIn = new HashMap<>();
        for (LocatedEvent e : definition.events()) {
            for (Action a : e.event().actions()) {
                if (a instanceof SetVariableAction set && set.variableName() != null) {
                    setIn.computeIfAbsent(e.stateName(), k -> new HashSet<>()).add(set.variableName());
                }
            }
        }
        Set<String> everSet = new HashSet<>();
        setIn.values().forEach(everSet::addAll);
        Map<String, Set<String>> onArrival = new LinkedHashMap<>();
        reachable.forEach(s -> onArrival.put(s, new HashSet<>()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String state : reachable) {
                Set<String> in = onArrival.get(state);
                for (String from : graph.predecessors(state)) {
                    if (!reachable.contains(from)) {
                        continue;
                    }
                    changed |= in.addAll(onArrival.get(from));
                    changed |= in.addAll(setIn.getOrDefault(from, Set.of()));
                }
            }
        }
        Set<String> reported = new LinkedHashSet<>();
        for (ExpressionField field : definition.expressionFields()) {
            String state = stateOf(definition, field.path());
            if (state == null || !reachable.contains(state)) {
                continue;
            }
            Set<String> read = new LinkedHashSet<>();
            (field.kind() == FieldKind.TEMPLATE ? Parser.parseTemplate(field.text(), ExpressionOptions.DEFAULTS).expr()
                    : Parser.parse(field.text()).expr()).forEach(e -> {
                        if (e instanceof Expr.VariableRef v) {
                            read.add(v.name());
                        }
                    });
            for (String v : read) {
                boolean available = onArrival.get(state).contains(v) || setIn.getOrDefault(state, Set.of()).contains(v);
                if (everSet.contains(v) && !available && reported.add(state + "/" + v)) {
                    sink.report(Severity.WARNING, VARIABLE_BEFORE_SET.code(), field.path(),
                            VARIABLE_BEFORE_SET.message(v, state));
                }
            }
        }
    }

    private static String stateOf(DetectorModelDefinition definition, String path) {
        if (!path.startsWith(STATES + "[")) {
            return null;
        }
        int end = path.indexOf(']', STATES.length());
        int index = Integer.parseInt(path.substring(STATES.length() + 1, end));
        return index < definition.states().size() ? definition.states().get(index).stateName() : null;
    }
}
