package io.detectorstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.diagnostics.DiagnosticCode;
import io.detectorstudio.engine.diagnostics.Severity;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.validation.Validator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate FILE...}: every check the service makes plus the model analysis, one located line each. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check detector models against the service's rules and the model analysis.%n"
                + "Prints FILE:LINE:COL: error|warning|info CODE JSONPATH: message. Exit 0 without errors, "
                + "1 with errors, 2 when a file cannot be read.")
public final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "model files in any accepted shape")
    List<Path> files;

    @Option(names = "--inputs", paramLabel = "PATH", description = "input definitions (file or directory); repeatable")
    List<Path> inputPaths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--model", paramLabel = "NAME", description = "the model to check when a file holds several")
    String modelName;

    @Option(names = "--info", description = "also print info findings (the inferred type of each variable) in text output")
    boolean info;

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    @Mixin
    TemplateParameters parameters;

    @Spec
    CommandSpec spec;

    private final Validator validator = new Validator();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelLoader loader = parameters.loader();
        List<LoadedInput> inputs;
        try {
            inputs = ModelInputs.read(loader, inputPaths);
        } catch (ModelReadException e) {
            err.println("validate: --inputs: " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        boolean unreadable = false;
        boolean errors = false;
        ObjectNode json = new ObjectMapper().createObjectNode();
        ArrayNode jsonFiles = json.putArray("files");
        for (Path file : files) {
            try {
                // a project folder: its model.json and models/*.json, each with the project's inputs
                List<ModelFile> modelFiles = Files.isDirectory(file) ? loader.loadAll(file)
                        : List.of(projectFile(loader, file));
                for (ModelFile modelFile : modelFiles) {
                    errors |= report(modelFile, inputs, jsonFiles);
                }
            } catch (ModelReadException e) {
                unreadable = true;
                err.println(file + ":" + e.line() + ":" + e.column() + ": error " + DiagnosticCode.READ.code() + " $: "
                        + DiagnosticCode.READ.message(e.getMessage()));
                ObjectNode f = jsonFiles.addObject();
                f.put("file", file.toString());
                f.put("error", e.getMessage());
            }
        }
        if (format == Format.json) {
            out.println(json.toString());
        }
        out.flush();
        return unreadable ? ExitCodes.CANNOT_RUN : errors ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    /** Validates the models of one file and prints the findings; true when one is an error. */
    private boolean report(ModelFile modelFile, List<LoadedInput> inputs, ArrayNode jsonFiles)
            throws ModelReadException {
        PrintWriter out = spec.commandLine().getOut();
        List<LoadedInput> all = new ArrayList<>(inputs);
        all.addAll(modelFile.inputs());
        List<LoadedModel> models = modelName == null && modelFile.models().size() > 1
                ? modelFile.models() : List.of(modelFile.model(modelName));
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (LoadedModel model : models) {
            diagnostics.addAll(validator.validate(modelFile, model, all, !all.isEmpty()));
        }
        Path located = modelFile.path(); // a project folder's findings are in its model.json
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        if (format == Format.text) {
            diagnostics.stream().filter(d -> info || d.severity() != Severity.INFO)
                    .forEach(d -> out.println(DiagnosticFormat.text(located, d)));
        } else {
            ObjectNode f = jsonFiles.addObject();
            f.put("file", located.toString());
            ArrayNode list = f.putArray("diagnostics");
            diagnostics.forEach(d -> list.add(DiagnosticFormat.json(d)));
        }
        return errors;
    }

    /** A file of a project's models/ folder comes with the project's inputs. */
    private static ModelFile projectFile(ModelLoader loader, Path file) throws ModelReadException {
        Path folder = file.getParent();
        if (folder != null && folder.getFileName() != null
                && folder.getFileName().toString().equals(ModelLoader.PROJECT_MODELS) && folder.getParent() != null) {
            for (ModelFile f : loader.loadAll(folder.getParent())) {
                if (f.path().equals(file)) {
                    return f;
                }
            }
        }
        return loader.load(file);
    }
}
