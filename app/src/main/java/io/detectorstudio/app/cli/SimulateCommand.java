package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.simulator.scenario.JUnitReport;
import io.detectorstudio.simulator.scenario.Scenario;
import io.detectorstudio.simulator.scenario.ScenarioException;
import io.detectorstudio.simulator.scenario.ScenarioReader;
import io.detectorstudio.simulator.scenario.ScenarioResult;
import io.detectorstudio.simulator.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simulate SCENARIO...}: runs scenario files and reports every failed expectation. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run scenario files (*.scenario.json|yaml) on virtual time. Prints one line per failed "
                + "expectation and 'N passed, N failed'. Exit 0 when all pass, 1 on failures, 2 for bad files.")
public final class SimulateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "scenario files")
    List<Path> files;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "write the trace of every cycle")
    Path trace;

    @Option(names = "--junit", paramLabel = "OUT.xml", description = "write a JUnit XML report")
    Path junit;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios = new ArrayList<>();
        boolean unreadable = false;
        for (Path file : files) {
            try {
                scenarios.add(new ScenarioReader().read(file));
            } catch (ScenarioException e) {
                err.println(e.getMessage());
                unreadable = true;
            }
        }
        if (unreadable) {
            return ExitCodes.CANNOT_RUN;
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(new ScenarioRunner().run(scenario));
        }
        long passed = results.stream().filter(ScenarioResult::passed).count();
        long failed = results.size() - passed;
        if (format == Format.text) {
            for (ScenarioResult r : results) {
                r.failures().forEach(f -> out.println(f.describe(r.scenario().file().toString())));
            }
            out.println(passed + " passed, " + failed + " failed");
        } else {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            ArrayNode list = json.putArray("scenarios");
            for (ScenarioResult r : results) {
                ObjectNode s = list.addObject();
                s.put("file", r.scenario().file().toString());
                s.put("name", r.scenario().name());
                s.put("passed", r.passed());
                ArrayNode failures = s.putArray("failures");
                r.failures().forEach(f -> failures.addObject().put("step", f.step()).put("expected", f.expected())
                        .put("actual", f.actual()));
            }
            json.put("passed", passed);
            json.put("failed", failed);
            out.println(json);
        }
        try {
            if (trace != null) {
                StringBuilder lines = new StringBuilder();
                results.forEach(r -> r.trace().forEach(t -> lines.append(t).append('\n')));
                AtomicFiles.write(trace, lines.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (junit != null) {
                AtomicFiles.write(junit, JUnitReport.xml(results).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            err.println("simulate: cannot write report: " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
