package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detectorstudio.engine.expr.Evaluator;
import io.detectorstudio.engine.expr.ExpressionChecker;
import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.expr.SymbolEnvironment;
import io.detectorstudio.engine.expr.MapContext;
import io.detectorstudio.engine.expr.ParseResult;
import io.detectorstudio.engine.expr.Parser;
import io.detectorstudio.engine.expr.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eval EXPR}: evaluates one expression and prints its value as JSON on one line. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate one IoT Events expression. Prints the value as JSON (undefined as the bare word); "
                + "a syntax or type error prints the expression with a caret under the problem and exits 2.")
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXPR", description = "the expression, e.g. '$input.I.x > 70' (it may start with '-': '-3 + 5')")
    String expression;

    @Option(names = "--input", paramLabel = "NAME=JSON", description = "an input message; repeatable")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "a variable (VALUE is an expression literal)")
    List<String> variables = new ArrayList<>();

    @Option(names = "--timer", paramLabel = "NAME=SECONDS_LEFT", description = "a timer; 0 seconds left = expired")
    List<String> timers = new ArrayList<>();

    @Option(names = "--trigger", defaultValue = "Message", paramLabel = "Message|Timer",
            description = "what caused the evaluation (default: ${DEFAULT-VALUE})")
    String trigger;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseResult parsed = Parser.parse(expression);
        if (!parsed.ok()) {
            parsed.problems().forEach(p -> printProblem(err, expression, p));
            return ExitCodes.CANNOT_RUN;
        }
        MapContext context = new MapContext();
        String firstInput = null;
        ObjectMapper json = new ObjectMapper();
        for (String input : inputs) {
            String[] kv = split(input, "--input");
            if (kv == null) {
                err.println("eval: --input needs NAME=JSON, got '" + input + "'");
                return ExitCodes.CANNOT_RUN;
            }
            try {
                JsonNode payload = json.readTree(kv[1]);
                context.input(kv[0], payload);
                firstInput = firstInput == null ? kv[0] : firstInput;
            } catch (IOException e) {
                err.println("eval: --input " + kv[0] + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
                return ExitCodes.CANNOT_RUN;
            }
        }
        for (String variable : variables) {
            String[] kv = split(variable, "--var");
            ParseResult value = kv == null ? null : Parser.parse(kv[1]);
            if (value == null || !value.ok()) {
                err.println("eval: --var needs NAME=VALUE with VALUE a literal such as 3, 2.5, 'text' or true; got '"
                        + variable + "'");
                return ExitCodes.CANNOT_RUN;
            }
            context.variable(kv[0], new Evaluator(new MapContext()).evaluate(value.expr()));
        }
        for (String timer : timers) {
            String[] kv = split(timer, "--timer");
            if (kv == null || !kv[1].matches("\\d+")) {
                err.println("eval: --timer needs NAME=SECONDS_LEFT (a whole number), got '" + timer + "'");
                return ExitCodes.CANNOT_RUN;
            }
            if (Long.parseLong(kv[1]) == 0) {
                context.expiredTimer(kv[0]);
            }
        }
        if (!trigger.equalsIgnoreCase("Message") && !trigger.equalsIgnoreCase("Timer")) {
            err.println("eval: --trigger must be Message or Timer, got '" + trigger + "'");
            return ExitCodes.CANNOT_RUN;
        }
        context.trigger(trigger.equalsIgnoreCase("Timer") ? "Timer" : "Message", firstInput);
        Value value = new Evaluator(context).evaluate(parsed.expr());
        if (value.type() == Value.Type.INVALID) {
            // the checker knows where a type error is; the evaluator only that the whole failed
            List<ExpressionProblem> typeProblems = new ExpressionChecker(SymbolEnvironment.NONE)
                    .check(parsed.expr(), ExpressionChecker.Role.VALUE);
            if (!typeProblems.isEmpty()) {
                printProblem(err, expression, typeProblems.get(0));
            } else {
                err.println(expression);
                err.println("^".repeat(Math.max(1, expression.length())));
                err.println("eval: " + value.reason());
            }
            return ExitCodes.CANNOT_RUN;
        }
        out.println(value.toJson());
        return ExitCodes.OK;
    }

    private static String[] split(String arg, String option) {
        int eq = arg.indexOf('=');
        return eq <= 0 ? null : new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
    }

    /** The expression, a caret line under the span, and the message. */
    static void printProblem(PrintWriter err, String expression, ExpressionProblem p) {
        err.println(expression);
        int start = Math.min(p.start(), expression.length());
        int width = Math.max(1, Math.min(p.end(), expression.length() + 1) - start);
        err.println(" ".repeat(start) + "^".repeat(width));
        err.println("eval: " + p.severity().word() + " " + p.code() + " at " + (p.start() + 1) + ": " + p.message());
    }
}
