package io.detectorstudio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthrough as boto3 and the AWS CLI users run it (Debian's python3-boto3 and awscli; .ci/run installs
 * them) through --endpoint-url against a server started here: the scripts in src/test/scripts must exit 0.
 */
class AwsClientScriptsTest {

    @TempDir
    static Path data;
    static IotEventsServer server;
    static URI endpoint;

    @BeforeAll
    static void start() throws Exception {
        server = new IotEventsServer(ServeOptions.defaults(data).withThreads(2));
        endpoint = server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Debian's interpreter, where python3-boto3 installs, even when another python3 comes first on the PATH. */
    static String debianPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static void runScript(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("script finished: " + output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    @Test
    void boto3Walkthrough() throws Exception {
        runScript(debianPython(), "src/test/scripts/walkthrough_boto3.py", endpoint.toString(),
                Sdk.SAMPLES.toAbsolutePath().toString());
    }

    @Test
    void awsCliWalkthrough() throws Exception {
        runScript(List.of("bash", "src/test/scripts/walkthrough_awscli.sh", endpoint.toString(),
                Sdk.SAMPLES.toAbsolutePath().toString()).toArray(String[]::new));
    }
}
