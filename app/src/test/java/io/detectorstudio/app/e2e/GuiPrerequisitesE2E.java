package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, defect 12: {@code java -jar detector-studio.jar} on a machine that cannot show the GUI names the cause
 * and the remedy instead of "cannot start the GUI (InvocationTargetException)". The jar is started as a user starts
 * it, in its own process; a machine without GTK is made by putting an unloadable {@code libgtk-3.so.0} first on
 * the library path.
 */
class GuiPrerequisitesE2E {

    @TempDir
    Path dir;

    @Test
    void withoutGtkTheMessageSaysToInstallIt() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("no-gtk"));
        Files.writeString(libs.resolve("libgtk-3.so.0"), "not a library");
        Run run = start(env -> env.put("LD_LIBRARY_PATH", libs.toString()));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).contains("detector-studio: cannot start the GUI: JavaFX could not load GTK 3: "
                + "install libgtk-3-0").doesNotContain("InvocationTargetException");
    }

    @Test
    void withoutADisplayTheMessageSaysSo() throws Exception {
        Run run = start(env -> env.remove("DISPLAY"));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).contains("cannot start the GUI: there is no display to open the window on")
                .contains("Headless commands still work").doesNotContain("InvocationTargetException");
    }

    /**
     * The GUI's JVM options are the launcher's (GUI_JAVA_OPTS in ./detector-studio): this JVM, which runs the app for
     * every end-to-end test, has them, and so do the installers' launchers — the stall probes measure what users run.
     */
    @Test
    void theEndToEndJvmAndTheInstallersRunTheGuiWithTheLaunchersJavaOptions() throws Exception {
        Path repository = Path.of(System.getProperty("e2e.repository", ".."));
        java.util.regex.Matcher declared = java.util.regex.Pattern.compile("(?m)^GUI_JAVA_OPTS=\"([^\"]*)\"$")
                .matcher(Files.readString(repository.resolve("detector-studio")));
        assertThat(declared.find()).as("GUI_JAVA_OPTS in ./detector-studio").isTrue();
        List<String> options = List.of(declared.group(1).trim().split("\\s+"));
        assertThat(options).isNotEmpty();
        assertThat(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(options);
        assertThat(Files.readString(repository.resolve("installers/src/jpackage/app-image.args")))
                .contains("--java-options \"" + String.join(" ", options) + "\"");
    }

    private record Run(int exit, String stderr) {
    }

    private Run start(Consumer<Map<String, String>> environment) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/detector-studio.jar")).toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Duser.home=" + dir, "-jar", jar.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment.accept(pb.environment());
        Process process = pb.start();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not end within 60 s");
        }
        return new Run(process.exitValue(), new String(err, StandardCharsets.UTF_8));
    }
}
