package io.detectorstudio.editor.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramExportTest {

    private static Path hvac(Path dir) throws Exception {
        Path model = dir.resolve("areaDetectorModel.json");
        Files.copy(Path.of(DiagramExportTest.class.getResource("/models/devguide__areaDetectorModel.json").toURI()), model);
        return model;
    }

    @Test
    void pngShowsEveryStateBoxWhereTheLayoutPutsIt(@TempDir Path dir) throws Exception {
        Path model = hvac(dir);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(DiagramExport.export(model, DiagramExport.Format.PNG)));
        DiagramGraph g = DiagramExport.placed(model);
        double[] b = g.bounds();
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil((b[2] - b[0] + 80) * 2));
        for (DiagramState s : g.states()) {
            // the box border is drawn in the state stroke colour, 2x scale, origin at bounds - padding
            int x = (int) Math.round((s.position().x() + s.width() / 2 - (b[0] - 40)) * 2);
            int y = (int) Math.round((s.position().y() - (b[1] - 64)) * 2);
            boolean coloured = false;
            for (int dy = -3; dy <= 3; dy++) {
                int rgb = png.getRGB(x, y + dy) & 0xffffff;
                coloured |= rgb != 0xffffff;
            }
            assertThat(coloured).as("border of %s drawn", s.name()).isTrue();
        }
    }

    @Test
    void svgUsesTheSavedLayoutWhenItPlacesEveryState(@TempDir Path dir) throws Exception {
        Path model = hvac(dir);
        DiagramGraph g = DiagramExport.placed(model);
        StringBuilder states = new StringBuilder();
        for (DiagramState s : g.states()) {
            states.append(",\"").append(s.name()).append("\":{\"x\":").append(1000 + s.position().x()).append(",\"y\":7}");
        }
        Files.writeString(dir.resolve("areaDetectorModel.layout.json"),
                "{\"layoutVersion\":1,\"zoom\":1.0,\"states\":{" + states.substring(1) + "}}");
        String svg = new String(DiagramExport.export(model, DiagramExport.Format.SVG), StandardCharsets.UTF_8);
        assertThat(DiagramExport.placed(model).states()).allSatisfy(s -> assertThat(s.position().y()).isEqualTo(7));
        assertThat(svg).contains("<title>areaDetectorModel</title>", ">heating<");
    }
}
