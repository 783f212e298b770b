package io.detectorstudio.app.gui;

import io.detectorstudio.engine.analysis.ExpressionCheck;
import io.detectorstudio.engine.analysis.ModelSymbols;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.ExpressionField;
import io.detectorstudio.engine.model.Input;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check of a model while a field is being typed in (a {@code ModelDocument} draft): the whole model validated
 * as it would be with that text, for the Problems view, and the typed expression field on its own, with spans in
 * its text, for the field's underline (unknown inputs, attributes, variables and types, not only syntax). Runs off
 * the FX thread. No JavaFX.
 */
final class TypingCheck {

    /** {@code fieldText} is null when the draft changed no expression field (e.g. a name is being typed). */
    record Result(List<Diagnostic> problems, String fieldText, List<ExpressionProblem> fieldProblems) {
    }

    private TypingCheck() {
    }

    /** {@code check} is the draft's ({@link ModelWorkspace#checkOf}), taken on the FX thread. */
    static Result run(ModelWorkspace.ModelCheck check, DetectorModel committed, DetectorModel draft, List<Input> inputs)
            throws ModelReadException {
        List<Diagnostic> problems = check.run();
        Optional<ExpressionField> typed = typedField(committed, draft);
        if (typed.isEmpty()) {
            return new Result(problems, null, List.of());
        }
        List<ExpressionProblem> fieldProblems = ExpressionCheck.problemsOf(typed.get(),
                ModelSymbols.of(draft, inputs.isEmpty() ? null : inputs));
        return new Result(problems, typed.get().text(), fieldProblems);
    }

    /** The evaluated field whose text differs between the committed model and the draft (the one being typed). */
    static Optional<ExpressionField> typedField(DetectorModel committed, DetectorModel draft) {
        Map<String, String> before = new HashMap<>();
        committed.expressionFields().forEach(f -> before.put(f.path(), f.text()));
        return draft.expressionFields().stream().filter(f -> !f.text().equals(before.get(f.path()))).findFirst();
    }
}
