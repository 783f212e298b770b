package io.detectorstudio.app.cli;

import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.io.ModelReadException;
import io.detectorstudio.engine.io.ModelWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export FILE --format ...}: a deployable definition or a diagram, written atomically. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a model as a CreateDetectorModel request (api), a CloudFormation template, or a "
                + "diagram (svg, png). Output goes to -o OUT (replaced atomically) or stdout.")
public final class ExportCommand implements Callable<Integer> {

    enum Format {
        api, cloudformation_json, cloudformation_yaml, svg, png;

        static Format parse(String text) {
            return valueOf(text.replace('-', '_'));
        }
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "the model file, in any accepted shape")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "api, cloudformation-json, cloudformation-yaml, svg or png")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "output file (default: stdout)")
    Path output;

    @Option(names = "--inputs", paramLabel = "PATH", description = "input definitions to include; repeatable")
    List<Path> inputPaths = new ArrayList<>();

    @Option(names = "--model", paramLabel = "NAME", description = "the model to export when a file holds several")
    String modelName;

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    @Spec
    CommandSpec spec;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown format '" + value
                        + "'; valid: api, cloudformation-json, cloudformation-yaml, svg, png");
            }
        }
    }

    @Mixin
    TemplateParameters parameters;

    @Override
    public Integer call() {
        ModelLoader loader = parameters.loader();
        byte[] bytes;
        try {
            ModelFile modelFile = loader.load(file);
            LoadedModel model = modelFile.model(modelName);
            List<LoadedInput> inputs = new ArrayList<>(modelFile.inputs());
            inputs.addAll(ModelInputs.read(loader, inputPaths));
            bytes = render(modelFile.path(), model, inputs); // a project folder renders its model.json
            if (bytes == null) {
                spec.commandLine().getErr().println("export: the " + format.name() + " format is not available in "
                        + "this build (no diagram exporter found)");
                return ExitCodes.CANNOT_RUN;
            }
        } catch (ModelReadException e) {
            spec.commandLine().getErr().println(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        } catch (IOException e) {
            spec.commandLine().getErr().println("export: cannot render " + file + ": " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        try {
            if (output == null) {
                System.out.write(bytes);
                System.out.flush();
            } else {
                AtomicFiles.write(output, bytes);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("export: cannot write " + output + ": " + e.getMessage()
                    + " (any existing file is left unchanged)");
            return ExitCodes.CANNOT_RUN;
        }
        return ExitCodes.OK;
    }

    private byte[] render(Path source, LoadedModel model, List<LoadedInput> inputs) throws IOException {
        ModelWriter writer = new ModelWriter();
        return switch (format) {
            case api -> writer.requestJson(model).getBytes(StandardCharsets.UTF_8);
            case cloudformation_json -> writer.cloudFormationJson(model, inputs).getBytes(StandardCharsets.UTF_8);
            case cloudformation_yaml -> writer.cloudFormationYaml(model, inputs).getBytes(StandardCharsets.UTF_8);
            case svg, png -> {
                for (DiagramExporter exporter : ServiceLoader.load(DiagramExporter.class)) {
                    if (exporter.format().equals(format.name())) {
                        yield exporter.render(source, model);
                    }
                }
                yield null;
            }
        };
    }
}
