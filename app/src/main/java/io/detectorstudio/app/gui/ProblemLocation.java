package io.detectorstudio.app.gui;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.EXPR_HTML_ENTITY;

import io.detectorstudio.editor.document.ActionRef;
import io.detectorstudio.editor.document.EventRef;
import io.detectorstudio.editor.properties.PropertyTarget;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.engine.analysis.ModelSymbols;
import io.detectorstudio.engine.expr.ExpressionChecker;
import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a problem is, in the editor's terms: the state to select in the diagram and the property panel to open
 * (the event, the action, the state or the model), from the diagnostic's JSON path.
 *
 * @param stateName the state to select, or null for a model-level problem
 * @param target    the panel to show
 * @param condition whether the problem is in the event's condition (so the caret can go to it)
 */
record ProblemLocation(String stateName, PropertyTarget target, boolean condition) {

    private static final Pattern PATH = Pattern.compile("^\\$\\.detectorModelDefinition\\.states\\[(\\d+)]"
            + "(?:\\.(onEnter\\.events|onInput\\.events|onInput\\.transitionEvents|onExit\\.events)\\[(\\d+)]"
            + "(\\.condition|\\.actions\\[(\\d+)])?)?");

    static Optional<ProblemLocation> of(String path, DetectorModel model) {
        Matcher m = PATH.matcher(path);
        if (!m.find()) {
            return Optional.of(new ProblemLocation(null, new PropertyTarget.Model(), false));
        }
        int stateIndex = Integer.parseInt(m.group(1));
        if (model.detectorModelDefinition() == null || stateIndex >= model.detectorModelDefinition().states().size()) {
            return Optional.empty();
        }
        String state = model.detectorModelDefinition().states().get(stateIndex).stateName();
        if (m.group(2) == null) {
            return Optional.of(new ProblemLocation(state, new PropertyTarget.State(state), false));
        }
        EventRef event = new EventRef(state, list(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(5) != null) {
            return Optional.of(new ProblemLocation(state,
                    new PropertyTarget.Action(new ActionRef(event, Integer.parseInt(m.group(5)))), false));
        }
        return Optional.of(new ProblemLocation(state, new PropertyTarget.Event(event), ".condition".equals(m.group(4))));
    }

    /**
     * Where in a condition's text a validation problem with {@code code} starts: the engine's own parse and check of
     * that text find it again (the diagnostic itself carries a file position, not an offset in the expression).
     */
    static int offsetIn(String text, String code, DetectorModel model) {
        if (code.equals(EXPR_HTML_ENTITY.code())) {
            return Math.max(0, text.indexOf('&'));
        }
        ParseResult parsed = Parser.parse(text);
        List<ExpressionProblem> found = new ArrayList<>(parsed.problems());
        if (parsed.ok()) {
            found.addAll(new ExpressionChecker(ModelSymbols.of(model, null))
                    .check(parsed.expr(), ExpressionChecker.Role.CONDITION));
        }
        return found.stream().filter(p -> p.code().equals(code)).findFirst()
                .or(() -> found.stream().findFirst()).map(ExpressionProblem::start).orElse(0);
    }

    private static State.EventList list(String path) {
        for (State.EventList list : State.EventList.values()) {
            if (list.path().equals(path)) {
                return list;
            }
        }
        throw new IllegalArgumentException(path);
    }
}
