package io.detectorstudio.engine.analysis;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.TYPE_INFERRED;

import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.expr.ExpressionChecker;
import io.detectorstudio.engine.expr.ExpressionOptions;
import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.SymbolEnvironment;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.ModelTreeReader;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.ExpressionField;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.LocatedEvent;
import io.detectorstudio.engine.model.SetVariableAction;
import io.detectorstudio.engine.validation.FindingSink;
import io.detectorstudio.engine.validation.ModelCheck;
import io.detectorstudio.engine.validation.ValidationContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses and checks every evaluated field of a model (conditions, variable values, durations, payloads, the
 * expression fields of DynamoDB/SiteWise actions and the {@code ${…}} templates of the others): syntax errors,
 * unknown inputs and attributes, variables and timers nobody sets, type errors — each at its exact span.
 * Registered for {@code validate} through ServiceLoader.
 */
public final class ExpressionCheck implements ModelCheck {

    private static final Pattern HTML_ENTITY = Pattern.compile("(?s).*&(gt|lt|amp|quot|apos);.*");

    @Override
    public void check(ValidationContext context, FindingSink sink) {
        DetectorModel model = new ModelTreeReader().detectorModel(context.model());
        SymbolEnvironment symbols = ModelSymbols.of(model,
                context.inputsGiven() ? context.inputs().stream().map(LoadedInput::input).toList() : null);
        ExpressionChecker checker = new ExpressionChecker(symbols);
        for (ExpressionField field : model.expressionFields()) {
            if (HTML_ENTITY.matcher(field.text()).matches()) {
                continue; // reported by StructureCheck with a targeted message
            }
            problemsOf(field, checker).forEach(p -> report(p, field, sink));
        }
        symbols.variables().forEach((name, type) -> {
            if (type.isKnown()) { // the service states what it inferred; "unknown" would only be noise
                sink.report(Severity.INFO, TYPE_INFERRED.code(), firstAssignment(model, name),
                        TYPE_INFERRED.message(type.label(), name));
            }
        });
    }

    /**
     * What {@code validate} finds in one field (syntax, then references and types against the model's symbols), with
     * spans in the field's text: what an editor underlines while the text is typed, before it is committed.
     */
    public static List<ExpressionProblem> problemsOf(ExpressionField field, SymbolEnvironment symbols) {
        return problemsOf(field, new ExpressionChecker(symbols));
    }

    private static List<ExpressionProblem> problemsOf(ExpressionField field, ExpressionChecker checker) {
        ParseResult parsed = field.kind() == FieldKind.TEMPLATE
                ? Parser.parseTemplate(field.text(), ExpressionOptions.DEFAULTS) : Parser.parse(field.text());
        List<ExpressionProblem> out = new java.util.ArrayList<>(parsed.problems());
        if (parsed.ok()) {
            out.addAll(checker.check(parsed.expr(), role(field)));
        }
        return out;
    }

    private static void report(ExpressionProblem p, ExpressionField field, FindingSink sink) {
        sink.reportInString(p.severity(), p.code(), field.path(), p.start(), p.end(), p.message());
    }

    /** §B.8: the type each field must produce follows from where it is. */
    static ExpressionChecker.Role role(ExpressionField field) {
        String path = field.path();
        if (path.endsWith(".condition")) {
            return ExpressionChecker.Role.CONDITION;
        } else if (path.endsWith(".durationExpression")) {
            return ExpressionChecker.Role.DURATION;
        } else if (path.endsWith(".contentExpression")) {
            return ExpressionChecker.Role.CONTENT;
        } else if (path.endsWith(".setVariable.value")) {
            return ExpressionChecker.Role.VALUE;
        }
        return ExpressionChecker.Role.TEXT;
    }

    /** Where the first setVariable of {@code variable} names it, so the INFO line points at something. */
    private static String firstAssignment(DetectorModel model, String variable) {
        for (LocatedEvent located : model.detectorModelDefinition().events()) {
            for (int a = 0; a < located.event().actions().size(); a++) {
                if (located.event().actions().get(a) instanceof SetVariableAction set
                        && variable.equals(set.variableName())) {
                    return located.actionPath(a) + ".setVariable.variableName";
                }
            }
        }
        return "$.detectorModelDefinition";
    }
}
