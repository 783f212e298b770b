package io.detectorstudio.app.cli;

import static io.detectorstudio.engine.diagnostics.DiagnosticCode.CFN_PARAMETER_DEFAULT;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.io.ModelFile;
import io.detectorstudio.engine.io.ModelLoader;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --parameter NAME=VALUE}: values for a CloudFormation template's Parameters and pseudo-parameters
 * ({@code AWS::StackName}, {@code AWS::Region}, {@code AWS::AccountId}, …). What is not given takes its default
 * with a DS-CFN-PARAMETER-DEFAULT warning naming it (issue 14 item 8).
 */
public final class TemplateParameters {

    @Option(names = "--parameter", paramLabel = "NAME=VALUE",
            description = "a CloudFormation template parameter or pseudo-parameter (AWS::Region, AWS::AccountId, "
                    + "AWS::StackName); repeatable. Not given: the default is used and a warning names it")
    Map<String, String> values = new LinkedHashMap<>();

    ModelLoader loader() {
        return new ModelLoader(values);
    }

    /** For commands that print no diagnostics of their own: the defaults used, on stderr. */
    void warnDefaults(ModelFile file, PrintWriter err) {
        for (Diagnostic d : file.readDiagnostics()) {
            if (d.code().equals(CFN_PARAMETER_DEFAULT.code())) {
                err.println(file.path() + ":" + d.line() + ":" + d.column() + ": warning " + d.code() + " "
                        + d.message());
            }
        }
    }
}
