package io.detectorstudio.editor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class EdgeLabelTest {

    @Test
    void aLongConditionIsWrappedInFullUnderTheEventName() {
        DiagramTransition t = new DiagramTransition("A", "overheated", "B",
                "$input.temperatureInput.sensorData.temperature > $variable.threshold + 10", List.of());
        EdgeLabel label = EdgeLabel.of(t);
        assertThat(label.lines()).containsExactly("overheated",
                "[$input.temperatureInput.sensorData", ".temperature > $variable.threshold + 10]");
        assertThat(label.width()).isEqualTo(Math.ceil(40 * EdgeLabel.CHAR_WIDTH + 2 * EdgeLabel.PAD_X));
        assertThat(label.height()).isEqualTo(3 * EdgeLabel.LINE_HEIGHT + 2 * EdgeLabel.PAD_Y);
        assertThat(label.lines()).noneMatch(line -> line.contains("…"));
    }

    @Test
    void noConditionMeansOneLineAndLineBreaksInAConditionAreSpaces() {
        assertThat(EdgeLabel.of(new DiagramTransition("A", "go", "B", "", List.of())).lines()).containsExactly("go");
        assertThat(EdgeLabel.of(new DiagramTransition("A", "go", "B", "a ==\n   1", List.of())).lines())
                .containsExactly("go", "[a == 1]");
    }

    @Property
    void wrappingKeepsEveryCharacterAndNoLineIsTooLong(@ForAll @StringLength(max = 300) String text,
                                                      @ForAll @IntRange(min = 5, max = 60) int max) {
        List<String> lines = EdgeLabel.wrap(text, max);
        assertThat(String.join("", lines)).isEqualTo(text);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(max));
    }
}
