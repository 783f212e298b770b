package io.detectorstudio.editor.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.ModelGraphReader;
import io.detectorstudio.editor.layout.ElkLayouter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgExporterTest {

    @Test
    void theHvacDiagramIsWellFormedSvgWithEveryStateAndTransition() throws Exception {
        DiagramGraph g = ElkLayouter.arrange(ModelGraphReader.read(
                Path.of(getClass().getResource("/models/devguide__areaDetectorModel.json").toURI())));
        String svg = SvgExporter.toSvg("areaDetectorModel", g);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        int groups = doc.getElementsByTagName("g").getLength();
        // one group per state, and per transition one for its line and one for its label (drawn over all lines)
        assertThat(groups).isEqualTo(g.states().size() + 2 * g.transitions().size());
        assertThat(svg).contains(">idle<", ">heating<", ">cooling<", "marker-end=\"url(#arrow)\"");
    }

    @Test
    void textIsEscaped() {
        assertThat(SvgExporter.escape("a < b && \"c\"")).isEqualTo("a &lt; b &amp;&amp; &quot;c&quot;");
    }
}
