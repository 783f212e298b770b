package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.simulator.coverage.Coverage;
import io.detectorstudio.simulator.faults.DeliveryFaults;
import io.detectorstudio.simulator.scenario.JUnitReport;
import io.detectorstudio.simulator.scenario.Scenario;
import io.detectorstudio.simulator.scenario.ScenarioException;
import io.detectorstudio.simulator.scenario.ScenarioReader;
import io.detectorstudio.simulator.scenario.ScenarioResult;
import io.detectorstudio.simulator.scenario.ScenarioRunner;
import io.detectorstudio.simulator.trace.TraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simulate SCENARIO...}: runs scenario files and reports every failed expectation. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run scenario files (*.scenario.json|yaml) on virtual time. Prints one line per failed "
                + "expectation and 'N passed, N failed'. Exit 0 when all pass, 1 on failures, 2 for bad files "
                + "or options.")
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

    @Option(names = "--coverage", paramLabel = "OUT.json",
            description = "write which states, events, transitions and actions the scenarios exercised; "
                    + "prints one summary line per model")
    Path coverage;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "delivery faults, e.g. duplicate=0.1,reorder=4,delay=PT30S,seed=7: duplicate with a "
                    + "probability (new messageId), shuffle within windows of N messages, delay each by up to a "
                    + "duration of virtual time; the same seed repeats the same run")
    String faults;

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
        DeliveryFaults deliveryFaults = DeliveryFaults.NONE;
        if (faults != null) {
            try {
                deliveryFaults = DeliveryFaults.parse(faults);
            } catch (IllegalArgumentException e) {
                err.println("simulate: --faults: " + e.getMessage());
                return ExitCodes.CANNOT_RUN;
            }
        }
        Coverage covered = new Coverage();
        scenarios.forEach(s -> covered.model(s.model()));
        List<ScenarioResult> results = new ArrayList<>();
        try (TraceWriter writer = trace == null ? null : new TraceWriter(trace)) {
            Consumer<ObjectNode> sink = null;
            if (writer != null && coverage != null) {
                sink = writer.andThen(covered);
            } else if (writer != null) {
                sink = writer;
            } else if (coverage != null) {
                sink = covered;
            }
            ScenarioRunner runner = new ScenarioRunner(new ScenarioRunner.Options(sink, false, deliveryFaults));
            for (Scenario scenario : scenarios) {
                results.add(runner.run(scenario));
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("simulate: cannot write the trace " + trace + ": " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        long passed = results.stream().filter(ScenarioResult::passed).count();
        long failed = results.size() - passed;
        if (format == Format.text) {
            for (ScenarioResult r : results) {
                r.failures().forEach(f -> out.println(f.describe(r.scenario().file().toString())));
            }
            if (coverage != null) {
                covered.summary().forEach(out::println);
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
            if (coverage != null) {
                json.set("coverage", covered.toJson());
            }
            out.println(json);
        }
        try {
            if (coverage != null) {
                AtomicFiles.write(coverage, covered.toJson().toPrettyString().getBytes(StandardCharsets.UTF_8));
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
