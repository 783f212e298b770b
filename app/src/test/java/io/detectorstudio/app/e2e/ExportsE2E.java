package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, flow (d): File ▸ Export ▸ CloudFormation template (YAML), Diagram (SVG) and Diagram (PNG) on the motor
 * sample, through the menus; the save dialog answers the suggested name in the test's directory
 * ({@link AppDriver#answeringSaveDialogsIn}).
 */
class ExportsE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("motor");

    @Test
    void cloudFormationYamlSvgAndPngFromTheFileMenu() throws Exception {
        Path out = Files.createDirectories(app.home().resolve("exports"));
        app.answeringSaveDialogsIn(out);
        app.waitUntil("the motor model is drawn", () -> app.robot().lookup(".transition-edge").tryQuery().isPresent());

        Path yaml = export("CloudFormation template (YAML)…", out.resolve("motorDetectorModel.template.yaml"));
        assertThat(Files.readString(yaml)).contains("AWS::IoTEvents::DetectorModel", "DetectorModelName: motorDetectorModel",
                "BackToNormal", "$input.PressureInput.sensorData.pressure > 70");

        Path svg = export("Diagram (SVG)…", out.resolve("motorDetectorModel.svg"));
        assertThat(Files.readString(svg)).startsWith("<").contains("<svg", "Normal", "Dangerous");

        Path png = export("Diagram (PNG)…", out.resolve("motorDetectorModel.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(200);
        assertThat(image.getHeight()).isGreaterThan(50);
    }

    private static Path export(String item, Path expected) {
        app.clickMenu("File", "Export", item);
        app.waitUntil(expected.getFileName() + " is written", () -> Files.isRegularFile(expected) && size(expected) > 0);
        return expected;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            return 0;
        }
    }
}
