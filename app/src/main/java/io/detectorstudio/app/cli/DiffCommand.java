package io.detectorstudio.app.cli;

import io.detectorstudio.engine.analysis.ModelDiff;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff A B}: what changed between two models, in terms of states, events, transitions and actions. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Semantic difference of two models (any accepted shapes): states and events matched by name, "
                + "expressions compared after parsing, a changed event order reported. One line per difference: "
                + "'+|-|~ JSONPATH: what'. Exit 1 when they differ, 0 when they do not.")
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "the first model (file or project folder)")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "the second model")
    Path second;

    @Option(names = "--model", paramLabel = "NAME", description = "the model to compare when a file holds several")
    String modelName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedModel[] models = new LoadedModel[2];
        Path[] files = {first, second};
        for (int i = 0; i < 2; i++) {
            try {
                models[i] = new ModelLoader().load(files[i]).model(modelName);
            } catch (ModelReadException e) {
                spec.commandLine().getErr().println(files[i] + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
                return ExitCodes.CANNOT_RUN;
            }
        }
        LoadedModel a = models[0];
        LoadedModel b = models[1];
        List<ModelDiff.Change> changes = ModelDiff.between(a.request(), b.request());
        changes.forEach(out::println);
        out.flush();
        return changes.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
